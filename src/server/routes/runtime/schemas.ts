/** Schemas of the runtime-scan API (KubeClarity's paths and shapes, plus schedules with full CRUD). */
import { z } from 'zod';
import { scheduleSpecSchema } from '../../../runtime/schedules/spec.ts';
import type { ImageProgress, RunRecord, RunSummary } from '../../../runtime/store/runtime-store.ts';

/** `PUT /runtime/scan/start` body: empty namespaces means all. */
export const scanStartBody = z.object({
  namespaces: z.array(z.string().min(1).max(253)).max(1000).default([]),
  excludeNamespaces: z.array(z.string().min(1).max(253)).max(1000).optional(),
});

/** `GET /runtime/scan/progress`. */
export const progressBody = z.object({
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'FINALIZING', 'DONE']),
  scanned: z.number().int(),
  scannedNamespaces: z.array(z.string()),
  scanType: z.enum(['QUICK', 'SCHEDULE']).optional(),
  startTime: z.string().optional(),
});

/** `GET /runtime/scan/results` query: minimum severity and CIS level to count. */
export const resultsQuery = z.object({
  'vulnerabilitySeverity[gte]': z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN']).optional(),
  'cisDockerBenchmarkLevel[gte]': z.enum(['INFO', 'WARN', 'FATAL']).optional(),
});

/** One image of a run and where it is (the runtime scanner's `ImageProgress`). */
export const imageProgress = z.object({
  digest: z.string(),
  name: z.string().describe('the image as pods name it'),
  action: z
    .enum(['pull', 'rematch', 'current'])
    .describe('pull: analyzed from the registry; rematch: its stored SBOM matched again; current: already up to date'),
  state: z.enum(['queued', 'pulling', 'analyzing', 'matching', 'done', 'failed']),
  reason: z.string().optional().describe('why it failed'),
  pods: z.array(z.string()).describe('`namespace/pod` of every pod that runs it'),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
}) satisfies z.ZodType<ImageProgress>;

/** The counts of a finished run. */
const runSummary = z.object({
  pods: z.number().int(),
  skippedPods: z.number().int().describe('pods left out by the `lucent.io/scan: "false"` label or annotation'),
  containers: z.number().int(),
  images: z.number().int(),
  pulled: z.number().int(),
  rematched: z.number().int(),
  current: z.number().int().describe('stored images already matched with the current advisory database'),
  failed: z.number().int(),
  applications: z.number().int(),
  packages: z.number().int().describe('distinct packages (by purl) across the scanned images'),
  vulnerabilities: z.record(z.string(), z.number().int()).describe('distinct pairs per severity level'),
  cis: z.record(z.string(), z.number().int()).describe('CIS results per level over the images checked'),
}) satisfies z.ZodType<RunSummary>;

/** A runtime scan run (the runtime scanner's `RunRecord`). */
export const runRecord = z.object({
  id: z.string(),
  kind: z.enum(['QUICK', 'SCHEDULE']),
  scheduleId: z.string().optional(),
  status: z.enum(['NOT_STARTED', 'IN_PROGRESS', 'FINALIZING', 'DONE', 'ABORTED', 'FAILED']),
  namespaces: z.array(z.string()).describe('namespaces asked for; empty means all'),
  scannedNamespaces: z.array(z.string()),
  options: z.object({ cis: z.boolean(), parallelism: z.number().int(), timeoutMs: z.number() }),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  failures: z.array(z.string()),
  actor: z.string(),
  summary: runSummary.optional(),
}) satisfies z.ZodType<RunRecord>;

/** `GET /runtime/scan/results`: KubeClarity's counters, plus the run and its images. */
export const resultsBody = z.object({
  counters: z.object({
    applications: z.number(),
    resources: z.number(),
    packages: z.number(),
    vulnerabilities: z.number(),
  }),
  vulnerabilityPerSeverity: z.array(z.object({ severity: z.string(), count: z.number() })),
  cisDockerBenchmarkScanEnabled: z.boolean(),
  cisDockerBenchmarkCountPerLevel: z.array(z.object({ level: z.string(), count: z.number() })),
  failures: z.array(z.object({ message: z.string() })),
  endTime: z.string().optional(),
  run: runRecord.nullable().describe('the last run, null before the first'),
  images: z.array(imageProgress),
});

/** `GET/PUT /runtime/quickscan/config`. */
export const quickScanConfig = z.object({
  cisDockerBenchmarkScanEnabled: z.boolean(),
  maxScanParallelism: z.number().int().min(1).max(100),
});

/** `GET /namespaces`. */
export const namespacesBody = z.array(z.object({ name: z.string() }));

/** A schedule as the API shows it. */
export const scheduleBody = z.object({
  id: z.string(),
  name: z.string(),
  spec: scheduleSpecSchema,
  timeZone: z.string(),
  namespaces: z.array(z.string()),
  excludeNamespaces: z.array(z.string()),
  enabled: z.boolean(),
  cis: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  anchorAt: z.string(),
  lastRunAt: z.string().optional(),
  nextRunAt: z.string().optional(),
  lastRunStatus: z.enum(['started', 'done', 'failed']).optional(),
});

/** A schedule's id in the path. */
export const scheduleParams = z.object({ id: z.string().min(1).max(100) });

/** What a client sends to create or replace a schedule (validated again by the schedule service). */
export const scheduleInputBody = z.object({}).loose();
