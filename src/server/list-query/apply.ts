/**
 * Applying a parsed list query to a Kysely query: filters become SQL with bound values only, column names come only
 * from the endpoint's spec (never from the request), sort keys map through the spec's allowlist.
 *
 * - start/end/contains match case-insensitively (SQLite's LIKE folds ASCII, PostgreSQL's lower() folds all), with `%`,
 *   `_` and `\` in the value escaped so they match themselves.
 * - containElements/doesntContainElements look for the element in the column's JSON array text. The needle is the
 *   element as JSON preceded by `[` or `,`; outside a JSON string those two characters are never followed by an
 *   unescaped quote except at an element's start, so a match is an exact, case-sensitive element match.
 */
import { type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { StoreDialect } from '../store/dialect.ts';
import type { FieldSpec, Filter, ListQuery, ListSpec } from './list-query.ts';

/** The SQL conditions of the query's filters, to AND into a WHERE clause; empty when there are none. */
export function filterConditions(
  filters: readonly Filter[],
  spec: Pick<ListSpec, 'filters'>,
  dialect: StoreDialect,
): RawBuilder<SqlBool>[] {
  return filters.map((filter) => {
    const field = spec.filters[filter.field];
    if (!field) throw new Error(`filter ${filter.field} is not in the spec`);
    return condition(filter, field, dialect);
  });
}

/** Conditions joined with AND (TRUE when there are none). */
export function allOf(conditions: readonly Expression<SqlBool>[]): RawBuilder<SqlBool> {
  if (conditions.length === 0) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** Orders by the sort key's columns, then by the tie-breakers, all in the requested direction. */
// biome-ignore lint/suspicious/noExplicitAny: works on any select query; the columns come from the spec.
export function applySort<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, query: ListQuery, spec: ListSpec): QB {
  const columns = spec.sortKeys[query.sortKey];
  if (!columns) throw new Error(`sort key ${query.sortKey} is not in the spec`);
  let ordered = qb;
  for (const column of columns) {
    ordered = ordered.orderBy(sql.ref(column), query.sortDir === 'DESC' ? 'desc' : 'asc') as QB;
  }
  // Tie-breakers follow the same direction, so the whole ORDER BY can walk one index backwards.
  for (const column of spec.tieBreakers) {
    ordered = ordered.orderBy(sql.ref(column), query.sortDir === 'DESC' ? 'desc' : 'asc') as QB;
  }
  return ordered;
}

/** LIMIT/OFFSET of the requested page. */
// biome-ignore lint/suspicious/noExplicitAny: works on any select query.
export function applyPage<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, query: ListQuery): QB {
  return qb.limit(query.pageSize).offset((query.page - 1) * query.pageSize) as QB;
}

/** Escapes LIKE's wildcards (`%`, `_`) and the escape character itself, for `ESCAPE '\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function condition(filter: Filter, field: FieldSpec, dialect: StoreDialect): RawBuilder<SqlBool> {
  const column = sql.ref(field.column);
  const values = expandValues(filter, field);
  switch (filter.op) {
    case 'is':
      return sql<SqlBool>`${column} in (${sql.join(values)})`;
    case 'isNot':
      return sql<SqlBool>`${column} not in (${sql.join(values)})`;
    case 'gte':
      return sql<SqlBool>`${column} >= ${values[0]}`;
    case 'lte':
      return sql<SqlBool>`${column} <= ${values[0]}`;
    case 'start':
      return like(column, `${escapeLike(String(values[0]))}%`, dialect);
    case 'end':
      return like(column, `%${escapeLike(String(values[0]))}`, dialect);
    case 'contains':
      return allOf(values.map((value) => like(column, `%${escapeLike(String(value))}%`, dialect)));
    case 'containElements':
      return allOf(values.map((value) => hasElement(column, String(value), dialect)));
    case 'doesntContainElements':
      return allOf(values.map((value) => sql<SqlBool>`not ${hasElement(column, String(value), dialect)}`));
  }
}

/** Enum values stored in combined form match every stored value they appear in. */
function expandValues(filter: Filter, field: FieldSpec): readonly (string | number)[] {
  if (field.kind !== 'enum' || !field.expand) return filter.values;
  const expanded = filter.values.flatMap(
    (value): readonly (string | number)[] => field.expand?.[String(value)] ?? [value],
  );
  return [...new Set(expanded)];
}

function like(column: RawBuilder<unknown>, pattern: string, dialect: StoreDialect): RawBuilder<SqlBool> {
  // PostgreSQL: lower() on both sides rather than ILIKE, so a prefix can use the lower(column) index (migration 001).
  return dialect === 'postgres'
    ? sql<SqlBool>`lower(${column}) like lower(${pattern}) escape '\\'`
    : sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}

function hasElement(column: RawBuilder<unknown>, element: string, dialect: StoreDialect): RawBuilder<SqlBool> {
  const json = JSON.stringify(element);
  // Substring search without wildcards: SQLite's instr, PostgreSQL's strpos (both case-sensitive).
  const position = dialect === 'postgres' ? sql`strpos` : sql`instr`;
  return sql<SqlBool>`(${position}(${column}, ${`[${json}`}) > 0 or ${position}(${column}, ${`,${json}`}) > 0)`;
}
