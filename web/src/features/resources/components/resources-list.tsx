/** The resources list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { joinedList, relatedCountColumn, vulnerabilitiesColumn } from '../../../shared/components/list-columns.tsx';
import { type ListConfig, type ListProps, ListView } from '../../../shared/components/list-view.tsx';
import {
  choiceFilter,
  countFilter,
  elementFilter,
  type FilterField,
  HIGHEST_SEVERITY_FILTER,
  textFilter,
} from '../../../shared/lib/filter-spec.ts';
import { shortHash } from '../../../shared/lib/format.ts';
import { routes } from '../../../shared/lib/routes.ts';
import { fetchResources, fetchResourcesCsv, RESOURCE_TYPES, RESOURCES_KEY, type Resource } from '../api/resources.ts';

/** Every filter of `GET /api/applicationResources`. */
export const RESOURCE_FILTERS: readonly FilterField[] = [
  textFilter('resourceName', 'Name'),
  textFilter('resourceHash', 'Hash'),
  choiceFilter('resourceType', 'Type', RESOURCE_TYPES),
  HIGHEST_SEVERITY_FILTER,
  countFilter('applications', 'Applications'),
  countFilter('packages', 'Packages'),
  elementFilter('reportingSBOMAnalyzers', 'SBOM analyzer'),
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
  vulnerabilitiesColumn('applicationResourceID'),
  relatedCountColumn('applications', 'applicationResourceID'),
  relatedCountColumn('packages', 'applicationResourceID'),
  {
    id: 'analyzers',
    header: 'SBOM analyzers',
    hideBelow: 'lg',
    render: (row) => joinedList(row.reportingSBOMAnalyzers),
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
export function ResourcesList(props: ListProps<Resource>): ReactNode {
  return <ListView config={RESOURCES_LIST} {...props} />;
}
