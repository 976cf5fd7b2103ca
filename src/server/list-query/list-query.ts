/**
 * KubeClarity's list conventions, parsed and checked against one endpoint's allowlist: `page` (from 1), `pageSize`
 * (at most 100), `sortKey` (an allowlisted key), `sortDir` (ASC|DESC), `field[op]=value` filters and one hidden scope
 * (`applicationID`, `applicationResourceID`, `packageID`, `currentRuntimeScan=true`). Anything else (an unknown field,
 * operator, sort key or scope, a value of the wrong kind) is a `ListQueryError` (E_INVALID_REQUEST, HTTP 400), so no
 * user string ever reaches SQL other than as a bound value.
 */
import { LucentError } from '../../core/errors.ts';
import { SEVERITY_ORDINAL } from '../store/severity.ts';

/** Filter operators. */
export type FilterOp =
  | 'is'
  | 'isNot'
  | 'start'
  | 'end'
  | 'contains'
  | 'gte'
  | 'lte'
  | 'containElements'
  | 'doesntContainElements';

/** Every operator, for parsing `field[op]`. */
export const FILTER_OPS: readonly FilterOp[] = [
  'is',
  'isNot',
  'start',
  'end',
  'contains',
  'gte',
  'lte',
  'containElements',
  'doesntContainElements',
];

/** The string operators ("S5"). */
export const STRING_OPS = ['is', 'isNot', 'start', 'end', 'contains'] as const satisfies readonly FilterOp[];
/** The number operators ("N4"). */
export const NUMBER_OPS = ['is', 'isNot', 'gte', 'lte'] as const satisfies readonly FilterOp[];
/** The list-valued field operators. */
export const ELEMENT_OPS = ['containElements', 'doesntContainElements'] as const satisfies readonly FilterOp[];

/**
 * What a field holds, which decides how values parse and compare:
 * - `string`: text (start/end/contains match case-insensitively; is/isNot exactly);
 * - `number`: integers (counts);
 * - `severity`: level names, compared as ordinals (the row's highest severity);
 * - `enum`: one of `values`;
 * - `boolean`: `true` or `false`;
 * - `elements`: a list-valued column (JSON array), matched element by element.
 */
export type FieldKind = 'string' | 'number' | 'severity' | 'enum' | 'boolean' | 'elements';

/** One filterable field of an endpoint: its kind, the operators it allows, and the column it reads. */
export interface FieldSpec {
  kind: FieldKind;
  ops: readonly FilterOp[];
  /** The column (`table.column`) the filter applies to. */
  column: string;
  /** Allowed values of an `enum` field. */
  values?: readonly string[];
  /** For an `enum` field stored in combined form: the stored values each API value matches. */
  expand?: Readonly<Record<string, readonly string[]>>;
}

/** Columns a sort key orders by (all in the requested direction); the endpoint's tie-breakers follow. */
export type SortSpec = readonly string[];

/** Hidden scopes. */
export type ScopeKind = 'applicationID' | 'applicationResourceID' | 'packageID' | 'currentRuntimeScan';

/** The allowlist of one list endpoint. */
export interface ListSpec<SortKey extends string = string> {
  sortKeys: Readonly<Record<SortKey, SortSpec>>;
  defaultSortKey: SortKey;
  /** Columns appended to every ORDER BY (in the same direction) so pages never overlap. */
  tieBreakers: readonly string[];
  filters: Readonly<Record<string, FieldSpec>>;
  scopes: readonly ScopeKind[];
}

/** A parsed filter: values are numbers for number, severity (ordinals) and boolean (1/0) fields, else strings. */
export interface Filter {
  field: string;
  op: FilterOp;
  values: readonly (string | number)[];
}

/** The scope a list is limited to. */
export type ListScope =
  | { kind: 'applicationID' | 'applicationResourceID' | 'packageID'; id: string }
  | { kind: 'currentRuntimeScan' };

/** A parsed list request. */
export interface ListQuery<SortKey extends string = string> {
  page: number;
  pageSize: number;
  sortKey: SortKey;
  sortDir: 'ASC' | 'DESC';
  filters: Filter[];
  scope?: ListScope;
}

/** Largest page. */
export const MAX_PAGE_SIZE = 100;
/** Page size when none is given (KubeClarity's UI asks for 50). */
export const DEFAULT_PAGE_SIZE = 50;

