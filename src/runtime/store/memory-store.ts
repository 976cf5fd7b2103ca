/** The runtime store in memory: for tests, and for a one-off `lucent runtime scan` with nothing to keep. */
import type { RuntimeApplication } from '../applications.ts';
import { countByLevel } from '../cis/check.ts';
import { memoryScheduleStore } from '../schedules/schedule-store.ts';
import {
  DEFAULT_QUICK_SCAN_CONFIG,
  type ImageProgress,
  type ImageScanRecord,
  type QuickScanConfig,
  type RunRecord,
  type RuntimeStore,
} from './runtime-store.ts';

/** A memory store, with its contents visible to tests. */
export interface MemoryRuntimeStore extends RuntimeStore {
  images: Map<string, ImageScanRecord>;
  applications: Map<string, RuntimeApplication>;
  runs: Map<string, RunRecord>;
}

/** Creates an empty memory store. */
export function memoryRuntimeStore(): MemoryRuntimeStore {
  const images = new Map<string, ImageScanRecord>();
  const applications = new Map<string, RuntimeApplication>();
  const runs = new Map<string, RunRecord>();
  const progress = new Map<string, Map<string, ImageProgress>>();
  let quick: QuickScanConfig = { ...DEFAULT_QUICK_SCAN_CONFIG };
  let order = 0;
  const started = new Map<string, number>();
  return {
    images,
    applications,
    runs,
    storedDigests: async (digests) =>
      new Map(digests.flatMap((digest) => (images.has(digest) ? [[digest, images.get(digest)?.matchedWith]] : []))),
    async imageFacts(digests) {
      const records = digests.flatMap((digest) => images.get(digest) ?? []);
      return {
        purls: records.flatMap((record) => record.packages.map((pkg) => pkg.purl)),
        findings: records.flatMap((record) =>
          record.findings.map((f) => ({ id: f.id, purl: f.packagePurl, severity: f.severity?.level ?? 'UNKNOWN' })),
        ),
      };
    },
    async getImage(digest) {
      const found = images.get(digest);
      if (!found) return undefined;
      return { digest, packages: structuredClone(found.packages), ...(found.os ? { os: found.os } : {}) };
    },
    async saveImage(record) {
      const previous = images.get(record.digest);
      // A re-match keeps what only an analysis gives: layers and CIS results.
      images.set(record.digest, {
        ...structuredClone(record),
        ...(record.layers ? {} : previous?.layers ? { layers: previous.layers } : {}),
        ...(record.cis ? {} : previous?.cis ? { cis: previous.cis } : {}),
      });
    },
    async saveApplications(_runId, found) {
      for (const app of found) applications.set(app.name, structuredClone(app));
    },
    async saveRun(run) {
      if (!started.has(run.id)) started.set(run.id, order++);
      runs.set(run.id, structuredClone(run));
    },
    async saveImageProgress(runId, entry) {
      let images = progress.get(runId);
      if (!images) {
        images = new Map();
        progress.set(runId, images);
      }
      images.set(entry.digest, structuredClone(entry));
    },
    async latestRun() {
      const latest = [...runs.values()].sort((a, b) => (started.get(b.id) ?? 0) - (started.get(a.id) ?? 0))[0];
      return latest ? structuredClone(latest) : undefined;
    },
    async getRun(runId) {
      const run = runs.get(runId);
      return run ? structuredClone(run) : undefined;
    },
    runImages: async (runId) => [...(progress.get(runId)?.values() ?? [])].map((entry) => structuredClone(entry)),
    async imageProgress(runId, digest) {
      const entry = progress.get(runId)?.get(digest);
      return entry ? structuredClone(entry) : undefined;
    },
    cisCounts: async (digests) => countByLevel(digests.flatMap((digest) => images.get(digest)?.cis ?? [])),
    getQuickScanConfig: async () => ({ ...quick }),
    async setQuickScanConfig(config) {
      quick = { ...config };
    },
    schedules: memoryScheduleStore(),
  };
}
