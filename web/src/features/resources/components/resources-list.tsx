/** The resources list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { type ListConfig, ListView, type ListViewProps } from '../../../shared/components/list-view.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { COUNT_OPS, ELEMENT_OPS, type FilterField, TEXT_OPS } from '../../../shared/lib/filter-spec.ts';
import { formatNumber, shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { fetchResources, fetchResourcesCsv, RESOURCE_TYPES, RESOURCES_KEY, type Resource } from '../api/resources.ts';

/** Every filter of `GET /api/applicationResources`. */
export const RESOURCE_FILTERS: readonly FilterField[] = [
  { field: 'resourceName', label: 'Name', kind: 'text', ops: TEXT_OPS },
  { field: 'resourceHash', label: 'Hash', kind: 'text', ops: TEXT_OPS },
  {
    field: 'resourceType',
    label: 'Type',
    kind: 'choice',
    ops: ['is'],
    options: RESOURCE_TYPES.map((value) => ({ value, label: value })),
  },
  { field: 'vulnerabilitySeverity', label: 'Highest severity', kind: 'severity', ops: ['gte', 'lte'] },
  { field: 'applications', label: 'Applications', kind: 'count', ops: COUNT_OPS },
  { field: 'packages', label: 'Packages', kind: 'count', ops: COUNT_OPS },
  { field: 'reportingSBOMAnalyzers', label: 'SBOM analyzer', kind: 'element', ops: ELEMENT_OPS },
];

const COLUMNS: readonly Column<Resource>[] = [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'resourceName',
    render: (row) => <Link to={routes.resource(row.id)}>{row.resourceName}</Link>,
  },
  {
    id: 'hash',
    header: 'Hash',
    sortKey: 'resourceHash',
    hideBelow: 'lg',
    render: (row) => (
      <code title={row.resourceHash} className="mono">
        {shortHash(row.resourceHash)}
      </code>
    ),
  },
  { id: 'type', header: 'Type', sortKey: 'resourceType', hideBelow: 'md', render: (row) => row.resourceType },
  {
    id: 'vulnerabilities',
    header: 'Vulnerabilities',
    sortKey: 'vulnerabilities',
    firstDir: 'DESC',
    render: (row) => (
      <SeverityTags
        counts={row.vulnerabilities}
        linkFor={(severity) =>
          routes.vulnerabilities({ applicationResourceID: row.id, 'vulnerabilitySeverity[is]': severity })
        }
      />
    ),
  },
  {
    id: 'applications',
    header: 'Applications',
    sortKey: 'applications',
    firstDir: 'DESC',
    align: 'end',
    render: (row) => (
      <Link to={routes.applications({ applicationResourceID: row.id })}>{formatNumber(row.applications)}</Link>
    ),
  },
  {
    id: 'packages',
    header: 'Packages',
    sortKey: 'packages',
    firstDir: 'DESC',
    align: 'end',
    render: (row) => <Link to={routes.packages({ applicationResourceID: row.id })}>{formatNumber(row.packages)}</Link>,
  },
  {
    id: 'analyzers',
    header: 'SBOM analyzers',
    hideBelow: 'lg',
    render: (row) => (row.reportingSBOMAnalyzers ?? []).join(', ') || '–',
  },
];

/** The list's configuration. */
export const RESOURCES_LIST: ListConfig<Resource> = {
  name: 'Resources',
  key: RESOURCES_KEY,
  defaults: { sortKey: 'vulnerabilities', sortDir: 'DESC' },
  filters: RESOURCE_FILTERS,
  columns: COLUMNS,
  rowKey: (row) => row.id,
  rowLink: (row) => routes.resource(row.id),
  fetchPage: fetchResources,
  fetchCsv: fetchResourcesCsv,
  csvName: 'resources.csv',
};

/** The resources list, optionally scoped (an application's or package's resources). */
export function ResourcesList(props: Omit<ListViewProps<Resource>, 'config'>): ReactNode {
  return <ListView config={RESOURCES_LIST} {...props} />;
}
