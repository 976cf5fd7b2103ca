/**
 * A runtime scan, as named steps: read the inventory, resolve node-local image IDs, plan one job per unique digest
 * (stored SBOMs are only re-matched), run the jobs with bounded parallelism and a time limit each, then record the
 * applications and the run's summary. The CLI and the server both drive scans through here.
 */
import { randomUUID } from 'node:crypto';
import type { Analyzer } from '../analyzers/analyzer.ts';
import { describeError } from '../core/errors.ts';
import type { OsInfo, Package } from '../core/package.ts';
import type { LayerCache } from '../image/layer-cache.ts';
import type { RegistryOptions } from '../image/sources/registry/index.ts';
import type { Finding } from '../matcher/match.ts';
import { buildApplications, type RuntimeApplication } from './applications.ts';
import { countByLevel } from './cis/run-checks.ts';
import { collectInventory } from './inventory/collect.ts';
import type { KubeReader } from './inventory/kube-api.ts';
import { resolveLocalImages } from './jobs/resolve-local.ts';
import { runPool } from './jobs/run-pool.ts';
import { scanPlannedImage } from './jobs/scan-image.ts';
import { type PlannedImage, planScan, podsOf, type UnplannedImage } from './plan.ts';
import type {
  ImageFacts,
  ImageProgress,
  ImageScanRecord,
  ImageState,
  RunRecord,
  RunSummary,
  RuntimeStore,
} from './store/runtime-store.ts';

/** What a scan runs with. */
export interface RuntimeScanDeps {
  reader: KubeReader;
  store: RuntimeStore;
  cache: LayerCache;
  analyzers: readonly Analyzer[];
  match: (packages: Package[], os: OsInfo | undefined) => Finding[];
  /** The advisory database's version: images matched with it are not matched again. */
  advisoryVersion: string;
  /** Base registry settings (TLS, plain HTTP hosts, timeouts); credentials come from the pods. */
  registry: RegistryOptions;
  now?: () => Date;
}

/** What to scan and how. */
export interface RuntimeScanRequest {
  /** Namespaces; empty means all. */
  namespaces: string[];
  excludeNamespaces?: string[];
  /** `namespace/name` of a pull secret tried for every image. */
  globalPullSecret?: string;
  parallelism: number;
  timeoutMs: number;
  cis: boolean;
  kind?: 'QUICK' | 'SCHEDULE';
  scheduleId?: string;
  actor?: string;
  signal?: AbortSignal;
  /** Called after every change of the run or of an image's state. */
  onProgress?: (run: RunRecord, images: readonly ImageProgress[]) => void;
}

/** What a scan found. */
export interface RuntimeScanOutcome {
  run: RunRecord;
  images: ImageProgress[];
  applications: RuntimeApplication[];
  warnings: string[];
}

