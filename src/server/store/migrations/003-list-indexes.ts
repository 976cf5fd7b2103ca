/**
 * Indexes for the list endpoints at scale (issue #5: p95 ≤ 50 ms at 10,000 resources / 1,000,000 findings).
 *
 * - Equality filter + sort: `packages?license[is]=MIT&sortKey=packageName&page=50` read every MIT package (a sixth of
 *   the table) through `(license, id)` and sorted them; an index led by the filter column and followed by the sort
 *   columns hands the page over in order, covering (max_severity is appended so `vulnerabilitySeverity` filters stay
 *   inside the index too). Language and license are the two equality filters a user combines with a sort.
 * - Substring filters (`contains`, `end`) on PostgreSQL: a pg_trgm GIN index on `lower(column)` serves the
 *   `lower(column) like '%x%'` the filters compile to (https://www.postgresql.org/docs/current/pgtrgm.html#PGTRGM-INDEX).
 *   When the extension cannot be installed (not shipped, or no privilege) the indexes are skipped and the filters
 *   scan, as before. SQLite keeps scanning its NOCASE covering index (docs/server-api.md, "Performance").
 */
import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was, not as `Database` is now.
type AnyDb = Kysely<any>;

const VULNS = ['vulns_critical', 'vulns_high', 'vulns_medium', 'vulns_low', 'vulns_negligible', 'id'];

/** Index name → table and columns: (equality filter, sort columns, tie-breaker, max_severity). */
const FILTER_SORT_INDEXES: Record<string, [string, string[]]> = {
  packages_license_name_idx: ['packages', ['license', 'name', 'version', 'id', 'max_severity']],
  packages_license_vulns_idx: ['packages', ['license', ...VULNS, 'max_severity']],
  packages_language_name_idx: ['packages', ['language', 'name', 'version', 'id', 'max_severity']],
  packages_language_vulns_idx: ['packages', ['language', ...VULNS, 'max_severity']],
};

/** Text columns whose substring filters get a trigram index on PostgreSQL. */
const TRIGRAM_INDEXES: Record<string, [string, string]> = {
  vp_vulnerability_name_trgm_idx: ['vulnerability_packages', 'vulnerability_name'],
  vp_package_name_trgm_idx: ['vulnerability_packages', 'package_name'],
  packages_name_trgm_idx: ['packages', 'name'],
  resources_name_trgm_idx: ['resources', 'name'],
};

/** Creates the filter-and-sort indexes, and the trigram indexes where PostgreSQL has pg_trgm. */
export async function up(db: AnyDb, dialect: StoreDialect): Promise<void> {
  for (const [name, [table, columns]] of Object.entries(FILTER_SORT_INDEXES)) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  if (dialect !== 'postgres') return;
  const schema = await trigramSchema(db);
  if (!schema) return;
  for (const [name, [table, column]] of Object.entries(TRIGRAM_INDEXES)) {
    await sql`create index ${sql.id(name)} on ${sql.id(table)} using gin (lower(${sql.ref(column)}) ${sql.id(schema)}.gin_trgm_ops)`.execute(
      db,
    );
  }
}

/**
 * The schema pg_trgm lives in, installing it into `public` when the server ships it; undefined when it cannot be had.
 * Installed once per database (not per `?schema=`), so dropping a store's schema never drops another store's indexes.
 * The attempt runs under a savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
 */
async function trigramSchema(db: AnyDb): Promise<string | undefined> {
  const installed = async () =>
    (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
        join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema;
  const existing = await installed();
  if (existing) return existing;
  const available = await sql`select 1 from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (available.rows.length === 0) return undefined;
  await sql`savepoint lucent_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint lucent_pg_trgm`.execute(db);
  } catch {
    // No privilege, or another store installed it at the same moment: look again below.
    await sql`rollback to savepoint lucent_pg_trgm`.execute(db);
  }
  return installed();
}