/** Why a list request was refused. */
export type ListQueryProblem =
  | 'unknown_parameter'
  | 'unknown_filter'
  | 'unknown_operator'
  | 'invalid_value'
  | 'unknown_sort_key'
  | 'invalid_sort_dir'
  | 'invalid_page'
  | 'invalid_page_size'
  | 'unknown_scope'
  | 'multiple_scopes';

/** A refused list request: E_INVALID_REQUEST (400), naming the parameter and the problem. */
export class ListQueryError extends LucentError {
  readonly parameter: string;
  readonly problem: ListQueryProblem;

  constructor(parameter: string, problem: ListQueryProblem, message: string, hint?: string) {
    super('E_INVALID_REQUEST', `${parameter}: ${message}`, hint === undefined ? {} : { hint });
    this.name = 'ListQueryError';
    this.parameter = parameter;
    this.problem = problem;
  }
}

/** Options of `parseListQuery`. */
export interface ParseOptions {
  /** Plain parameters the route reads itself (e.g. `format`); they are skipped here. */
  passthrough?: readonly string[];
}

const LIST_PARAMS = new Set(['page', 'pageSize', 'sortKey', 'sortDir']);
const SCOPE_PARAMS: readonly ScopeKind[] = [
  'applicationID',
  'applicationResourceID',
  'packageID',
  'currentRuntimeScan',
];
const SINGLE_VALUE_OPS = new Set<FilterOp>(['start', 'end', 'gte', 'lte']);
const MAX_VALUES = 100;
const MAX_VALUE_LENGTH = 1000;

/**
 * Parses a raw query object (Fastify's: `{'name[is]': ['a','b'], page: '2'}`, or qs-style nesting
 * `{name: {is: ['a','b']}}`) against an endpoint's spec.
 */
export function parseListQuery<SortKey extends string>(
  raw: Readonly<Record<string, unknown>>,
  spec: ListSpec<SortKey>,
  options: ParseOptions = {},
): ListQuery<SortKey> {
  const passthrough = new Set(options.passthrough ?? ['format']);
  const query: ListQuery<SortKey> = {
    page: integerParam(raw, 'page', 1, 1, Number.MAX_SAFE_INTEGER, 'invalid_page'),
    pageSize: integerParam(raw, 'pageSize', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, 'invalid_page_size'),
    sortKey: sortKeyParam(raw, spec),
    sortDir: sortDirParam(raw),
    filters: [],
  };
  for (const [key, value] of Object.entries(raw)) {
    if (LIST_PARAMS.has(key) || passthrough.has(key)) continue;
    if ((SCOPE_PARAMS as readonly string[]).includes(key)) {
      setScope(query, key as ScopeKind, value, spec);
      continue;
    }
    const bracket = /^([A-Za-z][A-Za-z0-9]*)\[([A-Za-z]+)\]$/.exec(key);
    if (bracket) {
      query.filters.push(parseFilter(bracket[1] ?? '', bracket[2] ?? '', value, spec));
      continue;
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && key in spec.filters) {
      for (const [op, opValue] of Object.entries(value)) query.filters.push(parseFilter(key, op, opValue, spec));
      continue;
    }
    if (key in spec.filters) {
      throw new ListQueryError(key, 'unknown_operator', 'a filter needs an operator', `write ${key}[is]=VALUE`);
    }
    throw new ListQueryError(key, 'unknown_parameter', 'unknown parameter');
  }
  return query;
}

function parseFilter(field: string, op: string, value: unknown, spec: ListSpec): Filter {
  const param = `${field}[${op}]`;
  const fieldSpec = Object.hasOwn(spec.filters, field) ? spec.filters[field] : undefined;
  if (!fieldSpec) {
    throw new ListQueryError(param, 'unknown_filter', `unknown filter field ${field}`, hintOf(spec));
  }
  if (!(FILTER_OPS as readonly string[]).includes(op) || !fieldSpec.ops.includes(op as FilterOp)) {
    throw new ListQueryError(
      param,
      'unknown_operator',
      `operator ${op} is not allowed on ${field}`,
      `allowed: ${fieldSpec.ops.join(', ')}`,
    );
  }
  const strings = stringValues(param, value);
  if (SINGLE_VALUE_OPS.has(op as FilterOp) && strings.length !== 1) {
    throw new ListQueryError(param, 'invalid_value', 'takes exactly one value');
  }
  return { field, op: op as FilterOp, values: strings.map((text) => typedValue(param, text, fieldSpec)) };
}

