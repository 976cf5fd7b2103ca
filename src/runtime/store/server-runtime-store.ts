/**
 * The runtime store over the server's store (SQLite or PostgreSQL): image results go through the server's ingestion
 * (content analysis with the CycloneDX SBOM, then the vulnerability scan with source RUNTIME, layers and CIS
 * results), so runtime and CI results live in the same rows; a stored SBOM is decoded back for re-matching. Runs,
 * per-image progress, run applications and schedules use the runtime tables of the schema.
 */
import { gunzipSync } from 'node:zlib';
import { version } from '../../cli/version.ts';
import type { Image } from '../../image/image.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import { cisChecksOf, contentAnalysisReport, vulnerabilityScanReport } from '../../server/client/reports.ts';
import { chunksOf } from '../../server/repositories/chunks.ts';
import { refreshCounters } from '../../server/repositories/counters.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan, inIngestTransaction } from '../../server/services/ingest.ts';
import { applicationId as applicationIdOf, resourceId as resourceIdOf, uuidV5 } from '../../server/store/ids.ts';
import type { Store } from '../../server/store/open-store.ts';
import { severityOfOrdinal } from '../../server/store/severity.ts';
import type { RuntimeApplication } from '../applications.ts';
import {
  DEFAULT_QUICK_SCAN_CONFIG,
  type ImageFacts,
  type ImageProgress,
  type ImageScanRecord,
  type ImageState,
  type RunRecord,
  type RuntimeStore,
} from './runtime-store.ts';
import { serverScheduleStore } from './server-schedule-store.ts';

const QUICK_SCAN_KEY = 'runtime.quickScanConfig';
/** Per image, the advisory database version its stored findings were matched with (`runtime.matched:<digest>`). */
const MATCHED_KEY = 'runtime.matched:';

