/** Details, application CRUD, resource deletion, dashboard aggregates and scans on any store, against the fixture. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseListQuery } from '../../list-query/list-query.ts';
import {
  ApplicationConflictError,
  createApplication,
  deleteApplication,
  getApplication,
  updateApplication,
} from '../../repositories/applications.ts';
import { refreshAllCounters } from '../../repositories/counters.ts';
import {
  dashboardCounters,
  mostVulnerable,
  packagesPerLanguage,
  packagesPerLicense,
  vulnerabilitiesWithFix,
  vulnerabilityTrends,
} from '../../repositories/dashboard.ts';
import { listLayerPackages } from '../../repositories/layer-packages.ts';
import { PACKAGE_RESOURCES_LIST } from '../../repositories/list-specs.ts';
import { getPackage, listPackageResources } from '../../repositories/packages.ts';
import {
  deleteResource,
  getResource,
  getResourceSbom,
  listCisChecks,
  listResourceLayers,
} from '../../repositories/resources.ts';
import { listScans } from '../../repositories/scans.ts';
import { getVulnerability } from '../../repositories/vulnerabilities.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../../services/ingest.ts';
import { applicationId, packageId, resourceId, vulnerabilityId } from '../ids.ts';
import type { Store } from '../open-store.ts';
import { type FixtureIds, loadFixture, PKG, RES, T0 } from './fixture.ts';
import type { StoreHarness } from './harness.ts';
import { snapshot } from './snapshot.ts';

const T1 = '2025-03-02T10:00:00.000Z';

/** Registers the details suite for a harness. */
export function describeDetailsContract(harness: StoreHarness): void {
  describe(`details (${harness.dialect})`, () => {
    let store: Store;
    let ids: FixtureIds;

    beforeEach(async () => {
      store = await harness.fresh();
      ids = await loadFixture(store);
    });
    afterEach(() => harness.release(store));

    async function expectConsistentCounters(): Promise<void> {
      const kept = await snapshot(store);
      await refreshAllCounters(store.db);
      expect(await snapshot(store)).toEqual(kept);
    }

    it('refuses duplicate names with the existing application', async () => {
      const error = await createApplication(store, { name: 'web', type: 'IMAGE' }, T1).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ApplicationConflictError);
      expect((error as ApplicationConflictError).code).toBe('E_CONFLICT');
      expect((error as ApplicationConflictError).existing.id).toBe(ids.web);
      const rename = await updateApplication(store, ids.api, { name: 'web', type: 'POD' }, T1).catch((e: unknown) => e);
      expect(rename).toBeInstanceOf(ApplicationConflictError);
      expect(await updateApplication(store, 'no-such-id', { name: 'x', type: 'POD' }, T1)).toBeUndefined();
    });

    it('updates an application and gives a new one with the old name another id', async () => {
      const renamed = await updateApplication(
        store,
        ids.tools,
        { name: 'tooling', type: 'LAMBDA', labels: ['b=2', 'a=1', 'a=1'], environments: [] },
        T1,
      );
      expect(renamed).toMatchObject({
        id: ids.tools,
        applicationName: 'tooling',
        applicationType: 'LAMBDA',
        labels: ['a=1', 'b=2'],
        environments: [],
        applicationResources: 1,
      });
      const again = await createApplication(store, { name: 'tools', type: 'DIRECTORY' }, T1);
      expect(again.id).not.toBe(ids.tools);
      expect(ids.tools).toBe(applicationId('tools'));
    });

    it('gives an application with the licenses of its packages', async () => {
      const detail = await getApplication(store, ids.web);
      expect(detail?.licenses).toEqual(['Apache-2.0', 'MIT', 'Zlib']);
      expect(await getApplication(store, 'no-such-id')).toBeUndefined();
    });

    it('deletes an application but keeps its resources, recounting them', async () => {
      expect(await deleteApplication(store, ids.web)).toBe(true);
      expect(await deleteApplication(store, ids.web)).toBe(false);
      const counts = await store.db
        .selectFrom('resources')
        .select(['name', 'applications_count'])
        .orderBy('name')
        .execute();
      expect(counts).toEqual([
        { name: './tools', applications_count: 1 },
        { name: 'nginx:1.25', applications_count: 0 },
        { name: 'registry.example/api:2', applications_count: 1 },
      ]);
      await expectConsistentCounters();
    });

    it('deletes a resource with what only it had', async () => {
      expect(await deleteResource(store, resourceId(RES.api.hash))).toBe(true);
      expect(await deleteResource(store, resourceId(RES.api.hash))).toBe(false);
      expect(await getPackage(store, packageId(PKG.requests.purl ?? ''))).toBeUndefined();
      expect(
        await store.db.selectFrom('vulnerabilities').select('name').where('name', '=', 'CVE-2023-0003').execute(),
      ).toEqual([]);
      expect(await getPackage(store, packageId(PKG.openssl.purl ?? ''))).toMatchObject({
        applications: 1,
        applicationResources: 1,
      });
      await expectConsistentCounters();
    });

    it('gives a resource with its licenses, scanners, SBOM and layers', async () => {
      const id = resourceId(RES.nginx.hash);
      expect(await getResource(store, id)).toMatchObject({
        licenses: ['Apache-2.0', 'MIT', 'Zlib'],
        reportingScanners: ['lucent', 'trivy'],
        os: null,
        firstSeen: T0,
        lastAnalysisAt: T0,
        lastScanAt: T0,
      });
      const sbom = await getResourceSbom(store, id);
      expect(JSON.parse(sbom?.document ?? '')).toEqual({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [] });
      expect(await getResourceSbom(store, resourceId(RES.api.hash))).toBeUndefined();
      expect(await listResourceLayers(store, id)).toEqual([
        { index: 0, diffId: 'sha256:l1', createdBy: 'ADD rootfs.tar /', packages: 3 },
      ]);
    });

    it("lists the packages each layer added, by name, a page at a time; a repeated layer's belong to the first", async () => {
      const image = { name: 'layered:1', hash: 'sha256:4444', type: 'IMAGE' } as const;
      const inLayer = (diffId: string, p: (typeof PKG)[keyof typeof PKG]) => ({
        ...p,
        locations: [{ path: `/lib/${p.name}`, layerDiffId: diffId }],
      });
      await ingestContentAnalysis(
        store,
        { applicationId: ids.web, actor: 'token:ci' },
        {
          resource: image,
          reportedAt: T1,
          packages: [
            inLayer('sha256:l1', PKG.zlib),
            inLayer('sha256:l2', PKG.lodash),
            inLayer('sha256:l2', PKG.leftPad),
          ],
          layers: [
            { diffId: 'sha256:l1', createdBy: 'ADD rootfs.tar /' },
            { diffId: 'sha256:l2', createdBy: 'RUN npm ci' },
            { diffId: 'sha256:l1', createdBy: 'ADD rootfs.tar /' },
          ],
        },
      );
      const id = resourceId(image.hash);
      expect((await listResourceLayers(store, id)).map((layer) => layer.packages)).toEqual([1, 2, 0]);
      const leftPad = {
        id: packageId(PKG.leftPad.purl ?? ''),
        name: 'left-pad',
        version: '1.3.0',
        type: 'npm',
        language: 'javascript',
        purl: PKG.leftPad.purl,
        path: '/lib/left-pad',
        analyzers: ['npm'],
      };
      expect(await listLayerPackages(store, id, 1, { page: 1, pageSize: 1 })).toEqual({ total: 2, items: [leftPad] });
      const second = await listLayerPackages(store, id, 1, { page: 2, pageSize: 1 });
      expect(second?.items.map((item) => `${item.name}@${item.version}`)).toEqual(['lodash@4.17.20']);
      const base = await listLayerPackages(store, id, 0, { page: 1, pageSize: 50 });
      expect(base?.items.map((item) => item.name)).toEqual(['zlib1g']);
      expect(await listLayerPackages(store, id, 2, { page: 1, pageSize: 50 })).toEqual({ total: 0, items: [] });
      expect(await listLayerPackages(store, id, 3, { page: 1, pageSize: 50 })).toBeUndefined();
    });

    it('stores CIS results and lists them by level', async () => {
      await ingestVulnerabilityScan(
        store,
        { applicationId: ids.web, actor: 'token:ci' },
        {
          resource: RES.nginx,
          reportedAt: T1,
          findings: [],
          cisChecks: [
            { code: 'CIS-DI-0001', level: 'WARN', title: 'Create a user', descriptions: ['last user is root'] },
            { code: 'DKL-DI-0006', level: 'FATAL', title: 'Avoid latest', descriptions: ['a', 'b'] },
            { code: 'CIS-DI-0005', level: 'INFO', title: 'Content trust' },
          ],
        },
      );
      const page = await listCisChecks(store, resourceId(RES.nginx.hash), 'level', 'DESC');
      expect(page).toEqual({
        total: 3,
        items: [
          { code: 'DKL-DI-0006', title: 'Avoid latest', level: 'FATAL', desc: 'a, b' },
          { code: 'CIS-DI-0001', title: 'Create a user', level: 'WARN', desc: 'last user is root' },
          { code: 'CIS-DI-0005', title: 'Content trust', level: 'INFO', desc: '' },
        ],
      });
    });

    it('gives a package and the resources that contain it', async () => {
      const id = packageId(PKG.lodash.purl ?? '');
      expect(await getPackage(store, id)).toEqual({
        id,
        packageName: 'lodash',
        version: '4.17.20',
        language: 'javascript',
        license: 'MIT',
        licenses: ['MIT'],
        purl: 'pkg:npm/lodash@4.17.20',
        type: 'npm',
        applications: 2,
        applicationResources: 2,
        vulnerabilities: [
          { severity: 'CRITICAL', count: 0 },
          { severity: 'HIGH', count: 1 },
          { severity: 'MEDIUM', count: 0 },
          { severity: 'LOW', count: 0 },
          { severity: 'NEGLIGIBLE', count: 0 },
          { severity: 'UNKNOWN', count: 0 },
        ],
      });
      const page = await listPackageResources(
        store,
        id,
        parseListQuery({ sortKey: 'resourceHash' }, PACKAGE_RESOURCES_LIST),
      );
      expect(page.items.map((item) => [item.resourceName, item.reportingSBOMAnalyzers])).toEqual([
        ['nginx:1.25', ['npm']],
        ['registry.example/api:2', ['npm', 'trivy']],
      ]);
      const filtered = await listPackageResources(
        store,
        id,
        parseListQuery({ 'reportingSBOMAnalyzers[containElements]': 'trivy' }, PACKAGE_RESOURCES_LIST),
      );
      expect(filtered.total).toBe(1);
    });

    it('gives a vulnerability of a package with its CVSS breakdown, EPSS, KEV and findings', async () => {
      const detail = await getVulnerability(store, vulnerabilityId('CVE-2023-0001'), packageId(PKG.openssl.purl ?? ''));
      expect(detail).toMatchObject({
        scanDate: T0,
        description: 'openssl overflow',
        links: ['https://example.org/CVE-2023-0001'],
        fixedVersions: ['3.0.2'],
        cvss: {
          cvssV3Vector: {
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            attackVector: 'NETWORK',
            attackComplexity: 'LOW',
            privilegesRequired: 'NONE',
            userInteraction: 'NONE',
            scope: 'UNCHANGED',
            confidentiality: 'HIGH',
            integrity: 'HIGH',
            availability: 'HIGH',
          },
          cvssV3Metrics: { severity: 'CRITICAL', baseScore: 9.8, exploitabilityScore: 3.9, impactScore: 5.9 },
        },
        epss: { score: 0.42, percentile: 0.97 },
        kev: { cveId: 'CVE-2023-0001', dateAdded: '2024-01-01' },
      });
      expect(detail?.findings.map((f) => [f.resourceName, f.severity, f.scanners, f.source])).toEqual([
        ['nginx:1.25', 'CRITICAL', ['lucent'], 'CICD'],
        ['registry.example/api:2', 'HIGH', ['grype'], 'RUNTIME'],
      ]);
      expect(await getVulnerability(store, vulnerabilityId('CVE-2023-0001'), 'nope')).toBeUndefined();
    });

    it('aggregates the dashboard', async () => {
      expect(await dashboardCounters(store)).toEqual({ applications: 3, resources: 3, packages: 6 });
      expect(await vulnerabilitiesWithFix(store)).toEqual([
        { severity: 'CRITICAL', countWithFix: 1, countTotal: 1 },
        { severity: 'HIGH', countWithFix: 1, countTotal: 1 },
        { severity: 'MEDIUM', countWithFix: 0, countTotal: 1 },
        { severity: 'LOW', countWithFix: 1, countTotal: 1 },
        { severity: 'NEGLIGIBLE', countWithFix: 0, countTotal: 1 },
        { severity: 'UNKNOWN', countWithFix: 0, countTotal: 0 },
      ]);
      expect(await packagesPerLicense(store)).toEqual([
        { license: 'Apache-2.0', count: 2 },
        { license: 'MIT', count: 1 },
        { license: 'WTFPL', count: 1 },
        { license: 'Zlib', count: 1 },
      ]);
      expect(await packagesPerLanguage(store)).toEqual([
        { language: 'javascript', count: 3 },
        { language: 'python', count: 1 },
      ]);
      const most = await mostVulnerable(store);
      expect(most.applications.map((a) => a.applicationName)).toEqual(['web', 'api', 'tools']);
      expect(most.resources.map((r) => r.resourceName)).toEqual(['nginx:1.25', 'registry.example/api:2', './tools']);
      expect(most.packages.map((p) => p.packageName)).toEqual(['openssl', 'lodash', 'zlib1g', 'requests', 'left-pad']);
    });

    it('builds the trend from first-seen times', async () => {
      await ingestVulnerabilityScan(
        store,
        { applicationId: ids.tools, actor: 'token:ci' },
        {
          resource: RES.tools,
          reportedAt: T1,
          findings: [
            { id: 'GHSA-left-pad', packagePurl: PKG.leftPad.purl, packageName: 'left-pad', installedVersion: '1.3.0' },
            {
              id: 'CVE-2025-0042',
              packagePurl: PKG.wild.purl,
              packageName: '50%_off',
              installedVersion: '1.0.0',
              severity: { level: 'HIGH' },
            },
          ],
        },
      );
      const trend = await vulnerabilityTrends(
        store,
        new Date('2025-03-01T00:00:00Z'),
        new Date('2025-03-03T00:00:00Z'),
        2,
      );
      const counts = (index: number) =>
        Object.fromEntries(
          (trend[index]?.numOfVuls ?? []).filter((c) => c.count > 0).map((c) => [c.severity, c.count]),
        );
      expect(trend.map((point) => point.time)).toEqual(['2025-03-02T00:00:00.000Z', '2025-03-03T00:00:00.000Z']);
      // The left-pad advisory lost its severity in the new report, but it was first seen on day one.
      expect(counts(0)).toEqual({ CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 1 });
      expect(counts(1)).toEqual({ HIGH: 1 });
      expect(await vulnerabilityTrends(store, new Date(T1), new Date(T0))).toEqual([]);
    });

    it('lists scans newest first', async () => {
      const page = await listScans(store, { resourceId: resourceId(RES.api.hash), limit: 10, offset: 0 });
      expect(page.total).toBe(2);
      expect(
        page.items.map((scan) => [scan.kind, scan.source, scan.actor, scan.packages, scan.findings]).sort(),
      ).toEqual([
        ['contentAnalysis', 'CICD', 'token:ci', 3, 0],
        ['vulnerabilityScan', 'RUNTIME', 'runtime-scan:1', 3, 3],
      ]);
    });
  });
}
