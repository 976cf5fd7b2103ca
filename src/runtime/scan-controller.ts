/**
 * The server's runtime scanning: one scan at a time (started by hand or by a schedule, stoppable), its progress and
 * results in KubeClarity's shapes, the quick-scan settings, the namespaces of the cluster and the schedules with
 * their loop. The cluster is connected on first use, so a server outside any cluster starts and serves the rest.
 */
import { LucentError } from '../core/errors.ts';
import { SEVERITY_LEVELS } from '../matcher/match.ts';
import { CIS_LEVELS } from './cis/check.ts';
import type { KubeReader } from './inventory/kube-api.ts';
import { type RuntimeScanDeps, type RuntimeScanOutcome, runRuntimeScan } from './runtime-scan.ts';
import { type Clock, systemClock } from './schedules/clock.ts';
import { createScheduleService, type ScheduleService } from './schedules/schedule-service.ts';
import { type Scheduler, startScheduler } from './schedules/scheduler.ts';
import type { Schedule } from './schedules/spec.ts';
import type { ImageProgress, QuickScanConfig, RunRecord, RuntimeStore } from './store/runtime-store.ts';

/** What the controller is built from. */
export interface ScanControllerOptions {
  store: RuntimeStore;
  /** Connects to the cluster (called on first use; a failure is reported to the caller each time). */
  connect: () => KubeReader;
  /** The scan's dependencies for a reader; `close` is called when the scan ends. */
  depsFor: (reader: KubeReader) => Promise<{ deps: RuntimeScanDeps; close: () => void }>;
  /** Per-image time limit (default 10 min, KubeClarity's). */
  timeoutMs?: number;
  globalPullSecret?: string;
  clock?: Clock;
  onError?: (error: unknown) => void;
}

/** A scan request from the API or a schedule. */
export interface StartRequest {
  namespaces: string[];
  excludeNamespaces?: string[];
  kind?: 'QUICK' | 'SCHEDULE';
  scheduleId?: string;
  /** Overrides the quick-scan CIS setting (schedules carry their own). */
  cis?: boolean;
  actor: string;
}

/** KubeClarity's `Progress`. */
export interface ScanProgress {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'FINALIZING' | 'DONE';
  /** Percent of images finished. */
  scanned: number;
  scannedNamespaces: string[];
  scanType?: 'QUICK' | 'SCHEDULE';
  startTime?: string;
}

/** The runtime scanning service of a server. */
export interface ScanController {
  start(request: StartRequest): Promise<RunRecord>;
  stop(): void;
  busy(): boolean;
  /** Resolves when the scan in progress (if any) has ended. */
  idle(): Promise<void>;
  progress(): Promise<ScanProgress>;
  results(filters?: { severityGte?: string; cisLevelGte?: string }): Promise<Record<string, unknown>>;
  namespaces(): Promise<string[]>;
  quickScanConfig(): Promise<QuickScanConfig>;
  setQuickScanConfig(config: QuickScanConfig): Promise<void>;
  schedules: ScheduleService;
  /** Starts the schedule loop. */
  startScheduler(): void;
  close(): Promise<void>;
}

