/** The vulnerabilities list: columns, filters and fetchers for the shared ListView. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../../shared/components/data-table.tsx';
import { countColumn, joinedList } from '../../../shared/components/list-columns.tsx';
import { type ListConfig, type ListProps, ListView } from '../../../shared/components/list-view.tsx';
import { SeverityBadge } from '../../../shared/components/severity-tags.tsx';
import {
  choiceFilter,
  countFilter,
  elementFilter,
  type FilterField,
  textFilter,
} from '../../../shared/lib/filter-spec.ts';
import { routes } from '../../../shared/lib/routes.ts';
import {
  fetchVulnerabilities,
  fetchVulnerabilitiesCsv,
  VULNERABILITIES_KEY,
  type VulnerabilityRow,
} from '../api/vulnerabilities.ts';

/** Every filter of `GET /api/vulnerabilities`. */
export const VULNERABILITY_FILTERS: readonly FilterField[] = [
  textFilter('vulnerabilityName', 'Vulnerability'),
  { field: 'vulnerabilitySeverity', label: 'Severity', kind: 'severity', ops: ['gte', 'lte', 'is', 'isNot'] },
  textFilter('packageName', 'Package'),
  textFilter('packageVersion', 'Package version'),
  choiceFilter(
    'hasFixVersion',
    'Fix',
    [
      { value: 'true', label: 'available' },
      { value: 'false', label: 'not available' },
    ],
    'boolean',
  ),
  countFilter('applications', 'Applications'),
  countFilter('applicationResources', 'Resources'),
  elementFilter('reportingScanners', 'Scanner'),
  choiceFilter('vulnerabilitySource', 'Source', [
    { value: 'CICD', label: 'CI/CD' },
    { value: 'RUNTIME', label: 'Runtime' },
  ]),
];

const COLUMNS: readonly Column<VulnerabilityRow>[] = [
  {
    id: 'name',
    header: 'Vulnerability',
    sortKey: 'vulnerabilityName',
    render: (row) => <Link to={routes.vulnerability(row.vulnerabilityID, row.packageID)}>{row.vulnerabilityName}</Link>,
  },
  {
    id: 'severity',
    header: 'Severity',
    sortKey: 'severity',
    firstDir: 'DESC',
    render: (row) => (
      <span className="sev-cell">
        <SeverityBadge severity={row.severity} />
        {row.cvssBaseScore !== null && row.cvssBaseScore !== undefined ? (
          <span className="muted"> CVSS {row.cvssBaseScore.toFixed(1)}</span>
        ) : null}
      </span>
    ),
  },
  {
    id: 'package',
    header: 'Package',
    sortKey: 'packageName',
    render: (row) => <Link to={routes.package(row.packageID)}>{row.packageName}</Link>,
  },
  { id: 'version', header: 'Version', sortKey: 'packageVersion', render: (row) => <code>{row.packageVersion}</code> },
  {
    id: 'fix',
    header: 'Fix version',
    sortKey: 'fixVersion',
    render: (row) => (row.fixVersion ? <code>{row.fixVersion}</code> : <span className="muted">none</span>),
  },
  countColumn({
    id: 'applications',
    header: 'Applications',
    sortKey: 'applications',
    hideBelow: 'lg',
    count: (row) => row.applications,
  }),
  countColumn({
    id: 'resources',
    header: 'Resources',
    sortKey: 'applicationResources',
    hideBelow: 'md',
    count: (row) => row.applicationResources,
  }),
  { id: 'scanners', header: 'Scanners', hideBelow: 'lg', render: (row) => joinedList(row.reportingScanners) },
  { id: 'source', header: 'Source', sortKey: 'source', hideBelow: 'lg', render: (row) => row.source },
];

/** The list's configuration. */
export const VULNERABILITIES_LIST: ListConfig<VulnerabilityRow> = {
  name: 'Vulnerabilities',
  key: VULNERABILITIES_KEY,
  defaults: { sortKey: 'severity', sortDir: 'DESC' },
  filters: VULNERABILITY_FILTERS,
  columns: COLUMNS,
  rowKey: (row) => `${row.vulnerabilityID}/${row.packageID}`,
  rowLink: (row) => routes.vulnerability(row.vulnerabilityID, row.packageID),
  fetchPage: fetchVulnerabilities,
  fetchCsv: fetchVulnerabilitiesCsv,
  csvName: 'vulnerabilities.csv',
};

/** The vulnerabilities list, optionally scoped (an application's, resource's or package's findings). */
export function VulnerabilitiesList(props: ListProps<VulnerabilityRow>): ReactNode {
  return <ListView config={VULNERABILITIES_LIST} {...props} />;
}
