/** Schemas of the runtime-scan API (KubeClarity's paths and shapes, plus schedules with full CRUD). */
import { z } from 'zod';
import { scheduleSpecSchema } from '../../../runtime/schedules/spec.ts';

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

/** `GET /runtime/scan/results`: KubeClarity's counters, plus the run and its images. */
export const resultsBody = z
  .object({
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
    run: z.unknown(),
    images: z.array(z.unknown()),
  })
  .loose();

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
