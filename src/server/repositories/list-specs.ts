/**
 * The allowlists of the list endpoints: sort keys, filters and scopes exactly as the API documents them
 * (docs/server-api.md), each mapped to the column it reads. Routes parse with these; repositories query with them.
 */
import { ELEMENT_OPS, type FieldSpec, type ListSpec, NUMBER_OPS, STRING_OPS } from '../list-query/list-query.ts';

/** Application types. */
export const APPLICATION_TYPES = ['POD', 'DIRECTORY', 'LAMBDA', 'IMAGE'] as const;
/** Resource types. */
export const RESOURCE_TYPES = ['IMAGE', 'DIRECTORY', 'FILE', 'ROOTFS', 'SBOM'] as const;
/** Where a finding was reported from. */
export const VULNERABILITY_SOURCES = ['CICD', 'RUNTIME'] as const;

function text(column: string): FieldSpec {
  return { kind: 'string', ops: STRING_OPS, column };
}

function count(column: string): FieldSpec {
  return { kind: 'number', ops: NUMBER_OPS, column };
}

function elements(column: string): FieldSpec {
  return { kind: 'elements', ops: ELEMENT_OPS, column };
}

function highestSeverity(column: string): FieldSpec {
  return { kind: 'severity', ops: ['gte', 'lte'], column };
}

/**
 * "vulnerabilities" sorts by the per-severity counts, most severe first, as KubeClarity does, down to UNKNOWN: a row
 * with only unknown-severity findings sorts above one with none (indexes: migration 005).
 */
function vulnerabilityCounts(table: string): readonly string[] {
  return ['vulns_critical', 'vulns_high', 'vulns_medium', 'vulns_low', 'vulns_negligible', 'vulns_unknown'].map(
    (c) => `${table}.${c}`,
  );
}

/** GET /applications */
export const APPLICATIONS_LIST = {
  sortKeys: {
    applicationName: ['applications.name'],
    applicationType: ['applications.type'],
    vulnerabilities: vulnerabilityCounts('applications'),
    applicationResources: ['applications.resources_count'],
    packages: ['applications.packages_count'],
  },
  defaultSortKey: 'applicationName',
  tieBreakers: ['applications.id'],
  filters: {
    applicationName: text('applications.name'),
    applicationType: { kind: 'enum', ops: ['is'], column: 'applications.type', values: APPLICATION_TYPES },
    applicationLabels: elements('applications.labels'),
    applicationEnvs: elements('applications.environments'),
    vulnerabilitySeverity: highestSeverity('applications.max_severity'),
    applicationResources: count('applications.resources_count'),
    packages: count('applications.packages_count'),
  },
  scopes: ['applicationResourceID', 'packageID', 'currentRuntimeScan'],
} as const satisfies ListSpec;

/** GET /applicationResources */
export const RESOURCES_LIST = {
  sortKeys: {
    resourceName: ['resources.name'],
    resourceHash: ['resources.hash'],
    resourceType: ['resources.type'],
    vulnerabilities: vulnerabilityCounts('resources'),
    applications: ['resources.applications_count'],
    packages: ['resources.packages_count'],
  },
  defaultSortKey: 'resourceName',
  tieBreakers: ['resources.id'],
  filters: {
    resourceName: text('resources.name'),
    resourceHash: text('resources.hash'),
    resourceType: { kind: 'enum', ops: ['is'], column: 'resources.type', values: RESOURCE_TYPES },
    vulnerabilitySeverity: highestSeverity('resources.max_severity'),
    applications: count('resources.applications_count'),
    packages: count('resources.packages_count'),
    reportingSBOMAnalyzers: elements('resources.analyzers'),
  },
  scopes: ['applicationID', 'packageID', 'currentRuntimeScan'],
} as const satisfies ListSpec;

