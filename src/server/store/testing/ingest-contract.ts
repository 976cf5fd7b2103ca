/**
 * Ingestion on any store: idempotence, package-set replacement, first-seen times, analyzers apart from scanners,
 * per-finding attributes, rollback of a failure in the middle, and concurrent ingestions. Counters kept by ingestion
 * are checked against a full recomputation (`refreshAllCounters`) after every scenario.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLucentError } from '../../../core/errors.ts';
import { refreshAllCounters } from '../../repositories/counters.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../../services/ingest.ts';
import { packageId, resourceId, vulnerabilityId } from '../ids.ts';
import type { Store } from '../open-store.ts';
import { type FixtureIds, finding, ingestReports, loadFixture, PKG, RES, T0 } from './fixture.ts';
import type { StoreHarness } from './harness.ts';
import { snapshot } from './snapshot.ts';

const T1 = '2025-03-02T10:00:00.000Z';

/** Registers the ingestion suite for a harness. */
export function describeIngestContract(harness: StoreHarness): void {
  describe(`ingestion (${harness.dialect})`, () => {
    let store: Store;
    let ids: FixtureIds;

    beforeEach(async () => {
      store = await harness.fresh();
      ids = await loadFixture(store);
    });
    afterEach(() => harness.release(store));

    /** The counters ingestion kept equal a recomputation from scratch. */
    async function expectConsistentCounters(): Promise<void> {
      const kept = await snapshot(store);
      await refreshAllCounters(store.db);
      expect(await snapshot(store)).toEqual(kept);
    }

    it('keeps counters equal to a full recomputation', async () => {
      await expectConsistentCounters();
    });

    it('is idempotent: the same reports again leave every row as it was', async () => {
      const before = await snapshot(store);
      await ingestReports(store, ids);
      expect(await snapshot(store)).toEqual(before);
    });

    it("replaces a resource's package set: stale packages, findings and vulnerabilities disappear", async () => {
      const result = await ingestContentAnalysis(
        store,
        { applicationId: ids.web, actor: 'token:ci' },
        {
          resource: RES.nginx,
          reportedAt: T1,
          packages: [PKG.openssl, PKG.lodash],
        },
      );
      expect(result).toMatchObject({ packages: 2, removedPackages: 1, removedFindings: 1 });
      const zlib = packageId(PKG.zlib.purl ?? '');
      expect(await store.db.selectFrom('packages').select('id').where('id', '=', zlib).execute()).toEqual([]);
      expect(
        await store.db.selectFrom('vulnerabilities').select('name').where('name', '=', 'CVE-2023-0002').execute(),
      ).toEqual([]);
      const web = await store.db
        .selectFrom('applications')
        .select(['packages_count', 'vulns_critical', 'vulns_high', 'vulns_medium', 'vulns_low', 'vulns_total'])
        .where('id', '=', ids.web)
        .executeTakeFirstOrThrow();
      expect(web).toEqual({
        packages_count: 3,
        vulns_critical: 1,
        vulns_high: 1,
        vulns_medium: 0,
        vulns_low: 1,
        vulns_total: 3,
      });
      await expectConsistentCounters();
    });

    it('keeps first-seen times across re-ingestion and gives new findings the report time', async () => {
      await ingestVulnerabilityScan(
        store,
        { applicationId: ids.web, actor: 'token:ci' },
        {
          resource: RES.nginx,
          reportedAt: T1,
          findings: [
            finding('CVE-2023-0001', PKG.openssl, 'CRITICAL', { severity: { level: 'CRITICAL', score: 9.8 } }),
            finding('CVE-2024-9999', PKG.zlib, 'HIGH'),
          ],
        },
      );
      const rows = await store.db
        .selectFrom('findings')
        .innerJoin('vulnerabilities', 'vulnerabilities.id', 'findings.vulnerability_id')
        .select(['vulnerabilities.name', 'findings.first_seen', 'findings.last_seen'])
        .where('findings.resource_id', '=', resourceId(RES.nginx.hash))
        .orderBy('vulnerabilities.name')
        .execute();
      expect(rows).toEqual([
        { name: 'CVE-2023-0001', first_seen: T0, last_seen: T1 },
        { name: 'CVE-2024-9999', first_seen: T1, last_seen: T1 },
      ]);
      // lodash's CVE left nginx but stays in the API image, with its first-seen time.
      const lodash = await store.db
        .selectFrom('vulnerability_packages')
        .select(['resources_count', 'first_seen', 'scanners'])
        .where('vulnerability_name', '=', 'CVE-2021-23337')
        .executeTakeFirstOrThrow();
      expect(lodash).toEqual({ resources_count: 1, first_seen: T0, scanners: '["lucent"]' });
      await expectConsistentCounters();
    });

    it('keeps analyzers and scanners apart for a resource only a scan describes', async () => {
      const scanOnly = { name: 'alpine:3.20', hash: 'sha256:4444', type: 'IMAGE' } as const;
      await ingestVulnerabilityScan(
        store,
        { applicationId: ids.tools, actor: 'token:ci' },
        {
          resource: scanOnly,
          reportedAt: T1,
          scanners: ['grype'],
          findings: [finding('CVE-2024-0005', { ...PKG.zlib, foundBy: [] }, 'LOW')],
        },
      );
      const id = resourceId(scanOnly.hash);
      const resource = await store.db
        .selectFrom('resources')
        .select(['analyzers', 'scanners', 'packages_count'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(resource).toEqual({ analyzers: '[]', scanners: '["grype"]', packages_count: 1 });
      const link = await store.db
        .selectFrom('resource_packages')
        .select('analyzers')
        .where('resource_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(link.analyzers).toBe('[]');
      await expectConsistentCounters();
    });

    it('stores suppressed findings without counting or listing them', async () => {
      await ingestVulnerabilityScan(
        store,
        { applicationId: ids.tools, actor: 'token:ci' },
        {
          resource: RES.tools,
          reportedAt: T1,
          findings: [
            finding('GHSA-left-pad', PKG.leftPad, 'NEGLIGIBLE', { suppressed: true }),
            finding('CVE-2025-0042', PKG.wild, 'HIGH'),
          ],
        },
      );
      const id = resourceId(RES.tools.hash);
      const stored = await store.db.selectFrom('findings').select('suppressed').where('resource_id', '=', id).execute();
      expect(stored.map((row) => row.suppressed).sort()).toEqual([0, 1]);
      const listed = await store.db
        .selectFrom('vulnerability_packages')
        .select('vulnerability_name')
        .where('package_name', 'in', ['left-pad', '50%_off'])
        .execute();
      expect(listed).toEqual([{ vulnerability_name: 'CVE-2025-0042' }]);
      const resource = await store.db
        .selectFrom('resources')
        .select(['vulns_total', 'vulns_high', 'vulns_negligible'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(resource).toEqual({ vulns_total: 1, vulns_high: 1, vulns_negligible: 0 });
      await expectConsistentCounters();
    });

    it('keeps vulnerability attributes per finding', async () => {
      const rows = await store.db
        .selectFrom('findings')
        .select(['resource_id', 'severity', 'severity_score', 'scanners', 'source', 'cvss_v3_vector', 'epss', 'kev'])
        .where('vulnerability_id', '=', vulnerabilityId('CVE-2023-0001'))
        .orderBy('severity', 'desc')
        .execute();
      expect(rows).toEqual([
        {
          resource_id: resourceId(RES.nginx.hash),
          severity: 5,
          severity_score: 9.8,
          scanners: '["lucent"]',
          source: 'CICD',
          cvss_v3_vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          epss: 0.42,
          kev: 1,
        },
        {
          resource_id: resourceId(RES.api.hash),
          severity: 4,
          severity_score: 8.1,
          scanners: '["grype"]',
          source: 'RUNTIME',
          cvss_v3_vector: null,
          epss: null,
          kev: 0,
        },
      ]);
    });

    it.each(['resource', 'packages', 'findings', 'counters'])(
      'rolls a scan back whole when it fails after the %s step',
      async (failAt) => {
        const before = await snapshot(store);
        const target = {
          applicationId: ids.api,
          actor: 'token:ci',
          onStep: (step: string) => {
            if (step === failAt) throw new Error(`injected failure after ${step}`);
          },
        };
        await expect(
          ingestVulnerabilityScan(store, target, {
            resource: { name: 'new', hash: 'sha256:5555', type: 'IMAGE' },
            reportedAt: T1,
            packages: [PKG.openssl, PKG.requests],
            findings: [finding('CVE-2024-7777', PKG.requests, 'CRITICAL')],
          }),
        ).rejects.toThrow(`injected failure after ${failAt}`);
        expect(await snapshot(store)).toEqual(before);
      },
    );

    it('refuses a report for an unknown application and stores nothing', async () => {
      const before = await snapshot(store);
      const error = await ingestContentAnalysis(
        store,
        { applicationId: 'nope', actor: 'token:ci' },
        {
          resource: RES.tools,
          packages: [],
        },
      ).catch((caught: unknown) => caught);
      expect(isLucentError(error) && error.code).toBe('E_NOT_FOUND');
      expect(await snapshot(store)).toEqual(before);
    });

    it('serialises concurrent ingestions that share packages', async () => {
      const resources = Array.from({ length: 6 }, (_, i) => ({
        name: `img-${i}`,
        hash: `sha256:c${i}`,
        type: 'IMAGE' as const,
      }));
      await Promise.all(
        resources.map((resource, i) =>
          ingestVulnerabilityScan(
            store,
            { applicationId: i % 2 ? ids.api : ids.web, actor: 'token:ci' },
            {
              resource,
              reportedAt: T1,
              packages: [PKG.openssl, PKG.lodash, i % 2 ? PKG.requests : PKG.zlib],
              findings: [
                finding('CVE-2023-0001', PKG.openssl, i % 3 === 0 ? 'CRITICAL' : 'HIGH'),
                finding('CVE-2021-23337', PKG.lodash, 'HIGH', { scanners: [`scanner-${i}`] }),
              ],
            },
          ),
        ),
      );
      const openssl = await store.db
        .selectFrom('package_counts')
        .select(['resources_count', 'applications_count'])
        .where('package_id', '=', packageId(PKG.openssl.purl ?? ''))
        .executeTakeFirstOrThrow();
      expect(openssl).toEqual({ resources_count: 8, applications_count: 2 });
      await expectConsistentCounters();
    });
  });
}
