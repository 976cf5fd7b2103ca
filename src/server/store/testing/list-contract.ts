/**
 * The list endpoints' queries against the fixture, on any store: exact rows for every filter operator, sort key and
 * scope, paging, and injection strings in every parameter having no effect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListQuery } from '../../list-query/list-query.ts';
import { listApplications } from '../../repositories/applications.ts';
import {
  APPLICATIONS_LIST,
  PACKAGES_LIST,
  RESOURCES_LIST,
  VULNERABILITIES_LIST,
} from '../../repositories/list-specs.ts';
import { listPackages } from '../../repositories/packages.ts';
import { listResources } from '../../repositories/resources.ts';
import { listVulnerabilities } from '../../repositories/vulnerabilities.ts';
import { packageId, resourceId } from '../ids.ts';
import type { Store } from '../open-store.ts';
import { type FixtureIds, loadFixture, PKG, RES, T0 } from './fixture.ts';
import type { StoreHarness } from './harness.ts';

type Raw = Record<string, unknown>;

/** Registers the list suite for a harness. */
export function describeListContract(harness: StoreHarness): void {
  describe(`lists (${harness.dialect})`, () => {
    let store: Store;
    let ids: FixtureIds;

    beforeAll(async () => {
      store = await harness.fresh();
      ids = await loadFixture(store);
    });
    afterAll(() => harness.release(store));

    const applications = async (raw: Raw) =>
      (await listApplications(store, parseListQuery(raw, APPLICATIONS_LIST))).items.map((a) => a.applicationName);
    const resources = async (raw: Raw) =>
      (await listResources(store, parseListQuery(raw, RESOURCES_LIST))).items.map((r) => r.resourceName);
    const packages = async (raw: Raw) =>
      (await listPackages(store, parseListQuery(raw, PACKAGES_LIST))).items.map((p) => p.packageName);
    const vulnerabilities = async (raw: Raw) =>
      (await listVulnerabilities(store, parseListQuery(raw, VULNERABILITIES_LIST))).items.map(
        (v) => `${v.vulnerabilityName} ${v.packageName}`,
      );

    it('lists applications with their counts', async () => {
      const page = await listApplications(store, parseListQuery({}, APPLICATIONS_LIST));
      expect(page.total).toBe(3);
      expect(page.items.find((a) => a.applicationName === 'web')).toEqual({
        id: ids.web,
        applicationName: 'web',
        applicationType: 'POD',
        labels: ['app=web', 'team=a'],
        environments: ['prod'],
        vulnerabilities: [
          { severity: 'CRITICAL', count: 1 },
          { severity: 'HIGH', count: 1 },
          { severity: 'MEDIUM', count: 1 },
          { severity: 'LOW', count: 1 },
          { severity: 'NEGLIGIBLE', count: 0 },
          { severity: 'UNKNOWN', count: 0 },
        ],
        applicationResources: 2,
        packages: 4,
      });
    });

    it.each<[Raw, string[]]>([
      [{}, ['api', 'tools', 'web']],
      [{ sortDir: 'DESC' }, ['web', 'tools', 'api']],
      [{ sortKey: 'vulnerabilities', sortDir: 'DESC' }, ['web', 'api', 'tools']],
      [{ sortKey: 'packages' }, ['tools', 'api', 'web']],
      [{ sortKey: 'applicationType', 'applicationName[isNot]': 'web' }, ['tools', 'api']],
      [{ 'applicationName[start]': 'W' }, ['web']],
      [{ 'applicationName[end]': 's' }, ['tools']],
      [{ 'applicationName[contains]': ['o', 'l'] }, ['tools']],
      [{ 'applicationName[is]': ['api', 'web'] }, ['api', 'web']],
      [{ 'applicationName[isNot]': 'api' }, ['tools', 'web']],
      [{ 'applicationType[is]': 'DIRECTORY' }, ['tools']],
      [{ 'applicationLabels[containElements]': 'team=a' }, ['web']],
      [{ 'applicationLabels[containElements]': ['app=web', 'team=b'] }, []],
      [{ 'applicationLabels[containElements]': 'team' }, []],
      [{ 'applicationLabels[doesntContainElements]': 'team=a' }, ['api', 'tools']],
      [{ 'applicationEnvs[containElements]': 'prod' }, ['api', 'web']],
      [{ 'vulnerabilitySeverity[gte]': 'HIGH' }, ['api', 'web']],
      [{ 'vulnerabilitySeverity[gte]': 'CRITICAL' }, ['web']],
      [{ 'vulnerabilitySeverity[lte]': 'HIGH' }, ['api', 'tools']],
      [{ 'packages[gte]': '3' }, ['api', 'web']],
      [{ 'packages[is]': '2' }, ['tools']],
      [{ 'applicationResources[isNot]': '1' }, ['web']],
      [{ 'applicationResources[lte]': '1', 'packages[gte]': '3' }, ['api']],
    ])('applications %j', async (raw, expected) => {
      expect(await applications(raw)).toEqual(expected);
    });

    it('scopes applications', async () => {
      expect(await applications({ applicationResourceID: resourceId(RES.api.hash) })).toEqual(['api', 'web']);
      expect(await applications({ packageID: packageId(PKG.leftPad.purl ?? '') })).toEqual(['tools']);
      expect(await applications({ applicationResourceID: 'no-such-id' })).toEqual([]);
    });

    it('lists resources with analyzers apart from scanners', async () => {
      const page = await listResources(store, parseListQuery({ 'resourceHash[is]': RES.nginx.hash }, RESOURCES_LIST));
      expect(page).toEqual({
        total: 1,
        items: [
          {
            id: resourceId(RES.nginx.hash),
            resourceName: 'nginx:1.25',
            resourceHash: 'sha256:1111',
            resourceType: 'IMAGE',
            vulnerabilities: [
              { severity: 'CRITICAL', count: 1 },
              { severity: 'HIGH', count: 1 },
              { severity: 'MEDIUM', count: 1 },
              { severity: 'LOW', count: 0 },
              { severity: 'NEGLIGIBLE', count: 0 },
              { severity: 'UNKNOWN', count: 0 },
            ],
            applications: 1,
            packages: 3,
            // trivy reported a vulnerability here, never a package: it is no SBOM analyzer of this resource.
            reportingSBOMAnalyzers: ['dpkg', 'npm'],
          },
        ],
      });
    });

    it.each<[Raw, string[]]>([
      [{}, ['./tools', 'nginx:1.25', 'registry.example/api:2']],
      [{ sortKey: 'vulnerabilities', sortDir: 'DESC' }, ['nginx:1.25', 'registry.example/api:2', './tools']],
      [{ sortKey: 'resourceHash', sortDir: 'DESC' }, ['./tools', 'registry.example/api:2', 'nginx:1.25']],
      [
        { sortKey: 'applications', sortDir: 'DESC', 'resourceType[is]': 'IMAGE' },
        ['registry.example/api:2', 'nginx:1.25'],
      ],
      [{ 'resourceName[contains]': 'api' }, ['registry.example/api:2']],
      [{ 'resourceHash[end]': '2222' }, ['registry.example/api:2']],
      [{ 'resourceHash[start]': 'SHA256:3' }, ['./tools']],
      [{ 'resourceType[is]': 'DIRECTORY' }, ['./tools']],
      [{ 'reportingSBOMAnalyzers[containElements]': 'trivy' }, ['registry.example/api:2']],
      [{ 'reportingSBOMAnalyzers[doesntContainElements]': 'python' }, ['./tools', 'nginx:1.25']],
      [{ 'applications[gte]': '2' }, ['registry.example/api:2']],
      [{ 'packages[lte]': '2' }, ['./tools']],
      [{ 'vulnerabilitySeverity[lte]': 'MEDIUM' }, ['./tools']],
    ])('resources %j', async (raw, expected) => {
      expect(await resources(raw)).toEqual(expected);
    });

    it('scopes resources', async () => {
      expect(await resources({ applicationID: ids.web })).toEqual(['nginx:1.25', 'registry.example/api:2']);
      expect(await resources({ packageID: packageId(PKG.requests.purl ?? '') })).toEqual(['registry.example/api:2']);
    });

    it.each<[Raw, string[]]>([
      [{}, ['50%_off', 'left-pad', 'lodash', 'openssl', 'requests', 'zlib1g']],
      [{ pageSize: '2', page: '2' }, ['lodash', 'openssl']],
      [{ pageSize: '4', page: '3' }, []],
      [
        { sortKey: 'license', 'packageName[isNot]': ['openssl', 'requests'] },
        ['50%_off', 'lodash', 'left-pad', 'zlib1g'],
      ],
      [
        { sortKey: 'vulnerabilities', sortDir: 'DESC' },
        ['openssl', 'lodash', 'zlib1g', 'requests', 'left-pad', '50%_off'],
      ],
      // LIKE wildcards in a value match themselves only.
      [{ 'packageName[contains]': '%' }, ['50%_off']],
      [{ 'packageName[contains]': '_' }, ['50%_off']],
      [{ 'packageName[start]': '%' }, []],
      [{ 'packageName[start]': '50%' }, ['50%_off']],
      [{ 'packageName[start]': 'OPEN' }, ['openssl']],
      [{ 'packageVersion[end]': '.0' }, ['50%_off', 'left-pad', 'requests']],
      [{ 'license[is]': 'Apache-2.0' }, ['openssl', 'requests']],
      [{ 'language[is]': 'javascript' }, ['50%_off', 'left-pad', 'lodash']],
      [{ 'language[isNot]': '' }, ['50%_off', 'left-pad', 'lodash', 'requests']],
      [{ 'applications[is]': '2' }, ['lodash', 'openssl', 'requests']],
      [{ 'applicationResources[gte]': '2' }, ['lodash', 'openssl']],
      [{ 'vulnerabilitySeverity[gte]': 'LOW' }, ['lodash', 'openssl', 'requests', 'zlib1g']],
      [{ 'vulnerabilitySeverity[lte]': 'NEGLIGIBLE' }, ['50%_off', 'left-pad']],
    ])('packages %j', async (raw, expected) => {
      expect(await packages(raw)).toEqual(expected);
    });

    it('counts packages before paging and scopes them', async () => {
      expect((await listPackages(store, parseListQuery({ pageSize: '2' }, PACKAGES_LIST))).total).toBe(6);
      expect(await packages({ applicationID: ids.tools })).toEqual(['50%_off', 'left-pad']);
      expect(await packages({ applicationResourceID: resourceId(RES.nginx.hash) })).toEqual([
        'lodash',
        'openssl',
        'zlib1g',
      ]);
    });

    it('lists one row per vulnerability and package, with the most severe finding', async () => {
      const page = await listVulnerabilities(
        store,
        parseListQuery({ 'vulnerabilityName[is]': 'CVE-2023-0001' }, VULNERABILITIES_LIST),
      );
      expect(page.items).toEqual([
        expect.objectContaining({
          vulnerabilityName: 'CVE-2023-0001',
          packageName: 'openssl',
          packageVersion: '3.0.1',
          packageID: packageId('pkg:deb/debian/openssl@3.0.1?distro=debian-12'),
          severity: 'CRITICAL',
          cvssSeverity: 'CRITICAL',
          cvssBaseScore: 9.8,
          applications: 2,
          applicationResources: 2,
          fixVersion: '3.0.2',
          reportingScanners: ['grype', 'lucent'],
          source: 'CICD',
          sources: ['CICD', 'RUNTIME'],
          firstSeen: T0,
        }),
      ]);
    });

    it.each<[Raw, string[]]>([
      [
        { sortKey: 'severity', sortDir: 'DESC' },
        [
          'CVE-2023-0001 openssl',
          'CVE-2021-23337 lodash',
          'CVE-2023-0002 zlib1g',
          'CVE-2023-0003 requests',
          'GHSA-left-pad left-pad',
        ],
      ],
      [{ 'vulnerabilitySeverity[is]': 'HIGH' }, ['CVE-2021-23337 lodash']],
      [
        { sortKey: 'vulnerabilityName', 'vulnerabilitySeverity[isNot]': ['HIGH', 'CRITICAL'] },
        ['CVE-2023-0002 zlib1g', 'CVE-2023-0003 requests', 'GHSA-left-pad left-pad'],
      ],
      [
        { sortKey: 'vulnerabilityName', 'vulnerabilitySeverity[gte]': 'HIGH' },
        ['CVE-2021-23337 lodash', 'CVE-2023-0001 openssl'],
      ],
      [
        { sortKey: 'vulnerabilityName', 'hasFixVersion[is]': 'false' },
        ['CVE-2023-0002 zlib1g', 'GHSA-left-pad left-pad'],
      ],
      [{ 'reportingScanners[containElements]': 'grype' }, ['CVE-2023-0001 openssl']],
      [{ 'reportingScanners[containElements]': 'trivy' }, ['CVE-2021-23337 lodash']],
      [{ 'reportingScanners[doesntContainElements]': 'lucent' }, []],
      [
        { sortKey: 'vulnerabilityName', 'vulnerabilitySource[is]': 'RUNTIME' },
        ['CVE-2021-23337 lodash', 'CVE-2023-0001 openssl', 'CVE-2023-0003 requests'],
      ],
      [
        { sortKey: 'vulnerabilityName', 'vulnerabilitySource[is]': 'CICD' },
        ['CVE-2021-23337 lodash', 'CVE-2023-0001 openssl', 'CVE-2023-0002 zlib1g', 'GHSA-left-pad left-pad'],
      ],
      [
        { sortKey: 'vulnerabilityName', 'applicationResources[is]': '2' },
        ['CVE-2021-23337 lodash', 'CVE-2023-0001 openssl'],
      ],
      [
        { sortKey: 'applications', sortDir: 'DESC', 'applications[lte]': '1' },
        ['CVE-2023-0002 zlib1g', 'GHSA-left-pad left-pad'],
      ],
      [{ 'packageName[is]': 'openssl' }, ['CVE-2023-0001 openssl']],
      [
        { sortKey: 'packageName', 'vulnerabilityName[start]': 'cve-2023' },
        ['CVE-2023-0001 openssl', 'CVE-2023-0003 requests', 'CVE-2023-0002 zlib1g'],
      ],
      [{ 'packageVersion[contains]': '17' }, ['CVE-2021-23337 lodash']],
      [
        { sortKey: 'fixVersion', 'hasFixVersion[is]': 'true' },
        ['CVE-2023-0003 requests', 'CVE-2023-0001 openssl', 'CVE-2021-23337 lodash'],
      ],
      [
        { sortKey: 'source', sortDir: 'DESC', 'vulnerabilitySource[is]': 'RUNTIME', 'applications[is]': '2' },
        ['CVE-2023-0003 requests', ...sortedPairs(['CVE-2023-0001 openssl', 'CVE-2021-23337 lodash'])],
      ],
    ])('vulnerabilities %j', async (raw, expected) => {
      const actual = await vulnerabilities(raw);
      // Rows that tie on the sort key are ordered by ids, which the fixture does not fix: compare those as sets.
      expect(actual.length).toBe(expected.length);
      expect(new Set(actual)).toEqual(new Set(expected));
      if (!tiesIn(raw)) expect(actual).toEqual(expected);
    });

    it('scopes vulnerabilities', async () => {
      expect(await vulnerabilities({ sortKey: 'vulnerabilityName', applicationID: ids.api })).toEqual([
        'CVE-2021-23337 lodash',
        'CVE-2023-0001 openssl',
        'CVE-2023-0003 requests',
      ]);
      expect(await vulnerabilities({ applicationResourceID: resourceId(RES.tools.hash) })).toEqual([
        'GHSA-left-pad left-pad',
      ]);
      expect(await vulnerabilities({ packageID: packageId(PKG.lodash.purl ?? '') })).toEqual(['CVE-2021-23337 lodash']);
      expect(await vulnerabilities({ currentRuntimeScan: 'true' })).toEqual([]);
    });

    it('pages vulnerabilities, scoped or not, without losing or repeating a row', async () => {
      for (const scope of [{}, { applicationID: ids.api }]) {
        const sorted = { ...scope, sortKey: 'vulnerabilityName', sortDir: 'DESC' };
        const all = await vulnerabilities(sorted);
        const pages = [];
        for (let page = 1; page <= all.length + 1; page++) {
          pages.push(...(await vulnerabilities({ ...sorted, pageSize: '1', page: String(page) })));
        }
        expect(pages).toEqual(all);
      }
      expect(
        await vulnerabilities({ applicationID: ids.api, sortKey: 'vulnerabilityName', pageSize: '2', page: '2' }),
      ).toEqual(['CVE-2023-0003 requests']);
    });

    it('gives injection strings in every string filter no effect', async () => {
      const attacks = ["x' OR '1'='1", "'; DROP TABLE packages; --", '") OR 1=1 --', '%', "\\'; --"];
      for (const [spec, run] of [
        [APPLICATIONS_LIST, applications],
        [RESOURCES_LIST, resources],
        [PACKAGES_LIST, packages],
        [VULNERABILITIES_LIST, vulnerabilities],
      ] as const) {
        for (const [field, fieldSpec] of Object.entries(spec.filters)) {
          if (fieldSpec.kind !== 'string' && fieldSpec.kind !== 'elements') continue;
          for (const op of fieldSpec.ops) {
            for (const attack of attacks) {
              // `isNot` and `doesntContainElements` of a value nobody has keep every row; the rest match none.
              const keepsAll = op === 'isNot' || op === 'doesntContainElements' || (attack === '%' && op !== 'is');
              const rows = await run({ [`${field}[${op}]`]: attack });
              if (!keepsAll) expect(rows, `${field}[${op}]=${attack}`).toEqual([]);
            }
          }
        }
      }
      for (const scope of ['applicationID', 'applicationResourceID', 'packageID'] as const) {
        expect(await vulnerabilities({ [scope]: "' OR 1=1 --" })).toEqual([]);
      }
      expect(await packages({})).toHaveLength(6);
      expect(await applications({})).toHaveLength(3);
    });
  });
}

/** Whether the expected order has ties the fixture leaves to ids (applications sorts on equal counts). */
function tiesIn(raw: Raw): boolean {
  return raw.sortKey === 'applications' || raw.sortKey === 'source';
}

function sortedPairs(values: string[]): string[] {
  return [...values].sort();
}
