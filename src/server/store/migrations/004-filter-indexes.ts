/**
 * More indexes for the list endpoints at scale (issue #5), on both engines:
 *
 * - `vulnerabilities?hasFixVersion[is]=true` with a sort: `(has_fix, severity)` found the rows but every one was read
 *   and sorted; indexes led by has_fix and followed by the sort columns (severity, or resources) walk the page in
 *   order, covering (severity is appended so `vulnerabilitySeverity` filters stay inside the index).
 * - Element filters (`reportingScanners`, `reportingSBOMAnalyzers`) search the JSON array text; the arrays take few
 *   distinct values, and an index on the column alone lets the count read that small index instead of every row.
 */
import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was, not as `Database` is now.
type AnyDb = Kysely<any>;

/** Index name → table and columns. */
const INDEXES: Record<string, [string, string[]]> = {
  vp_has_fix_severity_idx: [
    'vulnerability_packages',
    ['has_fix', 'severity', 'severity_score', 'vulnerability_id', 'package_id'],
  ],
  vp_has_fix_resources_idx: [
    'vulnerability_packages',
    ['has_fix', 'resources_count', 'vulnerability_id', 'package_id', 'severity'],
  ],
  vp_scanners_idx: ['vulnerability_packages', ['scanners']],
  resources_analyzers_idx: ['resources', ['analyzers']],
};

/** Creates the indexes, and drops `(has_fix, severity)`, a prefix of the new has_fix-and-severity index. */
export async function up(db: AnyDb, _dialect: StoreDialect): Promise<void> {
  for (const [name, [table, columns]] of Object.entries(INDEXES)) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  await db.schema.dropIndex('vp_has_fix_idx').ifExists().execute();
}
