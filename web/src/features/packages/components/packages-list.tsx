/** The packages list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { type ListConfig, ListView, type ListViewProps } from '../../../shared/components/list-view.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { COUNT_OPS, type FilterField, TEXT_OPS } from '../../../shared/lib/filter-spec.ts';
import { formatNumber } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { fetchPackages, fetchPackagesCsv, PACKAGES_KEY, type Package } from '../api/packages.ts';

/** Every filter of `GET /api/packages`. */
export const PACKAGE_FILTERS: readonly FilterField[] = [
  { field: 'packageName', label: 'Name', kind: 'text', ops: TEXT_OPS },
  { field: 'packageVersion', label: 'Version', kind: 'text', ops: TEXT_OPS },
  { field: 'language', label: 'Language', kind: 'text', ops: TEXT_OPS },
  { field: 'license', label: 'License', kind: 'text', ops: TEXT_OPS },
  { field: 'vulnerabilitySeverity', label: 'Highest severity', kind: 'severity', ops: ['gte', 'lte'] },
  { field: 'applications', label: 'Applications', kind: 'count', ops: COUNT_OPS },
  { field: 'applicationResources', label: 'Resources', kind: 'count', ops: COUNT_OPS },
];

const COLUMNS: readonly Column<Package>[] = [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'packageName',
    render: (row) => <Link to={routes.package(row.id)}>{row.packageName}</Link>,
  },
  { id: 'version', header: 'Version', sortKey: 'version', render: (row) => <code>{row.version}</code> },
  { id: 'language', header: 'Language', sortKey: 'language', hideBelow: 'md', render: (row) => row.language || '–' },
  { id: 'license', header: 'License', sortKey: 'license', hideBelow: 'lg', render: (row) => row.license || '–' },
  {
    id: 'vulnerabilities',
    header: 'Vulnerabilities',
    sortKey: 'vulnerabilities',
    firstDir: 'DESC',
    render: (row) => (
      <SeverityTags
        counts={row.vulnerabilities}
        linkFor={(severity) => routes.vulnerabilities({ packageID: row.id, 'vulnerabilitySeverity[is]': severity })}
      />
    ),
  },
  {
    id: 'applications',
    header: 'Applications',
    sortKey: 'applications',
    firstDir: 'DESC',
    align: 'end',
    hideBelow: 'md',
    render: (row) => <Link to={routes.applications({ packageID: row.id })}>{formatNumber(row.applications)}</Link>,
  },
  {
    id: 'resources',
    header: 'Resources',
    sortKey: 'applicationResources',
    firstDir: 'DESC',
    align: 'end',
    render: (row) => <Link to={routes.resources({ packageID: row.id })}>{formatNumber(row.applicationResources)}</Link>,
  },
];

/** The list's configuration. */
export const PACKAGES_LIST: ListConfig<Package> = {
  name: 'Packages',
  key: PACKAGES_KEY,
  defaults: { sortKey: 'vulnerabilities', sortDir: 'DESC' },
  filters: PACKAGE_FILTERS,
  columns: COLUMNS,
  rowKey: (row) => row.id,
  rowLink: (row) => routes.package(row.id),
  fetchPage: fetchPackages,
  fetchCsv: fetchPackagesCsv,
  csvName: 'packages.csv',
};

/** The packages list, optionally scoped (an application's or resource's packages). */
export function PackagesList(props: Omit<ListViewProps<Package>, 'config'>): ReactNode {
  return <ListView config={PACKAGES_LIST} {...props} />;
}
