/**
 * Packages' resource and application counts move to a narrow table of their own, `package_counts`.
 *
 * An ingestion changes the counts of every package the resource shares with others (the benchmark's scan: 700
 * popular packages). On `packages` those columns were indexed (for sorting), so PostgreSQL could not update the rows
 * in place (a HOT update needs every indexed column unchanged, https://www.postgresql.org/docs/current/storage-hot.html)
 * and wrote a new entry into each of the table's 14 indexes, a trigram GIN among them, for every changed row: 110 of
 * the 380 ms an ingestion took. In `package_counts` an updated row costs its key and the two count indexes. The count
 * indexes are unique (the key is their last column) so SQLite knows a walk of one is in a total order and walks it
 * for a page sorted by a count. SQLite's table has no rowid: the key is its only B-tree.
 *
 * A name prefix sorted by a count (`packageName[start]=libssl&sortKey=applicationResources`) now looks each match's
 * counts up by package id: the prefix index gets the id, so the matches' ids come from the index instead of their
 * rows (on SQLite, 3,500 matches: 11 ms with the rows read, 5 ms without).
 */
import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was, not as `Database` is now.
type AnyDb = Kysely<any>;

/**
 * Creates `package_counts` from the counts on `packages`, drops those columns and their indexes, and adds the id to
 * the name-prefix index.
 */
export async function up(db: AnyDb, dialect: StoreDialect): Promise<void> {
  const table = db.schema
    .createTable('package_counts')
    .addColumn('package_id', 'text', (c) => c.primaryKey().references('packages.id').onDelete('cascade'))
    .addColumn('resources_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applications_count', 'integer', (c) => c.notNull().defaultTo(0));
  await (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table).execute();
  await sql`insert into package_counts (package_id, resources_count, applications_count)
    select id, resources_count, applications_count from packages`.execute(db);
  await db.schema
    .createIndex('package_counts_resources_idx')
    .unique()
    .on('package_counts')
    .columns(['resources_count', 'package_id'])
    .execute();
  await db.schema
    .createIndex('package_counts_applications_idx')
    .unique()
    .on('package_counts')
    .columns(['applications_count', 'package_id'])
    .execute();
  await db.schema.dropIndex('packages_applications_idx').ifExists().execute();
  await db.schema.dropIndex('packages_resources_idx').ifExists().execute();
  await db.schema.alterTable('packages').dropColumn('resources_count').execute();
  await db.schema.alterTable('packages').dropColumn('applications_count').execute();
  await db.schema.dropIndex('packages_name_prefix_idx').ifExists().execute();
  await db.schema
    .createIndex('packages_name_prefix_idx')
    .on('packages')
    .expression(dialect === 'postgres' ? sql`lower(name) text_pattern_ops, id` : sql`name collate nocase, id`)
    .execute();
}