/** A runtime store on an open server store (the caller closes it). */
export function serverRuntimeStore(store: Store): RuntimeStore {
  const { db } = store;
  return {
    async storedDigests(digests) {
      const found = new Map<string, string | undefined>();
      for (const chunk of chunksOf([...digests])) {
        const rows = await db
          .selectFrom('resources')
          .innerJoin('resource_sboms', 'resource_sboms.resource_id', 'resources.id')
          .select('resources.hash')
          .where('resources.hash', 'in', chunk)
          .execute();
        for (const row of rows) found.set(row.hash, undefined);
        const versions = await db
          .selectFrom('settings')
          .select(['key', 'value'])
          .where(
            'key',
            'in',
            chunk.map((digest) => `${MATCHED_KEY}${digest}`),
          )
          .execute();
        for (const row of versions) {
          const digest = row.key.slice(MATCHED_KEY.length);
          if (found.has(digest)) found.set(digest, row.value);
        }
      }
      return found;
    },

    async imageFacts(digests) {
      const purls: string[] = [];
      const findings: ImageFacts['findings'] = [];
      for (const chunk of chunksOf(digests.map(resourceIdOf))) {
        const packages = await db
          .selectFrom('resource_packages')
          .innerJoin('packages', 'packages.id', 'resource_packages.package_id')
          .select(['packages.purl', 'packages.key'])
          .where('resource_packages.resource_id', 'in', chunk)
          .execute();
        for (const row of packages) purls.push(row.purl ?? row.key);
        const rows = await db
          .selectFrom('findings')
          .innerJoin('packages', 'packages.id', 'findings.package_id')
          .innerJoin('vulnerabilities', 'vulnerabilities.id', 'findings.vulnerability_id')
          .select(['vulnerabilities.name', 'packages.purl', 'packages.key', 'findings.severity'])
          .where('findings.resource_id', 'in', chunk)
          .where('findings.suppressed', '=', 0)
          .execute();
        for (const row of rows) {
          findings.push({ id: row.name, purl: row.purl ?? row.key, severity: severityOfOrdinal(row.severity) });
        }
      }
      return { purls, findings };
    },

    async getImage(digest) {
      const id = resourceIdOf(digest);
      const row = await db
        .selectFrom('resource_sboms')
        .innerJoin('resources', 'resources.id', 'resource_sboms.resource_id')
        .select(['resource_sboms.content', 'resource_sboms.encoding', 'resources.os'])
        .where('resource_sboms.resource_id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const bytes = row.encoding === 'gzip' ? gunzipSync(row.content) : Buffer.from(row.content);
      const { decodeSbom } = await import('../../sbom/decode.ts');
      const decoded = decodeSbom(bytes.toString('utf8'));
      const os = row.os ? JSON.parse(row.os) : undefined;
      return { digest, packages: decoded.packages, ...(os ? { os } : {}) };
    },

    async saveImage(record) {
      const target = { actor: `runtime-scan:${record.runId}`, now: () => new Date(record.scannedAt) };
      const result = analysisOf(record);
      const timing = { reportedAt: new Date(record.scannedAt) };
      if (record.analyzed) {
        const { encodeSbom } = await import('../../sbom/encode.ts');
        const text = await encodeSbom('cyclonedx-json', {
          result,
          tool: { name: 'lucent', version: version() },
          timestamp: timing.reportedAt,
        });
        const report = contentAnalysisReport(result, { ...timing, sbom: JSON.parse(text) });
        await ingestContentAnalysis(store, target, { ...report, source: 'RUNTIME' });
      }
      const scan = vulnerabilityScanReport(
        result,
        { reported: record.findings, suppressed: [] },
        {
          ...timing,
          scanners: ['lucent'],
        },
      );
      await ingestVulnerabilityScan(store, target, {
        ...scan,
        source: 'RUNTIME',
        ...(record.cis ? { cisChecks: cisChecksOf(record.cis) } : {}),
      });
      const matched = {
        key: `${MATCHED_KEY}${record.digest}`,
        value: record.matchedWith,
        updated_at: record.scannedAt,
      };
      await db
        .insertInto('settings')
        .values(matched)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: matched.value, updated_at: matched.updated_at }))
        .execute();
    },

    async saveApplications(runId, applications) {
      await saveApplications(store, runId, applications);
    },

    async saveRun(run) {
      const row = {
        id: run.id,
        schedule_id: run.scheduleId ?? null,
        kind: run.kind,
        status: run.status,
        namespaces: JSON.stringify(run.namespaces),
        options: JSON.stringify({ ...run.options, scannedNamespaces: run.scannedNamespaces, summary: run.summary }),
        started_at: run.startedAt,
        finished_at: run.finishedAt ?? null,
        failures: JSON.stringify(run.failures.map((message) => ({ message }))),
        actor: run.actor,
      };
      const { id: _id, ...changes } = row;
      await db
        .insertInto('runtime_scans')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },

    async saveImageProgress(runId, progress) {
      const row = {
        scan_id: runId,
        image: progress.digest,
        image_name: progress.name,
        status: progress.state.toUpperCase(),
        reason: progress.reason ?? null,
        pods: JSON.stringify(progress.pods),
        resource_id: progress.state === 'done' ? resourceIdOf(progress.digest) : null,
        started_at: progress.startedAt ?? null,
        finished_at: progress.finishedAt ?? null,
      };
      const { scan_id: _s, image: _i, ...changes } = row;
      await db
        .insertInto('runtime_scan_images')
        .values(row)
        .onConflict((oc) => oc.columns(['scan_id', 'image']).doUpdateSet(changes))
        .execute();
    },

    async latestRun() {
      const row = await db
        .selectFrom('runtime_scans')
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      const options = JSON.parse(row.options) as RunRecord['options'] & {
        scannedNamespaces?: string[];
        summary?: RunRecord['summary'];
      };
      const { scannedNamespaces, summary, ...runOptions } = options;
      return {
        id: row.id,
        kind: row.kind as RunRecord['kind'],
        ...(row.schedule_id ? { scheduleId: row.schedule_id } : {}),
        status: row.status as RunRecord['status'],
        namespaces: JSON.parse(row.namespaces),
        scannedNamespaces: scannedNamespaces ?? [],
        options: runOptions,
        startedAt: row.started_at,
        ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
        failures: (JSON.parse(row.failures) as { message: string }[]).map((failure) => failure.message),
        actor: row.actor,
        ...(summary ? { summary } : {}),
      };
    },

    async runImages(runId) {
      const rows = await db
        .selectFrom('runtime_scan_images')
        .selectAll()
        .where('scan_id', '=', runId)
        .orderBy('image_name')
        .orderBy('image')
        .execute();
      return rows.map(
        (row): ImageProgress => ({
          digest: row.image,
          name: row.image_name,
          // The table keeps no action column: a re-matched image reads back as pulled.
          action: 'pull',
          state: row.status.toLowerCase() as ImageState,
          ...(row.reason ? { reason: row.reason } : {}),
          pods: JSON.parse(row.pods),
          ...(row.started_at ? { startedAt: row.started_at } : {}),
          ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
        }),
      );
    },

    async getQuickScanConfig() {
      const row = await db.selectFrom('settings').select('value').where('key', '=', QUICK_SCAN_KEY).executeTakeFirst();
      return row ? { ...DEFAULT_QUICK_SCAN_CONFIG, ...JSON.parse(row.value) } : { ...DEFAULT_QUICK_SCAN_CONFIG };
    },

    async setQuickScanConfig(config) {
      const row = { key: QUICK_SCAN_KEY, value: JSON.stringify(config), updated_at: new Date().toISOString() };
      await db
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    },

    schedules: serverScheduleStore(store),
  };
}

