/** Columns that several lists share: severity counts linked to the scoped vulnerabilities list, and counts. */
import { Link } from 'react-router';
import { formatNumber } from '../lib/format.ts';
import type { ScopeKey } from '../lib/list-query.ts';
import { routes } from '../lib/routes.ts';
import type { SeverityCount } from '../lib/severity.ts';
import type { Column } from './data-table.tsx';
import { ScopedSeverityTags } from './severity-tags.tsx';

/** A row with an ID and its findings counted by severity (applications, resources, packages). */
interface CountedRow {
  id: string;
  vulnerabilities: readonly SeverityCount[] | null | undefined;
}

/** The "Vulnerabilities" column: tags per severity, each a link to the row's findings; sorts worst first. */
export function vulnerabilitiesColumn<Row extends CountedRow>(scopeKey: ScopeKey): Column<Row> {
  return {
    id: 'vulnerabilities',
    header: 'Vulnerabilities',
    sortKey: 'vulnerabilities',
    firstDir: 'DESC',
    render: (row) => <ScopedSeverityTags counts={row.vulnerabilities} scope={{ key: scopeKey, value: row.id }} />,
  };
}

/** What a count column shows: its number and, when given, the list it links to. */
export interface CountColumnSpec<Row> extends Pick<Column<Row>, 'id' | 'header' | 'hideBelow'> {
  sortKey: string;
  count: (row: Row) => number;
  href?: (row: Row) => string;
}

/** A right-aligned, sortable count (largest first), optionally a link to the related list scoped to the row. */
export function countColumn<Row>({ count, href, ...column }: CountColumnSpec<Row>): Column<Row> {
  return {
    ...column,
    firstDir: 'DESC',
    align: 'end',
    render: (row) => (href ? <Link to={href(row)}>{formatNumber(count(row))}</Link> : formatNumber(count(row))),
  };
}

/** Lists a row can count, each with its header, API sort key (also the row's count field) and list link. */
const RELATED = {
  applications: { header: 'Applications', sortKey: 'applications', list: routes.applications },
  resources: { header: 'Resources', sortKey: 'applicationResources', list: routes.resources },
  packages: { header: 'Packages', sortKey: 'packages', list: routes.packages },
} as const;

/** One of the lists a row can count. */
export type RelatedList = keyof typeof RELATED;

/** The row field (and sort key) holding that count. */
type CountField<Related extends RelatedList> = (typeof RELATED)[Related]['sortKey'];

/** How many applications, resources or packages a row has; the number links to that list scoped to the row. */
export function relatedCountColumn<
  Related extends RelatedList,
  Row extends { id: string } & Record<CountField<Related>, number>,
>(related: Related, scopeKey: ScopeKey, hideBelow?: Column<Row>['hideBelow']): Column<Row> {
  const { header, list } = RELATED[related];
  const sortKey: CountField<Related> = RELATED[related].sortKey;
  return countColumn<Row>({
    id: related,
    header,
    sortKey,
    ...(hideBelow ? { hideBelow } : {}),
    count: (row) => row[sortKey],
    href: (row) => list({ [scopeKey]: row.id }),
  });
}

/** A list-valued cell ("syft, trivy"), or a dash when empty. */
export function joinedList(items: readonly string[] | null | undefined): string {
  return (items ?? []).join(', ') || '–';
}
