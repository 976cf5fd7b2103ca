/**
 * OSV files to records: one record per file in JSON or YAML (https://ossf.github.io/osv-schema/), a JSON array of
 * records is read too. Each record is validated with the OSV schema; a broken one becomes a problem of the batch and
 * the rest still imports. Withdrawn records are kept: lookups can then explain them, aliases stay complete, and the
 * matcher skips them (DESIGN §6).
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { type OsvRecord, osvRecordSchema } from '../../osv/schema.ts';
import type { FeedBatch } from '../../records.ts';

/** Whether a file name is YAML by its extension. */
export function isYamlName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** Parses one OSV file into a batch of valid records and the problems of the invalid ones (the caller adds the path). */
export function parseOsvFile(name: string, content: Uint8Array): FeedBatch {
  const batch: FeedBatch & { records: OsvRecord[] } = { feed: 'osv', records: [], problems: [] };
  let document: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    // YAML 1.2's core schema keeps timestamps as strings, as OSV wants them.
    document = isYamlName(name) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    batch.problems.push(`not valid ${isYamlName(name) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
    return batch;
  }
  const candidates = Array.isArray(document) ? document : [document];
  candidates.forEach((candidate, index) => {
    const result = osvRecordSchema.safeParse(candidate);
    if (result.success) batch.records.push(result.data);
    else batch.problems.push(`${recordLabel(candidate, index, candidates.length)}: ${issues(result.error)}`);
  });
  return batch;
}

function recordLabel(candidate: unknown, index: number, total: number): string {
  const id = (candidate as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return `record ${id} is not valid OSV`;
  return total > 1 ? `record #${index + 1} is not valid OSV` : 'not an OSV record';
}

/** The first few schema issues on one line, with the path to each. */
function issues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}