function stringValues(param: string, value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > MAX_VALUES) {
    throw new ListQueryError(param, 'invalid_value', `give 1 to ${MAX_VALUES} values`);
  }
  return list.map((item) => {
    if (typeof item !== 'string' && typeof item !== 'number') {
      throw new ListQueryError(param, 'invalid_value', 'values are strings');
    }
    const text = String(item);
    if (text.length > MAX_VALUE_LENGTH) {
      throw new ListQueryError(param, 'invalid_value', `a value is at most ${MAX_VALUE_LENGTH} characters`);
    }
    return text;
  });
}

function typedValue(param: string, text: string, field: FieldSpec): string | number {
  switch (field.kind) {
    case 'number': {
      if (!/^\d{1,15}$/.test(text)) throw new ListQueryError(param, 'invalid_value', `${text} is not a count`);
      return Number(text);
    }
    case 'severity': {
      const level = text.toUpperCase();
      if (!Object.hasOwn(SEVERITY_ORDINAL, level)) {
        throw new ListQueryError(
          param,
          'invalid_value',
          `${text} is not a severity`,
          `one of ${Object.keys(SEVERITY_ORDINAL).reverse().join(', ')}`,
        );
      }
      return SEVERITY_ORDINAL[level as keyof typeof SEVERITY_ORDINAL];
    }
    case 'boolean': {
      if (text !== 'true' && text !== 'false') throw new ListQueryError(param, 'invalid_value', 'true or false');
      return text === 'true' ? 1 : 0;
    }
    case 'enum': {
      if (!field.values?.includes(text)) {
        throw new ListQueryError(
          param,
          'invalid_value',
          `${text} is not allowed`,
          `one of ${field.values?.join(', ')}`,
        );
      }
      return text;
    }
    default:
      return text;
  }
}

function setScope(query: ListQuery, kind: ScopeKind, value: unknown, spec: ListSpec): void {
  if (!spec.scopes.includes(kind)) throw new ListQueryError(kind, 'unknown_scope', 'not a scope of this list');
  if (query.scope) throw new ListQueryError(kind, 'multiple_scopes', `only one scope at a time (${query.scope.kind})`);
  const [text] = stringValues(kind, value);
  if (kind === 'currentRuntimeScan') {
    if (text !== 'true') throw new ListQueryError(kind, 'invalid_value', 'only currentRuntimeScan=true');
    query.scope = { kind };
    return;
  }
  if (Array.isArray(value) && value.length > 1) throw new ListQueryError(kind, 'invalid_value', 'one id');
  query.scope = { kind, id: text ?? '' };
}

function integerParam(
  raw: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problem: ListQueryProblem,
): number {
  const value = raw[name];
  if (value === undefined || value === '') return fallback;
  const text = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if ((typeof text !== 'string' && typeof text !== 'number') || !/^\d{1,15}$/.test(String(text))) {
    throw new ListQueryError(name, problem, 'not a whole number');
  }
  const number = Number(text);
  if (number < min || number > max) throw new ListQueryError(name, problem, `must be between ${min} and ${max}`);
  return number;
}

function sortKeyParam<SortKey extends string>(
  raw: Readonly<Record<string, unknown>>,
  spec: ListSpec<SortKey>,
): SortKey {
  const value = raw.sortKey;
  if (value === undefined || value === '') return spec.defaultSortKey;
  if (typeof value !== 'string' || !Object.hasOwn(spec.sortKeys, value)) {
    throw new ListQueryError(
      'sortKey',
      'unknown_sort_key',
      `unknown sort key ${String(value)}`,
      `one of ${Object.keys(spec.sortKeys).join(', ')}`,
    );
  }
  return value as SortKey;
}

function sortDirParam(raw: Readonly<Record<string, unknown>>): 'ASC' | 'DESC' {
  const value = raw.sortDir;
  if (value === undefined || value === '') return 'ASC';
  if (typeof value === 'string' && (value.toUpperCase() === 'ASC' || value.toUpperCase() === 'DESC')) {
    return value.toUpperCase() as 'ASC' | 'DESC';
  }
  throw new ListQueryError('sortDir', 'invalid_sort_dir', 'ASC or DESC');
}

function hintOf(spec: ListSpec): string {
  return `filters: ${Object.keys(spec.filters).join(', ')}`;
}
