/**
 * The server's tables, as Kysely sees them (the migrations in `migrations/` create them). Conventions that hold on
 * both SQLite and PostgreSQL:
 * - ids are text UUIDv5 of the row's natural key (`ids.ts`);
 * - times are ISO-8601 UTC text with milliseconds (`2025-01-31T12:00:00.000Z`), which sorts as time does;
 * - booleans are integers 0/1 and lists are JSON arrays in text columns (sorted, `JSON.stringify`, no spaces);
 * - severities are ordinals (`severity.ts`); `max_severity` is -1 on a row with no vulnerabilities;
 * - the `*_count` and `vulns_*` columns are counters kept by ingestion (`repositories/counters.ts`), so lists sort and
 *   filter on indexed columns instead of aggregating a million findings per request.
 */
import type { Generated } from 'kysely';

/** Vulnerability counters, kept on applications, resources and packages. */
export interface VulnerabilityCounters {
  vulns_critical: Generated<number>;
  vulns_high: Generated<number>;
  vulns_medium: Generated<number>;
  vulns_low: Generated<number>;
  vulns_negligible: Generated<number>;
  vulns_unknown: Generated<number>;
  /** Distinct (package, vulnerability) pairs. */
  vulns_total: Generated<number>;
  /** The highest severity ordinal among them; -1 when there are none. */
  max_severity: Generated<number>;
}

/** An application: a named group of resources (a workload, a repository, a function). */
export interface ApplicationsTable extends VulnerabilityCounters {
  id: string;
  name: string;
  /** POD | DIRECTORY | LAMBDA | IMAGE */
  type: string;
  /** JSON array of `key=value` strings. */
  labels: string;
  /** JSON array of environment names. */
  environments: string;
  created_at: string;
  updated_at: string;
  resources_count: Generated<number>;
  packages_count: Generated<number>;
}

/** The many-to-many link between applications and resources. */
export interface ApplicationResourcesTable {
  application_id: string;
  resource_id: string;
  created_at: string;
}

/** A resource: an image (by digest), a directory or a file (by content hash). */
export interface ResourcesTable extends VulnerabilityCounters {
  id: string;
  name: string;
  hash: string;
  /** IMAGE | DIRECTORY | FILE | ROOTFS | SBOM */
  type: string;
  /** JSON array: the SBOM analyzers that reported packages (content analysis only, never scanners). */
  analyzers: Generated<string>;
  /** JSON array: the vulnerability scanners of the last scan. */
  scanners: Generated<string>;
  /** JSON of the operating system (os-release fields), or null. */
  os: string | null;
  created_at: string;
  updated_at: string;
  last_analysis_at: string | null;
  last_scan_at: string | null;
  packages_count: Generated<number>;
  applications_count: Generated<number>;
}

/** The SBOM stored for a resource, kept apart so lists never read it. */
export interface ResourceSbomsTable {
  resource_id: string;
  /** `cyclonedx-json` */
  format: string;
  /** `gzip` or `identity` */
  encoding: string;
  content: Uint8Array;
  /** Uncompressed size in bytes. */
  size: number;
  updated_at: string;
}

/** A package, identified by its purl (or name, version and language when it has none). */
export interface PackagesTable extends VulnerabilityCounters {
  id: string;
  /** The natural key: the purl, else `name@version` with its language. */
  key: string;
  purl: string | null;
  name: string;
  version: string;
  /** purl type: deb, npm, pypi, … ('' when unknown). */
  type: string;
  /** KubeClarity's language: javascript, python, go, java, …; '' for OS packages. */
  language: string;
  /** JSON array of license identifiers or expressions. */
  licenses: string;
  /** The licenses joined with ` AND `, for sorting and filtering ('' when none). */
  license: string;
  created_at: string;
}

/**
 * A package's resource and application counts, apart from `packages` so that updating them (every ingestion, for
 * every package the resource shares with others) leaves the wide, many-indexed package row alone (migration 006).
 */
export interface PackageCountsTable {
  package_id: string;
  resources_count: Generated<number>;
  applications_count: Generated<number>;
}

/** A package found in a resource, with where and by which analyzers. */
export interface ResourcePackagesTable {
  resource_id: string;
  package_id: string;
  /** JSON array of analyzer names. */
  analyzers: string;
  /** DiffID of the layer that added the package, when known. */
  layer_diff_id: string | null;
  /** The first path it was found at. */
  path: string | null;
  /** JSON array of every location (`{path, layerDiffId?}`). */
  locations: string;
}

/** A vulnerability (advisory), with its advisory-level attributes as last reported. */
export interface VulnerabilitiesTable {
  id: string;
  /** The advisory id: CVE-…, GHSA-…, … */
  name: string;
  description: string;
  /** JSON array of URLs. */
  links: string;
  /** JSON array of other ids. */
  aliases: string;
  updated_at: string;
}

