/** The applications list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { relatedCountColumn, vulnerabilitiesColumn } from '../../../shared/components/list-columns.tsx';
import { type ListConfig, type ListProps, ListView } from '../../../shared/components/list-view.tsx';
import {
  choiceFilter,
  countFilter,
  elementFilter,
  type FilterField,
  HIGHEST_SEVERITY_FILTER,
  textFilter,
} from '../../../shared/lib/filter-spec.ts';
import { routes } from '../../../shared/lib/routes.ts';
import {
  APPLICATION_TYPES,
  APPLICATIONS_KEY,
  type Application,
  fetchApplications,
  fetchApplicationsCsv,
} from '../api/applications.ts';
import { LabelList } from './label-list.tsx';

/** Every filter of `GET /api/applications`. */
export const APPLICATION_FILTERS: readonly FilterField[] = [
  textFilter('applicationName', 'Name'),
  choiceFilter('applicationType', 'Type', APPLICATION_TYPES),
  elementFilter('applicationLabels', 'Label (key=value)'),
  elementFilter('applicationEnvs', 'Environment'),
  HIGHEST_SEVERITY_FILTER,
  countFilter('applicationResources', 'Resources'),
  countFilter('packages', 'Packages'),
];

const COLUMNS: readonly Column<Application>[] = [
  {
    id: 'name',
    header: 'Name',
    sortKey: 'applicationName',
    render: (row) => <Link to={routes.application(row.id)}>{row.applicationName}</Link>,
  },
  { id: 'type', header: 'Type', sortKey: 'applicationType', render: (row) => row.applicationType, hideBelow: 'md' },
  { id: 'labels', header: 'Labels', render: (row) => <LabelList items={row.labels} />, hideBelow: 'lg' },
  {
    id: 'environments',
    header: 'Environments',
    render: (row) => <LabelList items={row.environments} />,
    hideBelow: 'lg',
  },
  vulnerabilitiesColumn('applicationID'),
  relatedCountColumn('resources', 'applicationID'),
  relatedCountColumn('packages', 'applicationID'),
];

/** The list's configuration. */
export const APPLICATIONS_LIST: ListConfig<Application> = {
  name: 'Applications',
  key: APPLICATIONS_KEY,
  defaults: { sortKey: 'vulnerabilities', sortDir: 'DESC' },
  filters: APPLICATION_FILTERS,
  columns: COLUMNS,
  rowKey: (row) => row.id,
  rowLink: (row) => routes.application(row.id),
  fetchPage: fetchApplications,
  fetchCsv: fetchApplicationsCsv,
  csvName: 'applications.csv',
};

/** The applications list, optionally scoped (a resource's or package's applications). */
export function ApplicationsList(props: ListProps<Application>): ReactNode {
  return <ListView config={APPLICATIONS_LIST} {...props} />;
}
