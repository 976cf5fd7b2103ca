/**
 * The migrations, in order: an explicit list (no folder scanning), each bound to the dialect so a migration can branch
 * where SQLite and PostgreSQL differ. Names sort in order; never rename or edit one that has shipped, add a new one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../dialect.ts';
import * as initial from './001-initial.ts';
import * as queue from './002-queue.ts';
import * as listIndexes from './003-list-indexes.ts';
import * as filterIndexes from './004-filter-indexes.ts';
import * as vulnerabilitySort from './005-vulnerability-sort.ts';
import * as packageCounts from './006-package-counts.ts';

/** The migration provider for Kysely's Migrator. */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  const migrations: Record<string, Migration> = {
    '001-initial': { up: (db) => initial.up(db, dialect) },
    '002-queue': { up: (db) => queue.up(db, dialect) },
    '003-list-indexes': { up: (db) => listIndexes.up(db, dialect) },
    '004-filter-indexes': { up: (db) => filterIndexes.up(db, dialect) },
    '005-vulnerability-sort': { up: (db) => vulnerabilitySort.up(db, dialect) },
    '006-package-counts': { up: (db) => packageCounts.up(db, dialect) },
  };
  return { getMigrations: async () => migrations };
}
