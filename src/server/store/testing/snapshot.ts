/** Every stored row, sorted, as plain objects: two snapshots are equal when the stores hold the same data. */
import { sql } from 'kysely';
import type { Store } from '../open-store.ts';

const TABLES = [
  'applications',
  'application_resources',
  'resources',
  'resource_sboms',
  'packages',
  'package_counts',
  'resource_packages',
  'vulnerabilities',
  'findings',
  'vulnerability_packages',
  'scans',
  'resource_layers',
  'cis_checks',
] as const;

/** The rows of the data tables (not auth, settings or runtime state). */
export async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    result[table] = rows.rows
      .map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return result;
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}
