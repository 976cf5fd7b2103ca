/**
 * CSV for every list endpoint (`Accept: text/csv` or `?format=csv`): the same rows as the JSON `items`, one column per
 * scalar field, nested objects as dotted columns (`vulnerabilities.critical`) and lists joined with `|`.
 * RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends; fields with a comma, quote, CR or LF are quoted
 * with quotes doubled. Formula injection (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`, tab
 * or CR is prefixed with `'`, so spreadsheets show it as text instead of running it; numbers are written as numbers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One CSV column: its header and how to read it from a JSON item. */
export interface CsvColumn<T> {
  header: string;
  value: (item: T) => unknown;
}

/** Columns that follow the JSON item's fields, in the given order; `paths` are dotted (`vulnerabilities.critical`). */
export function columnsOf<T>(paths: readonly string[]): CsvColumn<T>[] {
  return paths.map((path) => ({ header: path, value: (item: T) => valueAt(item, path.split('.')) }));
}

/** Encodes a header and one record per item. */
export function encodeCsv<T>(columns: readonly CsvColumn<T>[], items: readonly T[]): string {
  const lines = [columns.map((column) => csvField(column.header))];
  for (const item of items) lines.push(columns.map((column) => csvField(cellText(column.value(item)))));
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** Whether the client asked for CSV: `?format=csv`, or an Accept header preferring text/csv over JSON. */
export function wantsCsv(request: FastifyRequest): boolean {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format === 'csv') return true;
  if (format === 'json') return false;
  return preferredType(request.headers.accept, ['application/json', 'text/csv']) === 'text/csv';
}

/** Sends CSV with a download name. */
export function sendCsv(reply: FastifyReply, name: string, text: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(text);
}

/** Text of one cell: lists joined with `|`, objects as JSON, absent values empty. */
export function cellText(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map((entry) => String(cellText(entry))).join('|');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One field, neutralised against formulas and quoted as RFC 4180 needs. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The offered type the Accept header ranks highest (RFC 9110 §12.5.1 q-values; ties go to the first offered). */
export function preferredType(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (!accept) return offered[0];
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    return { range: range.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
  });
  let best: { type: string; q: number; specificity: number } | undefined;
  for (const type of offered) {
    const [major] = type.split('/');
    const match = ranges
      .map((entry) => ({
        q: entry.q,
        specificity: entry.range === type ? 3 : entry.range === `${major}/*` ? 2 : entry.range === '*/*' ? 1 : 0,
      }))
      .filter((entry) => entry.specificity > 0)
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (!match || match.q <= 0) continue;
    if (!best || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { type, q: match.q, specificity: match.specificity };
    }
  }
  return best?.type;
}

function valueAt(item: unknown, path: readonly string[]): unknown {
  let value: unknown = item;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