/** Runs a scan to its end (or until stopped) and records it in the store. */
export async function runRuntimeScan(deps: RuntimeScanDeps, request: RuntimeScanRequest): Promise<RuntimeScanOutcome> {
  const now = deps.now ?? (() => new Date());
  const run: RunRecord = {
    id: randomUUID(),
    kind: request.kind ?? 'QUICK',
    ...(request.scheduleId ? { scheduleId: request.scheduleId } : {}),
    status: 'IN_PROGRESS',
    namespaces: [...request.namespaces],
    scannedNamespaces: [],
    options: { cis: request.cis, parallelism: request.parallelism, timeoutMs: request.timeoutMs },
    startedAt: now().toISOString(),
    failures: [],
    actor: request.actor ?? 'cli',
  };
  const images: ImageProgress[] = [];
  const notify = () => request.onProgress?.(run, images);
  await deps.store.saveRun(run);
  notify();
  try {
    const inventory = await collectInventory(deps.reader, {
      namespaces: request.namespaces,
      ...(request.excludeNamespaces ? { excludeNamespaces: request.excludeNamespaces } : {}),
      ...(request.globalPullSecret ? { globalPullSecret: request.globalPullSecret } : {}),
    });
    run.scannedNamespaces = inventory.namespaces;
    const containers = await resolveLocalImages(
      inventory.containers,
      inventory.secrets,
      deps.registry,
      request.parallelism,
    );
    const digests = [...new Set(containers.flatMap((c) => (c.identity.kind === 'digest' ? [c.identity.digest] : [])))];
    const stored = await deps.store.storedDigests(digests);
    const plan = planScan(containers, (digest) =>
      !stored.has(digest) ? 'pull' : stored.get(digest) === deps.advisoryVersion ? 'current' : 'rematch',
    );
    for (const image of plan.images) images.push(queued(image));
    for (const image of images) await deps.store.saveImageProgress(run.id, image);
    notify();

    const records = new Map<string, ImageScanRecord>();
    const setState = async (index: number, state: ImageState, reason?: string) => {
      const entry = images[index] as ImageProgress;
      entry.state = state;
      if (state === 'pulling' || (state === 'matching' && !entry.startedAt)) entry.startedAt ??= now().toISOString();
      if (state === 'done' || state === 'failed') entry.finishedAt = now().toISOString();
      if (reason) entry.reason = reason;
      await deps.store.saveImageProgress(run.id, entry);
      notify();
    };
    const context = {
      store: deps.store,
      cache: deps.cache,
      analyzers: deps.analyzers,
      match: deps.match,
      registry: deps.registry,
      secrets: inventory.secrets,
      cis: request.cis,
      advisoryVersion: deps.advisoryVersion,
      runId: run.id,
      now,
    };
    // Images matched with the current advisory data have nothing to do: done at once, their facts read in one go.
    const current = plan.images.filter((image) => image.action === 'current').map((image) => image.digest);
    for (const [index, image] of plan.images.entries()) if (image.action === 'current') await setState(index, 'done');
    const facts = await deps.store.imageFacts(current);
    const indexed = plan.images.flatMap((image, index) => (image.action === 'current' ? [] : [{ image, index }]));
    const outcomes = await runPool(
      indexed,
      {
        parallelism: request.parallelism,
        timeoutMs: request.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
      },
      async ({ image, index }, signal) => {
        const result = await scanPlannedImage(image, context, signal, (state) => setState(index, state));
        if (signal.aborted) throw signal.reason;
        await deps.store.saveImage(result);
        records.set(image.digest, result);
        await setState(index, 'done');
      },
    );
    for (const [position, outcome] of outcomes.entries()) {
      if (outcome.ok) continue;
      const reason = 'skipped' in outcome ? 'stopped before it was scanned' : firstLine(outcome.reason);
      await setState(indexed[position]?.index ?? 0, 'failed', reason);
    }

    run.status = 'FINALIZING';
    await deps.store.saveRun(run);
    notify();
    const applications = buildApplications(plan.images, (digest) => records.has(digest) || current.includes(digest));
    await deps.store.saveApplications(run.id, applications);
    run.failures = [
      ...inventory.failures.map((failure) => `Failed to read namespace "${failure.namespace}": ${failure.message}`),
      ...failureMessages(plan.images, images, plan.unplanned),
    ];
    run.summary = summarize(inventory, containers.length, images, records, facts, applications, plan.unplanned);
    run.status = request.signal?.aborted ? 'ABORTED' : 'DONE';
    run.finishedAt = now().toISOString();
    await deps.store.saveRun(run);
    notify();
    return { run, images, applications, warnings: inventory.warnings };
  } catch (error) {
    run.status = request.signal?.aborted ? 'ABORTED' : 'FAILED';
    run.failures.push(`Runtime scan failed: ${firstLine(describeError(error))}`);
    run.finishedAt = now().toISOString();
    await deps.store.saveRun(run);
    notify();
    throw error;
  }
}

function queued(image: PlannedImage): ImageProgress {
  return {
    digest: image.digest,
    name: image.names[0] ?? image.references[0] ?? image.digest,
    action: image.action,
    state: 'queued',
    pods: podsOf(image),
  };
}

/** KubeClarity's failure text, one per image: the image, the pods it affects, the reasons. */
function failureMessages(
  planned: readonly PlannedImage[],
  progress: readonly ImageProgress[],
  unplanned: readonly UnplannedImage[],
): string[] {
  const failed = progress.flatMap((entry, index) =>
    entry.state === 'failed'
      ? [{ image: planned[index]?.names[0] ?? entry.name, pods: entry.pods, reason: entry.reason ?? '' }]
      : [],
  );
  return [...failed, ...unplanned].map(
    (failure) =>
      `Failed to scan image "${failure.image}". Affected pods: ${failure.pods.join(', ')}. Reasons: ${failure.reason}.`,
  );
}

function summarize(
  inventory: { podCount: number; skipped: readonly unknown[] },
  containers: number,
  progress: readonly ImageProgress[],
  records: ReadonlyMap<string, ImageScanRecord>,
  facts: ImageFacts,
  applications: readonly RuntimeApplication[],
  unplanned: readonly UnplannedImage[],
): RunSummary {
  const purls = new Set<string>(facts.purls);
  const pairs = new Map<string, string>(facts.findings.map((f) => [`${f.id}\n${f.purl}`, f.severity]));
  const cis = countByLevel([]);
  for (const record of records.values()) {
    for (const pkg of record.packages) purls.add(pkg.purl);
    for (const finding of record.findings) {
      pairs.set(`${finding.id}\n${finding.packagePurl}`, finding.severity?.level ?? 'UNKNOWN');
    }
    const levels = countByLevel(record.cis ?? []);
    for (const level of Object.keys(cis) as (keyof typeof cis)[]) cis[level] += levels[level];
  }
  const vulnerabilities: Record<string, number> = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    NEGLIGIBLE: 0,
    UNKNOWN: 0,
  };
  for (const level of pairs.values()) vulnerabilities[level] = (vulnerabilities[level] ?? 0) + 1;
  return {
    pods: inventory.podCount,
    skippedPods: inventory.skipped.length,
    containers,
    images: progress.length,
    pulled: [...records.values()].filter((record) => record.analyzed).length,
    rematched: [...records.values()].filter((record) => !record.analyzed).length,
    current: progress.filter((entry) => entry.action === 'current').length,
    failed: progress.filter((entry) => entry.state === 'failed').length + unplanned.length,
    applications: applications.length,
    packages: purls.size,
    vulnerabilities,
    cis,
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