/** Creates the controller. */
export function createScanController(options: ScanControllerOptions): ScanController {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  let reader: KubeReader | undefined;
  let current:
    | { run: RunRecord; images: readonly ImageProgress[]; stop: AbortController; done: Promise<void> }
    | undefined;
  let scheduler: Scheduler | undefined;
  const schedules = createScheduleService(store.schedules, clock, () => scheduler?.wake());
  const connect = () => {
    reader ??= options.connect();
    return reader;
  };

  async function start(request: StartRequest): Promise<RunRecord> {
    if (current) {
      throw new LucentError('E_SCAN_IN_PROGRESS', 'a runtime scan is already in progress', {
        hint: 'wait for it to end, or stop it (PUT /api/runtime/scan/stop)',
      });
    }
    const kube = connect();
    const quick = await store.getQuickScanConfig();
    const { deps, close } = await options.depsFor(kube);
    const stop = new AbortController();
    let resolveStarted: (run: RunRecord) => void = () => {};
    const started = new Promise<RunRecord>((resolve) => {
      resolveStarted = resolve;
    });
    const entry = { run: undefined as unknown as RunRecord, images: [] as readonly ImageProgress[], stop };
    const running = runRuntimeScan(deps, {
      namespaces: request.namespaces,
      ...(request.excludeNamespaces ? { excludeNamespaces: request.excludeNamespaces } : {}),
      ...(options.globalPullSecret ? { globalPullSecret: options.globalPullSecret } : {}),
      parallelism: quick.maxScanParallelism,
      timeoutMs: options.timeoutMs ?? 600_000,
      cis: request.cis ?? quick.cisDockerBenchmarkScanEnabled,
      kind: request.kind ?? 'QUICK',
      ...(request.scheduleId ? { scheduleId: request.scheduleId } : {}),
      actor: request.actor,
      signal: stop.signal,
      onProgress: (run, images) => {
        entry.run = run;
        entry.images = images;
        resolveStarted(run);
      },
    });
    const done = running
      .then((_outcome: RuntimeScanOutcome) => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        close();
        current = undefined;
      });
    current = Object.assign(entry, { done });
    return started;
  }

  return {
    start,
    stop: () => current?.stop.abort(),
    busy: () => current !== undefined,
    idle: async () => {
      await current?.done;
    },
    async progress() {
      const run = current?.run ?? (await store.latestRun());
      if (!run) return { status: 'NOT_STARTED', scanned: 0, scannedNamespaces: [] };
      const images = current ? current.images : await store.runImages(run.id);
      const finished = images.filter((image) => image.state === 'done' || image.state === 'failed').length;
      const status = run.status === 'IN_PROGRESS' || run.status === 'FINALIZING' ? run.status : 'DONE';
      return {
        status,
        scanned: images.length === 0 ? (status === 'DONE' ? 100 : 0) : Math.floor((finished / images.length) * 100),
        scannedNamespaces: run.scannedNamespaces,
        scanType: run.kind,
        startTime: run.startedAt,
      };
    },
    async results(filters = {}) {
      const run = current?.run ?? (await store.latestRun());
      const images = run ? (current ? [...current.images] : await store.runImages(run.id)) : [];
      const summary = run?.summary;
      const severities = atOrAbove(SEVERITY_LEVELS, filters.severityGte);
      const levels = atOrAbove([...CIS_LEVELS].reverse(), filters.cisLevelGte);
      const vulnerabilities = severities.reduce((sum, level) => sum + (summary?.vulnerabilities[level] ?? 0), 0);
      return {
        counters: {
          applications: summary?.applications ?? 0,
          // Every image the scan found stored: pulled, re-matched, or already up to date.
          resources: summary ? summary.pulled + summary.rematched + summary.current : 0,
          packages: summary?.packages ?? 0,
          vulnerabilities,
        },
        vulnerabilityPerSeverity: severities.map((severity) => ({
          severity,
          count: summary?.vulnerabilities[severity] ?? 0,
        })),
        cisDockerBenchmarkScanEnabled: run?.options.cis ?? false,
        cisDockerBenchmarkCountPerLevel: run?.options.cis
          ? levels.map((level) => ({ level, count: summary?.cis[level] ?? 0 }))
          : [],
        failures: (run?.failures ?? []).map((message) => ({ message })),
        ...(run?.finishedAt ? { endTime: run.finishedAt } : {}),
        run: run ?? null,
        images,
      };
    },
    namespaces: () => connect().listNamespaces(),
    quickScanConfig: () => store.getQuickScanConfig(),
    setQuickScanConfig: (config) => store.setQuickScanConfig(config),
    schedules,
    startScheduler() {
      scheduler ??= startScheduler({
        store: store.schedules,
        clock,
        busy: () => current !== undefined,
        run: async (schedule: Schedule) => {
          await start({
            namespaces: schedule.namespaces,
            excludeNamespaces: schedule.excludeNamespaces,
            kind: 'SCHEDULE',
            scheduleId: schedule.id,
            cis: schedule.cis,
            actor: `schedule:${schedule.name}`,
          });
          const ending = current?.done;
          await ending;
          const last = await store.latestRun();
          return last?.status === 'DONE' ? 'done' : 'failed';
        },
        ...(options.onError ? { onError: options.onError } : {}),
      });
    },
    async close() {
      current?.stop.abort();
      await current?.done;
      await scheduler?.stop();
    },
  };
}

/** Levels at or above `minimum` (all when none), in the list's order (highest first). */
function atOrAbove<T extends string>(levels: readonly T[], minimum: string | undefined): T[] {
  if (!minimum) return [...levels];
  const index = levels.indexOf(minimum.toUpperCase() as T);
  return index === -1 ? [...levels] : levels.slice(0, index + 1);
}
