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
import { type CisLevel, countByLevel } from './cis/check.ts';
import { collectInventory } from './inventory/collect.ts';
import type { KubeReader } from './inventory/kube-api.ts';
import type { ImageDispatcher } from './jobs/dispatch.ts';
import { resolveLocalImages } from './jobs/resolve-local.ts';
import { runPool } from './jobs/run-pool.ts';
import { type ImageScanContext, scanPlannedImage } from './jobs/scan-image.ts';
import { type PlannedImage, planScan, podsOf, type UnplannedImage } from './plan.ts';
import type {
  ImageFacts,
  ImageProgress,
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
  /** Hands the images to workers through the work queue (PostgreSQL); without it they run in this process. */
  dispatch?: ImageDispatcher;
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

    const setState = async (index: number, state: ImageState, reason?: string) => {
      const entry = images[index] as ImageProgress;
      entry.state = state;
      if (state === 'pulling' || (state === 'matching' && !entry.startedAt)) entry.startedAt ??= now().toISOString();
      if (state === 'done' || state === 'failed') entry.finishedAt = now().toISOString();
      if (reason) entry.reason = reason;
      await deps.store.saveImageProgress(run.id, entry);
      notify();
    };
    // Images matched with the current advisory data have nothing to do: done at once.
    for (const [index, image] of plan.images.entries()) if (image.action === 'current') await setState(index, 'done');
    const work = plan.images.flatMap((image, index) => (image.action === 'current' ? [] : [{ image, index }]));
    const given = deps.dispatch
      ? await deps.dispatch({
          runId: run.id,
          images: work,
          cis: request.cis,
          timeoutMs: request.timeoutMs,
          ...(request.signal ? { signal: request.signal } : {}),
          onChange: (index, stored) => {
            const { action: _action, ...state } = stored;
            Object.assign(images[index] as ImageProgress, state);
            notify();
          },
        })
      : await runHere(deps, request, { runId: run.id, work, secrets: inventory.secrets, images, setState, now });
    for (const [index, reason] of given) await setState(index, 'failed', reason);

    run.status = 'FINALIZING';
    await deps.store.saveRun(run);
    notify();
    const done = new Set(images.flatMap((entry) => (entry.state === 'done' ? [entry.digest] : [])));
    const applications = buildApplications(plan.images, (digest) => done.has(digest));
    await deps.store.saveApplications(run.id, applications);
    run.failures = [
      ...inventory.failures.map((failure) => `Failed to read namespace "${failure.namespace}": ${failure.message}`),
      ...failureMessages(plan.images, images, plan.unplanned),
    ];
    const facts = await deps.store.imageFacts([...done]);
    const checked = images.flatMap((entry) =>
      entry.state === 'done' && entry.action !== 'current' ? [entry.digest] : [],
    );
    const cis = request.cis ? await deps.store.cisCounts(checked) : countByLevel([]);
    run.summary = summarize(inventory, containers.length, images, facts, cis, applications, plan.unplanned);
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
  facts: ImageFacts,
  cis: Record<CisLevel, number>,
  applications: readonly RuntimeApplication[],
  unplanned: readonly UnplannedImage[],
): RunSummary {
  const pairs = new Map<string, string>(facts.findings.map((f) => [`${f.id}\n${f.purl}`, f.severity]));
  const vulnerabilities: Record<string, number> = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    NEGLIGIBLE: 0,
    UNKNOWN: 0,
  };
  for (const level of pairs.values()) vulnerabilities[level] = (vulnerabilities[level] ?? 0) + 1;
  const done = (action: ImageProgress['action']) =>
    progress.filter((entry) => entry.state === 'done' && entry.action === action).length;
  return {
    pods: inventory.podCount,
    skippedPods: inventory.skipped.length,
    containers,
    images: progress.length,
    pulled: done('pull'),
    rematched: done('rematch'),
    current: progress.filter((entry) => entry.action === 'current').length,
    failed: progress.filter((entry) => entry.state === 'failed').length + unplanned.length,
    applications: applications.length,
    packages: new Set(facts.purls).size,
    vulnerabilities,
    cis,
  };
}

/**
 * Runs the images in this process: bounded parallelism, a time limit each, stopped by the request's signal. Returns
 * the reason of every image that did not finish.
 */
async function runHere(
  deps: RuntimeScanDeps,
  request: RuntimeScanRequest,
  run: {
    runId: string;
    work: { image: PlannedImage; index: number }[];
    secrets: ImageScanContext['secrets'];
    images: ImageProgress[];
    setState: (index: number, state: ImageState) => Promise<void>;
    now: () => Date;
  },
): Promise<Map<number, string>> {
  const context: ImageScanContext = {
    store: deps.store,
    cache: deps.cache,
    analyzers: deps.analyzers,
    match: deps.match,
    registry: deps.registry,
    secrets: run.secrets,
    cis: request.cis,
    advisoryVersion: deps.advisoryVersion,
    runId: run.runId,
    now: run.now,
  };
  const outcomes = await runPool(
    run.work,
    {
      parallelism: request.parallelism,
      timeoutMs: request.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
    },
    async ({ image, index }, signal) => {
      const result = await scanPlannedImage(image, context, signal, (state) => run.setState(index, state));
      if (signal.aborted) throw signal.reason;
      await deps.store.saveImage(result);
      // A re-match whose stored SBOM was gone meanwhile pulled the image after all.
      if (result.analyzed) (run.images[index] as ImageProgress).action = 'pull';
      await run.setState(index, 'done');
    },
  );
  const given = new Map<number, string>();
  for (const [position, outcome] of outcomes.entries()) {
    if (outcome.ok) continue;
    const reason = 'skipped' in outcome ? 'stopped before it was scanned' : firstLine(outcome.reason);
    given.set(run.work[position]?.index ?? 0, reason);
  }
  return given;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
