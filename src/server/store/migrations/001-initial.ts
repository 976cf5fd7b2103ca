/**
 * The first schema: every table of `schema.ts`, for SQLite and PostgreSQL alike. Column types are the portable subset
 * (text, integer, double precision); the two places that differ are branched with the reason. Indexes cover every
 * sort key and filter of the list endpoints (docs/server-api.md), each ending in a tie-breaker so paging is stable.
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was, not as `Database` is now.
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: table builders are generic over the table's name and columns.
type Table = CreateTableBuilder<any, any>;

/** Creates every table and index. */
export async function up(db: AnyDb, dialect: StoreDialect): Promise<void> {
  // Binary data: SQLite's type is blob, PostgreSQL's bytea.
  const bytes = dialect === 'postgres' ? sql`bytea` : sql`blob`;

  await withCounters(
    db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('environments', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('resources_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('packages_count', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await withCounters(
    db.schema
      .createTable('resources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('analyzers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('scanners', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('os', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('last_analysis_at', 'text')
      .addColumn('last_scan_at', 'text')
      .addColumn('packages_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('applications_count', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await db.schema
    .createTable('application_resources')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_resources_pk', ['application_id', 'resource_id'])
    .execute();

  await db.schema
    .createTable('resource_sboms')
    .addColumn('resource_id', 'text', (c) => c.primaryKey().references('resources.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withCounters(
    db.schema
      .createTable('packages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Unique through the id, which is the UUIDv5 of the key (one index less on the widest-growing table).
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('purl', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('licenses', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('license', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resources_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('applications_count', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await db.schema
    .createTable('resource_packages')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id'))
    .addColumn('analyzers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('layer_diff_id', 'text')
    .addColumn('path', 'text')
    .addColumn('locations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('resource_packages_pk', ['resource_id', 'package_id'])
    .execute();

  await db.schema
    .createTable('vulnerabilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('findings')
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('vulnerability_id', 'text', (c) => c.notNull().references('vulnerabilities.id'))
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('severity_score', 'double precision')
    .addColumn('severity_source', 'text')
    .addColumn('cvss_v3_vector', 'text')
    .addColumn('cvss_v3_score', 'double precision')
    .addColumn('cvss_v4_vector', 'text')
    .addColumn('cvss_v4_score', 'double precision')
    .addColumn('fixed_versions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('fix_version', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scanners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('epss', 'double precision')
    .addColumn('epss_percentile', 'double precision')
    .addColumn('kev', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kev_detail', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('scan_id', 'text', (c) => c.notNull())
    .addColumn('suppressed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('findings_pk', ['resource_id', 'package_id', 'vulnerability_id'])
    // A finding lives only as long as its package is in the resource: replacing a package set drops stale findings.
    .addForeignKeyConstraint(
      'findings_resource_package_fk',
      ['resource_id', 'package_id'],
      'resource_packages',
      ['resource_id', 'package_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('vulnerability_packages')
    .addColumn('vulnerability_id', 'text', (c) => c.notNull().references('vulnerabilities.id').onDelete('cascade'))
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id').onDelete('cascade'))
    .addColumn('vulnerability_name', 'text', (c) => c.notNull())
    .addColumn('package_name', 'text', (c) => c.notNull())
    .addColumn('package_version', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('severity_score', 'double precision', (c) => c.notNull())
    .addColumn('fix_version', 'text', (c) => c.notNull())
    .addColumn('has_fix', 'integer', (c) => c.notNull())
    .addColumn('scanners', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('resources_count', 'integer', (c) => c.notNull())
    .addColumn('applications_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vulnerability_packages_pk', ['vulnerability_id', 'package_id'])
    .execute();

  await db.schema
    .createTable('scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('application_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('tools', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('packages_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('findings_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('resource_layers')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('layer_index', 'integer', (c) => c.notNull())
    .addColumn('diff_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('resource_layers_pk', ['resource_id', 'layer_index'])
    .execute();

  await db.schema
    .createTable('cis_checks')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('descriptions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('cis_checks_pk', ['resource_id', 'code'])
    .execute();

  await createRuntimeTables(db);
  await createAuthTables(db, dialect);

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await createIndexes(db);
  await createPrefixIndexes(db, dialect);
}

/** The vulnerability counters of `VulnerabilityCounters`. */
function withCounters(table: Table): Table {
  let builder = table;
  for (const column of [
    'vulns_critical',
    'vulns_high',
    'vulns_medium',
    'vulns_low',
    'vulns_negligible',
    'vulns_unknown',
    'vulns_total',
  ]) {
    builder = builder.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  }
  return builder.addColumn('max_severity', 'integer', (c) => c.notNull().defaultTo(-1));
}

async function createRuntimeTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('namespaces', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_run', 'text')
    .addColumn('last_run', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('runtime_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('schedule_id', 'text', (c) => c.references('schedules.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('namespaces', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('failures', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('runtime_scan_images')
    .addColumn('scan_id', 'text', (c) => c.notNull().references('runtime_scans.id').onDelete('cascade'))
    .addColumn('image', 'text', (c) => c.notNull())
    .addColumn('image_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('pods', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resource_id', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('runtime_scan_images_pk', ['scan_id', 'image'])
    .execute();

  await db.schema
    .createTable('runtime_scan_applications')
    .addColumn('scan_id', 'text', (c) => c.notNull().references('runtime_scans.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('runtime_scan_applications_pk', ['scan_id', 'application_id'])
    .execute();
}

async function createAuthTables(db: AnyDb, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  // An ever-growing log ordered by insertion: SQLite's rowid alias vs PostgreSQL's identity column.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .execute();
}

/** Index name → table and columns. */
const INDEXES: Record<string, [string, string[]]> = {
  applications_type_idx: ['applications', ['type', 'id']],
  applications_vulns_idx: ['applications', vulnSortColumns()],
  applications_resources_idx: ['applications', ['resources_count', 'id']],
  applications_packages_idx: ['applications', ['packages_count', 'id']],
  application_resources_resource_idx: ['application_resources', ['resource_id', 'application_id']],
  resources_name_idx: ['resources', ['name', 'id']],
  resources_type_idx: ['resources', ['type', 'id']],
  resources_vulns_idx: ['resources', vulnSortColumns()],
  resources_applications_idx: ['resources', ['applications_count', 'id']],
  resources_packages_idx: ['resources', ['packages_count', 'id']],
  packages_name_idx: ['packages', ['name', 'version', 'id']],
  packages_version_idx: ['packages', ['version', 'id']],
  packages_language_idx: ['packages', ['language', 'id']],
  packages_license_idx: ['packages', ['license', 'id']],
  packages_vulns_idx: ['packages', vulnSortColumns()],
  packages_applications_idx: ['packages', ['applications_count', 'id']],
  packages_resources_idx: ['packages', ['resources_count', 'id']],
  resource_packages_package_idx: ['resource_packages', ['package_id', 'resource_id']],
  findings_pair_idx: ['findings', ['package_id', 'vulnerability_id']],
  findings_vulnerability_idx: ['findings', ['vulnerability_id']],
  vp_package_idx: ['vulnerability_packages', ['package_id', 'severity']],
  vp_severity_idx: ['vulnerability_packages', ['severity', 'severity_score', 'vulnerability_id', 'package_id']],
  vp_vulnerability_name_idx: ['vulnerability_packages', ['vulnerability_name', 'package_id']],
  vp_package_name_idx: ['vulnerability_packages', ['package_name', 'vulnerability_id', 'package_id']],
  vp_package_version_idx: ['vulnerability_packages', ['package_version', 'vulnerability_id', 'package_id']],
  vp_fix_version_idx: ['vulnerability_packages', ['fix_version', 'vulnerability_id', 'package_id']],
  vp_has_fix_idx: ['vulnerability_packages', ['has_fix', 'severity']],
  vp_source_idx: ['vulnerability_packages', ['source', 'vulnerability_id', 'package_id']],
  vp_resources_idx: ['vulnerability_packages', ['resources_count', 'vulnerability_id', 'package_id']],
  vp_applications_idx: ['vulnerability_packages', ['applications_count', 'vulnerability_id', 'package_id']],
  vp_first_seen_idx: ['vulnerability_packages', ['first_seen', 'severity']],
  scans_resource_idx: ['scans', ['resource_id', 'started_at']],
  runtime_scans_started_idx: ['runtime_scans', ['started_at']],
  api_tokens_user_idx: ['api_tokens', ['user_id']],
  audit_log_time_idx: ['audit_log', ['time']],
};

/** "Vulnerabilities" sorts by the counts per severity, highest severity first (as KubeClarity does). */
function vulnSortColumns(): string[] {
  return ['vulns_critical', 'vulns_high', 'vulns_medium', 'vulns_low', 'vulns_negligible', 'id'];
}

async function createIndexes(db: AnyDb): Promise<void> {
  for (const [name, [table, columns]] of Object.entries(INDEXES)) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

/** Text columns whose `[start]` filter must not scan a million rows. */
const PREFIX_INDEXES: Record<string, [string, string]> = {
  vp_vulnerability_name_prefix_idx: ['vulnerability_packages', 'vulnerability_name'],
  vp_package_name_prefix_idx: ['vulnerability_packages', 'package_name'],
  packages_name_prefix_idx: ['packages', 'name'],
  resources_name_prefix_idx: ['resources', 'name'],
};

/**
 * Indexes for case-insensitive prefix filters, which the two engines serve differently: SQLite's LIKE uses an index
 * in NOCASE order (https://sqlite.org/optoverview.html#the_like_optimization); PostgreSQL's `lower(x) LIKE 'p%'` uses
 * an index on lower(x) with text_pattern_ops (https://www.postgresql.org/docs/current/indexes-opclass.html).
 */
async function createPrefixIndexes(db: AnyDb, dialect: StoreDialect): Promise<void> {
  for (const [name, [table, column]] of Object.entries(PREFIX_INDEXES)) {
    const expression =
      dialect === 'postgres' ? sql`lower(${sql.ref(column)}) text_pattern_ops` : sql`${sql.ref(column)} collate nocase`;
    await db.schema.createIndex(name).on(table).expression(expression).execute();
  }
}