/** One vulnerability in one package of one resource, with its attributes as its report gave them. */
export interface FindingsTable {
  resource_id: string;
  package_id: string;
  vulnerability_id: string;
  severity: number;
  /** The score that gave the severity (CVSS base score), or null. */
  severity_score: number | null;
  severity_source: string | null;
  cvss_v3_vector: string | null;
  cvss_v3_score: number | null;
  cvss_v4_vector: string | null;
  cvss_v4_score: number | null;
  /** JSON array of fixed versions, ascending. */
  fixed_versions: string;
  /** The first fixed version, '' when there is none. */
  fix_version: string;
  /** JSON array of scanner names. */
  scanners: string;
  /** JSON array of the matcher's evidence (record, range, comparator, location). */
  evidence: string;
  epss: number | null;
  epss_percentile: number | null;
  kev: number;
  /** JSON of the KEV entry, or null. */
  kev_detail: string | null;
  /** CICD | RUNTIME */
  source: string;
  first_seen: string;
  last_seen: string;
  scan_id: string;
  suppressed: number;
}

/** Per (vulnerability, package): the rows of GET /vulnerabilities, kept by ingestion from the findings. */
export interface VulnerabilityPackagesTable {
  vulnerability_id: string;
  package_id: string;
  vulnerability_name: string;
  package_name: string;
  package_version: string;
  /** Highest severity among the findings. */
  severity: number;
  /** Highest score among the findings of that severity (sorting ties); -1 when none. */
  severity_score: number;
  fix_version: string;
  has_fix: number;
  /** JSON array: every scanner that reported it. */
  scanners: string;
  /** CICD, RUNTIME or CICD,RUNTIME */
  source: string;
  resources_count: number;
  applications_count: number;
  first_seen: string;
  last_seen: string;
}

/** A report stored for a resource: content analysis or vulnerability scan. */
export interface ScansTable {
  id: string;
  resource_id: string;
  application_id: string | null;
  /** contentAnalysis | vulnerabilityScan */
  kind: string;
  /** CICD | RUNTIME */
  source: string;
  started_at: string;
  finished_at: string;
  duration_ms: number | null;
  /** Who sent it: `token:<name>`, `user:<name>`, `runtime-scan:<id>`. */
  actor: string;
  /** JSON array of analyzers or scanners. */
  tools: string;
  packages_count: number;
  findings_count: number;
}

/** A layer of an image resource. */
export interface ResourceLayersTable {
  resource_id: string;
  layer_index: number;
  diff_id: string;
  created_by: string;
}

/** A CIS Docker Benchmark check result of a resource (dockle). */
export interface CisChecksTable {
  resource_id: string;
  code: string;
  /** 1 INFO, 2 WARN, 3 FATAL */
  level: number;
  title: string;
  /** JSON array of assessment descriptions. */
  descriptions: string;
}

/** A runtime-scan schedule (owned by runtime scanning). */
export interface SchedulesTable {
  id: string;
  name: string;
  /** once | hourly | daily | weekly | cron */
  kind: string;
  /** JSON of the kind's parameters. */
  spec: string;
  timezone: string;
  /** JSON array of namespaces; empty means all. */
  namespaces: string;
  enabled: number;
  next_run: string | null;
  last_run: string | null;
  created_at: string;
  updated_at: string;
}

/** A runtime scan run. */
export interface RuntimeScansTable {
  id: string;
  schedule_id: string | null;
  /** QUICK | SCHEDULE */
  kind: string;
  /** NOT_STARTED | IN_PROGRESS | FINALIZING | DONE | ABORTED | FAILED */
  status: string;
  namespaces: string;
  /** JSON of the run's options (CIS on, parallelism). */
  options: string;
  started_at: string;
  finished_at: string | null;
  /** JSON array of `{message}`. */
  failures: string;
  actor: string;
}

/** One image of a runtime scan run. */
export interface RuntimeScanImagesTable {
  scan_id: string;
  image: string;
  image_name: string;
  /** PENDING | SCANNING | DONE | FAILED | SKIPPED */
  status: string;
  reason: string | null;
  /** JSON array of `namespace/pod`. */
  pods: string;
  resource_id: string | null;
  started_at: string | null;
  finished_at: string | null;
}

/** Applications a runtime scan run touched (the `currentRuntimeScan` scope). */
export interface RuntimeScanApplicationsTable {
  scan_id: string;
  application_id: string;
}

/** A user who logs in to the dashboard. */
export interface UsersTable {
  id: string;
  name: string;
  /** viewer | writer | admin */
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

/** An API or session token: only its SHA-256 hash is stored. */
export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  role: string;
  /** api | session */
  kind: string;
  user_id: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}

/** One audited write. */
export interface AuditLogTable {
  id: Generated<number>;
  time: string;
  actor: string;
  action: string;
  target: string;
  status: number;
  address: string;
}

/** Server-wide key/value state (e.g. the advisory DB version applied by re-matching). */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Every table. */
export interface Database {
  applications: ApplicationsTable;
  application_resources: ApplicationResourcesTable;
  resources: ResourcesTable;
  resource_sboms: ResourceSbomsTable;
  packages: PackagesTable;
  package_counts: PackageCountsTable;
  resource_packages: ResourcePackagesTable;
  vulnerabilities: VulnerabilitiesTable;
  findings: FindingsTable;
  vulnerability_packages: VulnerabilityPackagesTable;
  scans: ScansTable;
  resource_layers: ResourceLayersTable;
  cis_checks: CisChecksTable;
  schedules: SchedulesTable;
  runtime_scans: RuntimeScansTable;
  runtime_scan_images: RuntimeScanImagesTable;
  runtime_scan_applications: RuntimeScanApplicationsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}
