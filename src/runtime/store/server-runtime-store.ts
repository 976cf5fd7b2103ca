/**
 * The runtime store over the server's store (SQLite or PostgreSQL): image results go through the server's ingestion
 * (content analysis with the CycloneDX SBOM, then the vulnerability scan with source RUNTIME, layers and CIS
 * results), so runtime and CI results live in the same rows; a stored SBOM is decoded back for re-matching. Runs,
 * per-image progress, run applications and schedules use the runtime tables of the schema.
 */
import { gunzipSync } from 'node:zlib';
import type { Selectable } from 'kysely';
import { version } from '../../cli/version.ts';
import type { Image } from '../../image/image.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import { cisChecksOf, contentAnalysisReport, vulnerabilityScanReport } from '../../server/client/reports.ts';
import { chunksOf } from '../../server/repositories/chunks.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../../server/services/ingest.ts';
import { resourceId as resourceIdOf } from '../../server/store/ids.ts';
import type { Store } from '../../server/store/open-store.ts';
import type { Database } from '../../server/store/schema.ts';
import { severityOfOrdinal } from '../../server/store/severity.ts';
import { CIS_LEVELS, countByLevel } from '../cis/check.ts';
import {
  DEFAULT_QUICK_SCAN_CONFIG,
  type ImageFacts,
  type ImageProgress,
  type ImageScanRecord,
  type ImageState,
  type RunRecord,
  type RuntimeStore,
} from './runtime-store.ts';
import { saveRuntimeApplications } from './server-applications.ts';
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
      await saveRuntimeApplications(store, runId, applications);
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
      return row ? runOf(row) : undefined;
    },

    async getRun(runId) {
      const row = await db.selectFrom('runtime_scans').selectAll().where('id', '=', runId).executeTakeFirst();
      return row ? runOf(row) : undefined;
    },

    async runImages(runId) {
      const rows = await db
        .selectFrom('runtime_scan_images')
        .selectAll()
        .where('scan_id', '=', runId)
        .orderBy('image_name')
        .orderBy('image')
        .execute();
      return rows.map(progressOf);
    },

    async imageProgress(runId, digest) {
      const row = await db
        .selectFrom('runtime_scan_images')
        .selectAll()
        .where('scan_id', '=', runId)
        .where('image', '=', digest)
        .executeTakeFirst();
      return row ? progressOf(row) : undefined;
    },

    async cisCounts(digests) {
      const counts = countByLevel([]);
      for (const chunk of chunksOf(digests.map(resourceIdOf))) {
        const rows = await db
          .selectFrom('cis_checks')
          .select(['level', (eb) => eb.fn.countAll<number | string | bigint>().as('n')])
          .where('resource_id', 'in', chunk)
          .groupBy('level')
          .execute();
        // Stored as 1 INFO, 2 WARN, 3 FATAL (the server's encoding).
        for (const row of rows) {
          const level = CIS_LEVELS[Number(row.level) - 1];
          if (level) counts[level] += Number(row.n);
        }
      }
      return counts;
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

type RunRow = Selectable<Database['runtime_scans']>;
type ImageRow = Selectable<Database['runtime_scan_images']>;

/** A run from its row (options carry the scanned namespaces and the summary too). */
function runOf(row: RunRow): RunRecord {
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
}

/** An image's progress from its row. */
function progressOf(row: ImageRow): ImageProgress {
  return {
    digest: row.image,
    name: row.image_name,
    // The table keeps no action column: a re-matched image reads back as pulled.
    action: 'pull',
    state: row.status.toLowerCase() as ImageState,
    ...(row.reason ? { reason: row.reason } : {}),
    pods: JSON.parse(row.pods),
    ...(row.started_at ? { startedAt: row.started_at } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
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
