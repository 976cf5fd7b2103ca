/** The applications list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { type ListConfig, ListView, type ListViewProps } from '../../../shared/components/list-view.tsx';
import { SeverityTags } from '../../../shared/components/severity-tags.tsx';
import { COUNT_OPS, ELEMENT_OPS, type FilterField, TEXT_OPS } from '../../../shared/lib/filter-spec.ts';
import { formatNumber } from '../../../shared/lib/format.ts';
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
  { field: 'applicationName', label: 'Name', kind: 'text', ops: TEXT_OPS },
  {
    field: 'applicationType',
    label: 'Type',
    kind: 'choice',
    ops: ['is'],
    options: APPLICATION_TYPES.map((value) => ({ value, label: value })),
  },
  { field: 'applicationLabels', label: 'Label (key=value)', kind: 'element', ops: ELEMENT_OPS },
  { field: 'applicationEnvs', label: 'Environment', kind: 'element', ops: ELEMENT_OPS },
  { field: 'vulnerabilitySeverity', label: 'Highest severity', kind: 'severity', ops: ['gte', 'lte'] },
  { field: 'applicationResources', label: 'Resources', kind: 'count', ops: COUNT_OPS },
  { field: 'packages', label: 'Packages', kind: 'count', ops: COUNT_OPS },
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
  {
    id: 'vulnerabilities',
    header: 'Vulnerabilities',
    sortKey: 'vulnerabilities',
    firstDir: 'DESC',
    render: (row) => (
      <SeverityTags
        counts={row.vulnerabilities}
        linkFor={(severity) => routes.vulnerabilities({ applicationID: row.id, 'vulnerabilitySeverity[is]': severity })}
      />
    ),
  },
  {
    id: 'resources',
    header: 'Resources',
    sortKey: 'applicationResources',
    firstDir: 'DESC',
    align: 'end',
    render: (row) => (
      <Link to={routes.resources({ applicationID: row.id })}>{formatNumber(row.applicationResources)}</Link>
    ),
  },
  {
    id: 'packages',
    header: 'Packages',
    sortKey: 'packages',
    firstDir: 'DESC',
    align: 'end',
    render: (row) => <Link to={routes.packages({ applicationID: row.id })}>{formatNumber(row.packages)}</Link>,
  },
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
export function ApplicationsList(props: Omit<ListViewProps<Application>, 'config'>): ReactNode {
  return <ListView config={APPLICATIONS_LIST} {...props} />;
}
