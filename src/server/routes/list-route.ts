/**
 * What every list endpoint shares: the querystring as documented in OpenAPI (generated from the endpoint's
 * allowlist), parsing with the list-query parser (which rejects anything not on the allowlist with a stable 400), and
 * the answer as JSON `{total, items}` or CSV. CSV with `page` (or `pageSize`) gives exactly that page, the same rows
 * as the JSON; without them it gives every matching row, up to `CSV_MAX_ROWS`, in the same order.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SEVERITY_LEVELS } from '../../matcher/match.ts';
import { type ListQuery, type ListSpec, parseListQuery } from '../list-query/list-query.ts';
import type { Page, SeverityCount } from '../repositories/list-page.ts';
import { type CsvColumn, encodeCsv, sendCsv, wantsCsv } from './csv.ts';

/** Most rows a whole-list CSV export holds; the `x-lucent-truncated` header says when there were more. */
export const CSV_MAX_ROWS = 100_000;
const CSV_BATCH = 1000;

const filterValue = z.union([z.string(), z.array(z.string())]).optional();

/** The querystring schema of a list: list parameters, `format`, each `field[op]` filter and the scopes. */
export function listQuerystring(spec: ListSpec): z.ZodObject {
  const shape: Record<string, z.ZodType> = {
    page: z.string().optional().describe('page number, from 1 (default 1)'),
    pageSize: z.string().optional().describe('rows per page, 1 to 100 (default 50)'),
    sortKey: z
      .string()
      .optional()
      .describe(`one of ${Object.keys(spec.sortKeys).join(', ')} (default ${spec.defaultSortKey})`),
    sortDir: z.string().optional().describe('ASC (default) or DESC'),
    format: z.enum(['json', 'csv']).optional().describe('csv: the same rows as CSV (also with Accept: text/csv)'),
  };
  for (const [field, fieldSpec] of Object.entries(spec.filters)) {
    for (const op of fieldSpec.ops) {
      const values = fieldSpec.values ? ` (${fieldSpec.values.join(', ')})` : '';
      shape[`${field}[${op}]`] = filterValue.describe(`${fieldSpec.kind} filter${values}`);
    }
  }
  for (const scope of spec.scopes) {
    shape[scope] = z
      .string()
      .optional()
      .describe(scope === 'currentRuntimeScan' ? 'true' : 'scope to one id');
  }
  // Loose: the list-query parser is the one judge of unknown parameters, with its own stable error.
  return z.object(shape).loose();
}

/** The JSON answer of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int().describe('rows matching the filters'), items: z.array(item) });
}

/** Vulnerability counts per severity, KubeClarity's `[{severity, count}]`. */
export const severityCounts = z.array(z.object({ severity: z.enum(SEVERITY_LEVELS), count: z.number().int() }));

/** CSV columns for a `[{severity, count}]` field: one per level, `vulnerabilities.CRITICAL` … */
export function severityColumns<T>(prefix: string, get: (item: T) => readonly SeverityCount[]): CsvColumn<T>[] {
  return SEVERITY_LEVELS.map((level) => ({
    header: `${prefix}.${level}`,
    value: (item: T) => get(item).find((count) => count.severity === level)?.count ?? 0,
  }));
}

/** A list endpoint's behaviour. */
export interface ListEndpoint<T, SortKey extends string> {
  /** File name of CSV downloads. */
  name: string;
  spec: ListSpec<SortKey>;
  fetch: (query: ListQuery<SortKey>) => Promise<Page<T>>;
  columns: readonly CsvColumn<T>[];
}

/** Parses the query, fetches, and answers JSON (returned) or CSV (sent; undefined is returned). */
export async function answerList<T, SortKey extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  endpoint: ListEndpoint<T, SortKey>,
): Promise<Page<T> | undefined> {
  const raw = request.query as Record<string, unknown>;
  const query = parseListQuery(raw, endpoint.spec);
  if (!wantsCsv(request)) return endpoint.fetch(query);
  const paged = raw.page !== undefined || raw.pageSize !== undefined;
  const rows = paged ? (await endpoint.fetch(query)).items : await allRows(endpoint, query, reply);
  await sendCsv(reply, endpoint.name, encodeCsv(endpoint.columns, rows));
  return undefined;
}

async function allRows<T, SortKey extends string>(
  endpoint: ListEndpoint<T, SortKey>,
  query: ListQuery<SortKey>,
  reply: FastifyReply,
): Promise<T[]> {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; rows.length < CSV_MAX_ROWS; page++) {
    const batch = await endpoint.fetch({ ...query, page, pageSize: CSV_BATCH });
    total = batch.total;
    rows.push(...batch.items);
    if (batch.items.length < CSV_BATCH || rows.length >= total) break;
  }
  if (rows.length > CSV_MAX_ROWS) rows.length = CSV_MAX_ROWS;
  reply.header('x-total-count', String(total));
  if (total > rows.length) reply.header('x-lucent-truncated', 'true');
  return rows;
}
