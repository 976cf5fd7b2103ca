/**
 * A small, fully known data set for the store tests: three applications, three resources, six packages (one named
 * with LIKE wildcards), five (vulnerability, package) pairs with findings that disagree across resources. The
 * expected counts are written out in the tests, derived by hand from this file.
 */
import { createApplication } from '../../repositories/applications.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../../services/ingest.ts';
import type { IngestFinding, IngestPackage } from '../../services/ingest-schema.ts';
import type { Store } from '../open-store.ts';

/** The time every fixture report carries. */
export const T0 = '2025-03-01T10:00:00.000Z';

/** Packages by short name. */
export const PKG = {
  openssl: pkg('pkg:deb/debian/openssl@3.0.1?distro=debian-12', 'openssl', '3.0.1', 'deb', ['Apache-2.0'], ['dpkg']),
  zlib: pkg('pkg:deb/debian/zlib1g@1.2.13?distro=debian-12', 'zlib1g', '1.2.13', 'deb', ['Zlib'], ['dpkg']),
  lodash: pkg('pkg:npm/lodash@4.17.20', 'lodash', '4.17.20', 'npm', ['MIT'], ['npm']),
  requests: pkg('pkg:pypi/requests@2.25.0', 'requests', '2.25.0', 'pypi', ['Apache-2.0'], ['python']),
  leftPad: pkg('pkg:npm/left-pad@1.3.0', 'left-pad', '1.3.0', 'npm', ['WTFPL'], ['npm']),
  wild: pkg('pkg:npm/50%25_off@1.0.0', '50%_off', '1.0.0', 'npm', [], ['npm']),
} satisfies Record<string, IngestPackage>;

/** Resources by short name. */
export const RES = {
  nginx: { name: 'nginx:1.25', hash: 'sha256:1111', type: 'IMAGE' },
  api: { name: 'registry.example/api:2', hash: 'sha256:2222', type: 'IMAGE' },
  tools: { name: './tools', hash: 'sha256:3333', type: 'DIRECTORY' },
} as const;

function pkg(
  purl: string,
  name: string,
  version: string,
  type: string,
  licenses: string[],
  foundBy: string[],
): IngestPackage {
  return {
    purl,
    name,
    version,
    type,
    licenses,
    foundBy,
    locations: [{ path: `/lib/${name}`, layerDiffId: 'sha256:l1' }],
  };
}

/** A finding on a package. */
export function finding(
  id: string,
  on: IngestPackage,
  level: NonNullable<IngestFinding['severity']>['level'],
  extra: Partial<IngestFinding> = {},
): IngestFinding {
  return {
    id,
    ...(on.purl ? { packagePurl: on.purl } : {}),
    packageName: on.name,
    installedVersion: on.version,
    severity: { level, ...(extra.severity ?? {}) },
    ...extra,
  } as IngestFinding;
}

/** The applications' ids after `loadFixture`. */
export interface FixtureIds {
  web: string;
  api: string;
  tools: string;
}

/** Creates the applications and ingests every report of the fixture. */
export async function loadFixture(store: Store): Promise<FixtureIds> {
  const web = await createApplication(
    store,
    { name: 'web', type: 'POD', labels: ['app=web', 'team=a'], environments: ['prod'] },
    T0,
  );
  const api = await createApplication(
    store,
    { name: 'api', type: 'POD', labels: ['app=api', 'team=b'], environments: ['prod', 'staging'] },
    T0,
  );
  const tools = await createApplication(store, { name: 'tools', type: 'DIRECTORY', environments: ['dev'] }, T0);
  await ingestReports(store, { web: web.id, api: api.id, tools: tools.id });
  return { web: web.id, api: api.id, tools: tools.id };
}

/** Ingests the fixture's reports (again, for idempotence tests). */
export async function ingestReports(store: Store, ids: FixtureIds): Promise<void> {
  const actor = 'token:ci';
  const at = T0;
  await ingestContentAnalysis(
    store,
    { applicationId: ids.web, actor },
    {
      resource: RES.nginx,
      reportedAt: at,
      packages: [PKG.openssl, PKG.zlib, PKG.lodash],
      layers: [{ diffId: 'sha256:l1', createdBy: 'ADD rootfs.tar /' }],
      sbom: { format: 'cyclonedx-json', document: { bomFormat: 'CycloneDX', specVersion: '1.6', components: [] } },
    },
  );
  await ingestVulnerabilityScan(
    store,
    { applicationId: ids.web, actor },
    {
      resource: RES.nginx,
      reportedAt: at,
      findings: [
        finding('CVE-2023-0001', PKG.openssl, 'CRITICAL', {
          severity: { level: 'CRITICAL', score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
          fixedVersions: ['3.0.2'],
          description: 'openssl overflow',
          links: ['https://example.org/CVE-2023-0001'],
          epss: { cveId: 'CVE-2023-0001', epss: 0.42, percentile: 0.97 },
          kev: { cveId: 'CVE-2023-0001', dateAdded: '2024-01-01' },
        }),
        finding('CVE-2023-0002', PKG.zlib, 'MEDIUM', { severity: { level: 'MEDIUM', score: 5.5 } }),
        finding('CVE-2021-23337', PKG.lodash, 'HIGH', {
          severity: { level: 'HIGH', score: 7.2 },
          fixedVersions: ['4.17.21'],
          scanners: ['lucent', 'trivy'],
        }),
      ],
    },
  );
  await ingestContentAnalysis(
    store,
    { applicationId: ids.api, actor },
    {
      resource: RES.api,
      reportedAt: at,
      packages: [PKG.openssl, PKG.requests, { ...PKG.lodash, foundBy: ['npm', 'trivy'] }],
    },
  );
  await ingestVulnerabilityScan(
    store,
    { applicationId: ids.web, actor: 'runtime-scan:1' },
    {
      resource: RES.api,
      reportedAt: at,
      source: 'RUNTIME',
      findings: [
        finding('CVE-2023-0001', PKG.openssl, 'HIGH', {
          severity: { level: 'HIGH', score: 8.1 },
          fixedVersions: ['3.0.2'],
          scanners: ['grype'],
        }),
        finding('CVE-2023-0003', PKG.requests, 'LOW', {
          severity: { level: 'LOW', score: 3.1 },
          fixedVersions: ['2.31.0'],
        }),
        finding('CVE-2021-23337', PKG.lodash, 'HIGH', {
          severity: { level: 'HIGH', score: 7.2 },
          fixedVersions: ['4.17.21'],
        }),
      ],
    },
  );
  await ingestContentAnalysis(
    store,
    { applicationId: ids.tools, actor },
    {
      resource: RES.tools,
      reportedAt: at,
      packages: [PKG.leftPad, PKG.wild],
    },
  );
  await ingestVulnerabilityScan(
    store,
    { applicationId: ids.tools, actor },
    {
      resource: RES.tools,
      reportedAt: at,
      findings: [finding('GHSA-left-pad', PKG.leftPad, 'NEGLIGIBLE')],
    },
  );
}
