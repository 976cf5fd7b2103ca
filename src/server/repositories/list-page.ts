/**
 * Running a list query: the filtered count and one sorted page, from the same base query and conditions. The base
 * query names the table(s) and selected columns; conditions come from the parsed filters and the scope only.
 */
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { SEVERITY_LEVELS, type SeverityLevel } from '../../matcher/match.ts';
import { allOf, applyPage, applySort, filterConditions } from '../list-query/apply.ts';
import type { ListQuery, ListSpec } from '../list-query/list-query.ts';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import { SEVERITY_COUNTER_COLUMN } from '../store/severity.ts';

/** A page of a list: the filtered total and the page's items, as every list endpoint answers. */
export interface Page<T> {
  total: number;
  items: T[];
}

/**
 * Counts the matching rows and reads one page of them. The page is found first by its keys only (the endpoint's
 * tie-breaker columns) and the whole rows are read for those keys afterwards: sorting a filtered set then moves keys
 * and sort columns, never whole rows (a 250,000-row sort of `packages.*` took seconds on SQLite). `from`, when given,
 * names what the rows are counted in and what the page's keys are found in (only the tables the filters, and the
 * filters and the sort, name), and `base` then reads the page's rows whole.
 */
export async function runList<Row>(
  store: Store,
  // biome-ignore lint/suspicious/noExplicitAny: any base query over the store's tables.
  base: SelectQueryBuilder<Database, any, Row>,
  query: ListQuery,
  spec: ListSpec,
  extra: readonly Expression<SqlBool>[] = [],
  from: { count?: AnyBase; keys?: AnyBase } = {},
): Promise<{ total: number; rows: Row[] }> {
  const where = allOf([...filterConditions(query.filters, spec, store.dialect), ...extra]);
  const filtered = (from.keys ?? base).where(where);
  const counted = (from.count ?? base).where(where);
  const keys = pageKeyColumns(spec, store.dialect).map((column) => sql.ref(column));
  const pageKeys = applyPage(
    applySort(filtered.clearSelect().select(keys.map((key, index) => key.as(`k${index}`))), query, spec),
    query,
  );
  const keyTuple = keys.length === 1 ? sql.join(keys) : sql`(${sql.join(keys)})`;
  const [count, rows] = await Promise.all([
    counted.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow() as Promise<{ n: number }>,
    applySort(base.where(sql<SqlBool>`${keyTuple} in ${pageKeys}`), query, spec).execute(),
  ]);
  return { total: Number(count.n), rows };
}

// biome-ignore lint/suspicious/noExplicitAny: any base query over the store's tables.
type AnyBase = SelectQueryBuilder<Database, any, unknown>;

/**
 * The columns a page is found by: the tie-breakers, except on SQLite when they are several: there a row-value IN is
 * looked up by its first column only and its list built twice, so the page goes by the table's rowid (valid within
 * the statement, never stored). The tie-breakers' table is the list's own table.
 */
function pageKeyColumns(spec: ListSpec, dialect: Store['dialect']): readonly string[] {
  if (dialect !== 'sqlite' || spec.tieBreakers.length < 2) return spec.tieBreakers;
  const table = spec.tieBreakers[0]?.split('.')[0];
  return table ? [`${table}.rowid`] : spec.tieBreakers;
}

/** Vulnerability counts per severity, as KubeClarity's `[{severity, count}]` (every level, highest first). */
export interface SeverityCount {
  severity: SeverityLevel;
  count: number;
}

/** The counter columns of a row as `[{severity, count}]`. */
export function severityCounts(row: Readonly<Record<string, unknown>>): SeverityCount[] {
  return SEVERITY_LEVELS.map((severity) => ({ severity, count: Number(row[SEVERITY_COUNTER_COLUMN[severity]] ?? 0) }));
}

/** The counter columns, for selects. */
export const COUNTER_COLUMNS = Object.values(SEVERITY_COUNTER_COLUMN);

/** A JSON array column as strings. */
export function jsonList(text: string | null | undefined): string[] {
  if (!text) return [];
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value.map(String) : [];
}
