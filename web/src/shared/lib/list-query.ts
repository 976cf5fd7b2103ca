/**
 * List state lives in the URL, with the API's own parameter names (`page`, `pageSize`, `sortKey`, `sortDir`,
 * `field[op]` filters and one scope filter such as `applicationID`), so a link is a query and a query is a link.
 * These pure functions read and change that state; pages keep the URL the single source of truth.
 */

/** Filter operators of the list API (KubeClarity's conventions). */
export const FILTER_OPS = [
  'is',
  'isNot',
  'start',
  'end',
  'contains',
  'gte',
  'lte',
  'containElements',
  'doesntContainElements',
] as const;

/** One filter operator. */
export type FilterOp = (typeof FILTER_OPS)[number];

/** Hidden scope filters; at most one applies to a list. */
export const SCOPE_KEYS = ['applicationID', 'applicationResourceID', 'packageID', 'currentRuntimeScan'] as const;

/** One scope filter name. */
export type ScopeKey = (typeof SCOPE_KEYS)[number];

/** Sort direction of the list API. */
export type SortDir = 'ASC' | 'DESC';

/** An active `field[op]` filter with its values (several for list operators). */
export interface ActiveFilter {
  field: string;
  op: FilterOp;
  values: string[];
}

/** Everything a list page needs from the URL. */
export interface ListState {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDir: SortDir;
  filters: ActiveFilter[];
  scope: { key: ScopeKey; value: string } | null;
}

/** What a list falls back to when the URL says nothing. */
export interface ListDefaults {
  sortKey: string;
  sortDir: SortDir;
  pageSize?: number;
}

/** Page sizes offered; the API allows at most 100. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const DEFAULT_PAGE_SIZE = 50;
const FILTER_KEY = /^([A-Za-z][A-Za-z0-9]*)\[([A-Za-z]+)\]$/;

/** Splits `field[op]` into its parts; null for any other key or an unknown operator. */
export function parseFilterKey(key: string): { field: string; op: FilterOp } | null {
  const match = FILTER_KEY.exec(key);
  if (!match) return null;
  const op = match[2] as FilterOp;
  return (FILTER_OPS as readonly string[]).includes(op) ? { field: match[1] as string, op } : null;
}

/** `field[op]`. */
export function filterKey(field: string, op: FilterOp): string {
  return `${field}[${op}]`;
}

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

/** Reads a list's state from URL search parameters, applying the list's defaults. */
export function readListState(search: URLSearchParams, defaults: ListDefaults): ListState {
  const filters: ActiveFilter[] = [];
  for (const key of new Set(search.keys())) {
    const parsed = parseFilterKey(key);
    if (!parsed) continue;
    const values = search.getAll(key).filter((value) => value !== '');
    if (values.length > 0) filters.push({ ...parsed, values });
  }
  let scope: ListState['scope'] = null;
  for (const key of SCOPE_KEYS) {
    const value = search.get(key);
    if (value) {
      scope = { key, value };
      break;
    }
  }
  const sortDir = search.get('sortDir');
  return {
    page: positiveInt(search.get('page'), 1),
    pageSize: positiveInt(search.get('pageSize'), defaults.pageSize ?? DEFAULT_PAGE_SIZE, 100),
    sortKey: search.get('sortKey') || defaults.sortKey,
    sortDir: sortDir === 'ASC' || sortDir === 'DESC' ? sortDir : defaults.sortDir,
    filters,
    scope,
  };
}

/** The API query for a list state: filters and scope, plus paging and sorting unless `forExport`. */
export function toApiQuery(state: ListState, options: { forExport?: boolean } = {}): URLSearchParams {
  const query = new URLSearchParams();
  if (!options.forExport) {
    query.set('page', String(state.page));
    query.set('pageSize', String(state.pageSize));
  }
  query.set('sortKey', state.sortKey);
  query.set('sortDir', state.sortDir);
  for (const filter of state.filters) {
    for (const value of filter.values) query.append(filterKey(filter.field, filter.op), value);
  }
  if (state.scope) query.set(state.scope.key, state.scope.value);
  return query;
}

/** A copy of `search` with one filter replaced (or removed when `values` is empty); paging restarts. */
export function withFilter(search: URLSearchParams, field: string, op: FilterOp, values: string[]): URLSearchParams {
  const next = new URLSearchParams(search);
  const key = filterKey(field, op);
  next.delete(key);
  for (const value of values) if (value !== '') next.append(key, value);
  next.delete('page');
  return next;
}

/** A copy of `search` without the scope filter; paging restarts. */
export function withoutScope(search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of SCOPE_KEYS) next.delete(key);
  next.delete('page');
  return next;
}

/** A copy of `search` without any filter or scope (sorting and page size stay). */
export function withoutFilters(search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of search) {
    if (key === 'sortKey' || key === 'sortDir' || key === 'pageSize') next.append(key, value);
  }
  return next;
}

/**
 * A copy of `search` sorted by `sortKey`: clicking the current key flips its direction, a new key starts with
 * `firstDir` (descending for counts and severities, where the interesting rows are the big ones).
 */
export function withSort(
  search: URLSearchParams,
  state: ListState,
  sortKey: string,
  firstDir: SortDir,
): URLSearchParams {
  const next = new URLSearchParams(search);
  const dir: SortDir = state.sortKey === sortKey ? (state.sortDir === 'ASC' ? 'DESC' : 'ASC') : firstDir;
  next.set('sortKey', sortKey);
  next.set('sortDir', dir);
  next.delete('page');
  return next;
}

/** A copy of `search` on another page (and page size, which restarts at page 1). */
export function withPage(search: URLSearchParams, page: number, pageSize?: number): URLSearchParams {
  const next = new URLSearchParams(search);
  if (pageSize !== undefined) {
    next.set('pageSize', String(pageSize));
    next.delete('page');
    return next;
  }
  if (page <= 1) next.delete('page');
  else next.set('page', String(page));
  return next;
}

/** A `path?query` link built from plain pairs; values that are arrays become repeated keys. */
export function listLink(path: string, params: Record<string, string | number | boolean | string[]>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) query.append(key, item);
    else query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The parameters of one list when several share a page's URL (detail-page tabs): keys `PREFIX.name`, returned
 * without their prefix. An empty prefix returns the parameters unchanged.
 */
export function subParams(search: URLSearchParams, prefix: string): URLSearchParams {
  if (!prefix) return new URLSearchParams(search);
  const out = new URLSearchParams();
  const start = `${prefix}.`;
  for (const [key, value] of search) if (key.startsWith(start)) out.append(key.slice(start.length), value);
  return out;
}

/** `search` with one list's parameters replaced by `sub` (written back under `PREFIX.`); other keys stay. */
export function mergeSubParams(search: URLSearchParams, prefix: string, sub: URLSearchParams): URLSearchParams {
  if (!prefix) return new URLSearchParams(sub);
  const start = `${prefix}.`;
  const out = new URLSearchParams();
  for (const [key, value] of search) if (!key.startsWith(start)) out.append(key, value);
  for (const [key, value] of sub) out.append(`${start}${key}`, value);
  return out;
}
