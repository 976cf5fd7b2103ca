/** The resources that contain one package, with the analyzers that found it there. */
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { joinedList } from '../../../shared/components/list-columns.tsx';
import { type ListConfig, ListView } from '../../../shared/components/list-view.tsx';
import { elementFilter, textFilter } from '../../../shared/lib/filter-spec.ts';
import { shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { PACKAGES_KEY, type PackageResource, packageResourcesFetcher } from '../api/packages.ts';

const COLUMNS: readonly Column<PackageResource>[] = [
  {
    id: 'name',
    header: 'Resource',
    sortKey: 'resourceName',
    render: (row) => <Link to={routes.resource(row.resourceID)}>{row.resourceName}</Link>,
  },
  {
    id: 'hash',
    header: 'Hash',
    sortKey: 'resourceHash',
    render: (row) => <code title={row.resourceHash}>{shortHash(row.resourceHash)}</code>,
  },
  { id: 'analyzers', header: 'SBOM analyzers', render: (row) => joinedList(row.reportingSBOMAnalyzers) },
];

/** The list, with its own filters, kept in the URL under `prefix`. */
export function PackageResourcesList({ packageId, prefix = 'r' }: { packageId: string; prefix?: string }): ReactNode {
  const config = useMemo<ListConfig<PackageResource>>(
    () => ({
      name: 'Resources',
      key: `${PACKAGES_KEY}/${packageId}/applicationResources`,
      defaults: { sortKey: 'resourceName', sortDir: 'ASC', pageSize: 25 },
      filters: [
        textFilter('resourceName', 'Name'),
        textFilter('resourceHash', 'Hash'),
        elementFilter('reportingSBOMAnalyzers', 'SBOM analyzer'),
      ],
      columns: COLUMNS,
      rowKey: (row) => row.resourceID,
      rowLink: (row) => routes.resource(row.resourceID),
      fetchPage: packageResourcesFetcher(packageId),
    }),
    [packageId],
  );
  return <ListView config={config} prefix={prefix} />;
}