/** An analysis result for the server's report builders: the image is known by name and digest only here. */
function analysisOf(record: ImageScanRecord): AnalysisResult {
  const image: Image = {
    source: { kind: 'registry', reference: record.name },
    name: record.name,
    manifest: { digest: record.digest, mediaType: '' },
    config: {},
    history: [],
    layers: [],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
  const { packages, os, layers = [] } = record;
  return { image, inventory: { packages, unknowns: [], layers, ...(os ? { os } : {}) }, warnings: [] };
}

/** The natural id of a new application, or a derived one when a renamed application holds it (as the server does). */
async function freeApplicationId(db: Store['db'], name: string): Promise<string> {
  let id = applicationIdOf(name);
  for (let n = 1; await db.selectFrom('applications').select('id').where('id', '=', id).executeTakeFirst(); n++) {
    id = uuidV5(`application:${name}:${n}`);
  }
  return id;
}

/**
 * Creates or updates each application (type POD, labels and environments replaced), replaces its resources with the
 * images found in this run (KubeClarity: a report replaces the application's resource list), records it as touched
 * by the run, and recomputes the counters of everything whose links changed.
 */
async function saveApplications(store: Store, runId: string, applications: readonly RuntimeApplication[]) {
  const at = new Date().toISOString();
  await inIngestTransaction(store, async (db) => {
    const touchedResources = new Set<string>();
    const ids: string[] = [];
    for (const app of applications) {
      const existing = await db.selectFrom('applications').select('id').where('name', '=', app.name).executeTakeFirst();
      const id = existing?.id ?? (await freeApplicationId(db, app.name));
      const fields = {
        name: app.name,
        type: app.type,
        labels: JSON.stringify(app.labels),
        environments: JSON.stringify(app.environments),
        updated_at: at,
      };
      if (existing) await db.updateTable('applications').set(fields).where('id', '=', id).execute();
      else
        await db
          .insertInto('applications')
          .values({ id, ...fields, created_at: at })
          .execute();
      const wanted = new Set(app.resources.map((resource) => resourceIdOf(resource.digest)));
      const linked = await db
        .selectFrom('application_resources')
        .select('resource_id')
        .where('application_id', '=', id)
        .execute();
      const stale = linked.map((row) => row.resource_id).filter((resource) => !wanted.has(resource));
      if (stale.length > 0) {
        await db
          .deleteFrom('application_resources')
          .where('application_id', '=', id)
          .where('resource_id', 'in', stale)
          .execute();
      }
      for (const resource of wanted) {
        await db
          .insertInto('application_resources')
          .values({ application_id: id, resource_id: resource, created_at: at })
          .onConflict((oc) => oc.columns(['application_id', 'resource_id']).doNothing())
          .execute();
      }
      for (const resource of [...wanted, ...stale]) touchedResources.add(resource);
      await db
        .insertInto('runtime_scan_applications')
        .values({ scan_id: runId, application_id: id })
        .onConflict((oc) => oc.columns(['scan_id', 'application_id']).doNothing())
        .execute();
      ids.push(id);
    }
    const resources = [...touchedResources];
    if (resources.length === 0) return;
    const packages = await db
      .selectFrom('resource_packages')
      .select('package_id')
      .distinct()
      .where('resource_id', 'in', resources)
      .execute();
    const pairs = await db
      .selectFrom('findings')
      .select(['package_id', 'vulnerability_id'])
      .distinct()
      .where('resource_id', 'in', resources)
      .execute();
    await refreshCounters(db, {
      pairs: pairs.map((row) => ({ packageId: row.package_id, vulnerabilityId: row.vulnerability_id })),
      packages: packages.map((row) => row.package_id),
      resources,
      applications: ids,
    });
  });
}
