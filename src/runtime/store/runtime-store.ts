/**
 * What runtime scanning needs from storage, as a port: stored image SBOMs (so an image is never pulled twice),
 * image results, the applications a run found, runs with per-image progress, schedules and the quick-scan settings.
 * The server store implements it (PostgreSQL or SQLite); `memory-store.ts` is the in-process one for tests.
 */
import type { OsInfo, Package } from '../../core/package.ts';
import type { LayerDescriptor } from '../../image/image.ts';
import type { Finding } from '../../matcher/match.ts';
import type { RuntimeApplication } from '../applications.ts';
import type { CisLevel, CisResult } from '../cis/check.ts';
import type { ScheduleStore } from '../schedules/schedule-store.ts';

/** An image's stored content: enough to match it again without pulling it. */
export interface StoredImage {
  digest: string;
  packages: Package[];
  os?: OsInfo;
}

/** The result of scanning one image in a run. */
export interface ImageScanRecord {
  digest: string;
  /** The image as pods name it; the resource's name. */
  name: string;
  packages: Package[];
  os?: OsInfo;
  /** Layers of a pulled image (absent when only re-matched). */
  layers?: LayerDescriptor[];
  findings: Finding[];
  /** CIS results when the checks ran (absent: keep what is stored). */
  cis?: CisResult[];
  /** True when the image was pulled and analyzed in this run; false when its stored SBOM was re-matched. */
  analyzed: boolean;
  /** The advisory database version the findings come from (`versionOf`); an image matched with the current one is
   * not matched again. */
  matchedWith: string;
  runId: string;
  scannedAt: string;
}

/** What a run does with an image: pull and analyze it, match its stored SBOM again, or nothing (its findings come
 * from the current advisory database already). */
export type ImageAction = 'pull' | 'rematch' | 'current';

/** What is stored about images, enough for a run's summary without reading their SBOMs. */
export interface ImageFacts {
  purls: string[];
  /** Unsuppressed findings: advisory id, package purl, severity level. */
  findings: { id: string; purl: string; severity: string }[];
}

/** Where one image of a run is. */
export type ImageState = 'queued' | 'pulling' | 'analyzing' | 'matching' | 'done' | 'failed';

/** Progress of one image in a run. */
export interface ImageProgress {
  digest: string;
  name: string;
  action: ImageAction;
  state: ImageState;
  /** Why it failed. */
  reason?: string;
  /** `namespace/pod` of every pod that runs it. */
  pods: string[];
  startedAt?: string;
  finishedAt?: string;
}

/** KubeClarity's run statuses, plus ABORTED (stopped) and FAILED (the inventory could not be read). */
export type RunStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'FINALIZING' | 'DONE' | 'ABORTED' | 'FAILED';

/** Counts of a finished run, for the CLI summary and `/runtime/scan/results`. */
export interface RunSummary {
  pods: number;
  /** Pods left out by the `lucent.io/scan: "false"` label or annotation. */
  skippedPods: number;
  containers: number;
  images: number;
  pulled: number;
  rematched: number;
  /** Stored images whose findings were already matched with the current advisory database. */
  current: number;
  failed: number;
  applications: number;
  /** Distinct packages (by purl) across the scanned images. */
  packages: number;
  /** Distinct (vulnerability, package) pairs per severity level. */
  vulnerabilities: Record<string, number>;
  /** CIS results per level (INFO, WARN, FATAL) over the images checked in this run. */
  cis: Record<string, number>;
}

/** One runtime scan run. */
export interface RunRecord {
  id: string;
  kind: 'QUICK' | 'SCHEDULE';
  scheduleId?: string;
  status: RunStatus;
  /** Namespaces asked for; empty means all. */
  namespaces: string[];
  /** Namespaces actually read. */
  scannedNamespaces: string[];
  options: { cis: boolean; parallelism: number; timeoutMs: number };
  startedAt: string;
  finishedAt?: string;
  /** KubeClarity-style messages: one per failed image (with its pods and reasons), unreadable namespace, etc. */
  failures: string[];
  actor: string;
  summary?: RunSummary;
}

/** Quick-scan settings (`/runtime/quickscan/config`). */
export interface QuickScanConfig {
  cisDockerBenchmarkScanEnabled: boolean;
  maxScanParallelism: number;
}

/** Storage for runtime scanning. */
export interface RuntimeStore {
  /** The digests among these that have a stored SBOM, each with the advisory version it was last matched with. */
  storedDigests(digests: readonly string[]): Promise<Map<string, string | undefined>>;
  /** Packages and findings of stored images, for summaries. */
  imageFacts(digests: readonly string[]): Promise<ImageFacts>;
  getImage(digest: string): Promise<StoredImage | undefined>;
  saveImage(record: ImageScanRecord): Promise<void>;
  /** Records the applications a run found (replacing each one's labels, environments and resources). */
  saveApplications(runId: string, applications: readonly RuntimeApplication[]): Promise<void>;
  saveRun(run: RunRecord): Promise<void>;
  saveImageProgress(runId: string, progress: ImageProgress): Promise<void>;
  latestRun(): Promise<RunRecord | undefined>;
  /** A run by id (workers check that the run they work for is still in progress). */
  getRun(runId: string): Promise<RunRecord | undefined>;
  runImages(runId: string): Promise<ImageProgress[]>;
  /** One image's progress in a run. */
  imageProgress(runId: string, digest: string): Promise<ImageProgress | undefined>;
  /** The stored CIS results of these images, counted per level. */
  cisCounts(digests: readonly string[]): Promise<Record<CisLevel, number>>;
  getQuickScanConfig(): Promise<QuickScanConfig>;
  setQuickScanConfig(config: QuickScanConfig): Promise<void>;
  schedules: ScheduleStore;
}

/** KubeClarity's database defaults (the swagger's default of 1 parallel scan was never used). */
export const DEFAULT_QUICK_SCAN_CONFIG: QuickScanConfig = {
  cisDockerBenchmarkScanEnabled: false,
  maxScanParallelism: 10,
};