/** GET /packages (the counts of resources and applications live in `package_counts`, migration 006). */
export const PACKAGES_LIST = {
  sortKeys: {
    packageName: ['packages.name', 'packages.version'],
    version: ['packages.version'],
    language: ['packages.language'],
    license: ['packages.license'],
    vulnerabilities: vulnerabilityCounts('packages'),
    applications: ['package_counts.applications_count'],
    applicationResources: ['package_counts.resources_count'],
  },
  defaultSortKey: 'packageName',
  tieBreakers: ['packages.id'],
  filters: {
    packageName: text('packages.name'),
    packageVersion: text('packages.version'),
    language: text('packages.language'),
    license: text('packages.license'),
    applications: count('package_counts.applications_count'),
    applicationResources: count('package_counts.resources_count'),
    vulnerabilitySeverity: highestSeverity('packages.max_severity'),
  },
  scopes: ['applicationID', 'applicationResourceID', 'currentRuntimeScan'],
} as const satisfies ListSpec;

/** GET /vulnerabilities: one row per (vulnerability, package). */
export const VULNERABILITIES_LIST = {
  sortKeys: {
    vulnerabilityName: ['vulnerability_packages.vulnerability_name'],
    packageName: ['vulnerability_packages.package_name'],
    packageVersion: ['vulnerability_packages.package_version'],
    // Ties in severity are broken by the CVSS score.
    severity: ['vulnerability_packages.severity', 'vulnerability_packages.severity_score'],
    applications: ['vulnerability_packages.applications_count'],
    applicationResources: ['vulnerability_packages.resources_count'],
    fixVersion: ['vulnerability_packages.fix_version'],
    source: ['vulnerability_packages.source'],
  },
  defaultSortKey: 'severity',
  tieBreakers: ['vulnerability_packages.vulnerability_id', 'vulnerability_packages.package_id'],
  filters: {
    vulnerabilityName: text('vulnerability_packages.vulnerability_name'),
    packageName: text('vulnerability_packages.package_name'),
    packageVersion: text('vulnerability_packages.package_version'),
    vulnerabilitySeverity: { kind: 'severity', ops: NUMBER_OPS, column: 'vulnerability_packages.severity' },
    applications: count('vulnerability_packages.applications_count'),
    applicationResources: count('vulnerability_packages.resources_count'),
    hasFixVersion: { kind: 'boolean', ops: ['is'], column: 'vulnerability_packages.has_fix' },
    reportingScanners: elements('vulnerability_packages.scanners'),
    vulnerabilitySource: {
      kind: 'enum',
      ops: ['is'],
      column: 'vulnerability_packages.source',
      values: VULNERABILITY_SOURCES,
      // A pair reported from both places is stored as `CICD,RUNTIME` and matches either.
      expand: { CICD: ['CICD', 'CICD,RUNTIME'], RUNTIME: ['RUNTIME', 'CICD,RUNTIME'] },
    },
  },
  scopes: ['applicationID', 'applicationResourceID', 'packageID', 'currentRuntimeScan'],
} as const satisfies ListSpec;

/** GET /packages/{id}/applicationResources */
export const PACKAGE_RESOURCES_LIST = {
  sortKeys: {
    resourceName: ['resources.name'],
    resourceHash: ['resources.hash'],
  },
  defaultSortKey: 'resourceName',
  tieBreakers: ['resources.id'],
  filters: {
    resourceName: text('resources.name'),
    resourceHash: text('resources.hash'),
    reportingSBOMAnalyzers: elements('resource_packages.analyzers'),
  },
  scopes: [],
} as const satisfies ListSpec;

/** Sort keys of each list, as unions. */
export type ApplicationsSortKey = keyof typeof APPLICATIONS_LIST.sortKeys;
export type ResourcesSortKey = keyof typeof RESOURCES_LIST.sortKeys;
export type PackagesSortKey = keyof typeof PACKAGES_LIST.sortKeys;
export type VulnerabilitiesSortKey = keyof typeof VULNERABILITIES_LIST.sortKeys;
export type PackageResourcesSortKey = keyof typeof PACKAGE_RESOURCES_LIST.sortKeys;
