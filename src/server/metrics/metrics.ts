/**
 * Prometheus metrics, one registry per app instance (so tests and several apps in one process never share
 * counters): request latency, scan and ingestion durations, queue depth, and the stored vulnerabilities per severity.
 * Gauges that mirror the database are read when scraped, never kept up to date by hand.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RematchTotals } from '../services/rematch-metrics.ts';

/** Reads the current figures from storage and the queue at scrape time. */
export interface MetricsSources {
  /** Distinct (vulnerability, package) pairs per severity level, e.g. `{CRITICAL: 3, HIGH: 10}`. */
  vulnerabilitiesBySeverity?: () => Promise<Record<string, number>>;
  /** Jobs waiting or running in the work queue. */
  queueDepth?: () => Promise<number>;
  /** Re-matching runs and what they changed, over the store's history. */
  rematch?: () => Promise<RematchTotals>;
}

/** The metrics of one app. */
export interface ServerMetrics {
  registry: Registry;
  requestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** How long a scan took, by kind (contentAnalysis, vulnerabilityScan, runtime, rematch) and source (CICD, RUNTIME). */
  scanDuration: Histogram<'kind' | 'source'>;
  /** How long the server took to store an ingested report, by kind. */
  ingestDuration: Histogram<'kind'>;
}

/** Creates the registry and every metric. */
export function createMetrics(sources: MetricsSources = {}): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lucent_' });
  const requestDuration = new Histogram({
    name: 'lucent_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const scanDuration = new Histogram({
    name: 'lucent_scan_duration_seconds',
    help: 'Duration of scans whose results reached the server, by kind and source',
    labelNames: ['kind', 'source'] as const,
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    registers: [registry],
  });
  const ingestDuration = new Histogram({
    name: 'lucent_ingest_duration_seconds',
    help: 'Time to validate and store an ingested report, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'lucent_vulnerabilities',
    help: 'Stored vulnerabilities (distinct vulnerability-package pairs) by severity',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      const counts = (await sources.vulnerabilitiesBySeverity?.()) ?? {};
      this.reset();
      for (const [severity, count] of Object.entries(counts)) this.set({ severity }, count);
    },
  });
  new Gauge({
    name: 'lucent_queue_depth',
    help: 'Jobs waiting or running in the work queue',
    registers: [registry],
    async collect() {
      this.set((await sources.queueDepth?.()) ?? 0);
    },
  });
  registerRematchMetrics(registry, sources.rematch);
  return { registry, requestDuration, scanDuration, ingestDuration };
}

/**
 * Re-matching, read from the store at scrape time (the work may run in another process). The totals only grow while
 * runs are kept, so they are counters; one read serves every metric of a scrape.
 */
function registerRematchMetrics(registry: Registry, read: (() => Promise<RematchTotals>) | undefined): void {
  let pending: Promise<RematchTotals | undefined> | undefined;
  // The collect() calls of one scrape start together and share one read; a read that has settled is never reused.
  const totals = () => {
    pending ??= (read?.() ?? Promise.resolve(undefined)).finally(() => {
      pending = undefined;
    });
    return pending;
  };
  const counter = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    values: (t: RematchTotals) => [Partial<Record<L, string>>, number][],
  ) =>
    new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const current = await totals();
        this.reset();
        for (const [labels, value] of current ? values(current) : []) this.inc(labels, value);
      },
    });
  new Gauge({
    name: 'lucent_rematch_runs',
    help: 'Re-matching runs (one per advisory database version) by status: planning, running, done',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const current = await totals();
      this.reset();
      for (const [status, n] of Object.entries(current?.runs ?? {})) this.set({ status }, n);
    },
  });
  counter(
    'lucent_rematch_resources_total',
    'Resources re-matched, by outcome: done, skipped, failed',
    ['outcome'],
    (t) => Object.entries(t.resources).map(([outcome, n]) => [{ outcome }, n]),
  );
  counter('lucent_rematch_findings_added_total', 'Findings re-matching added', [], (t) => [[{}, t.added]]);
  counter('lucent_rematch_findings_removed_total', 'Findings re-matching removed', [], (t) => [[{}, t.removed]]);
  counter('lucent_rematch_run_duration_seconds_total', 'Time finished re-matching runs took, together', [], (t) => [
    [{}, t.finishedSeconds],
  ]);
  new Gauge({
    name: 'lucent_rematch_last_run_duration_seconds',
    help: 'Time the latest finished re-matching run took, from planning to its last resource',
    registers: [registry],
    async collect() {
      const current = await totals();
      this.reset();
      if (current?.lastRunSeconds !== undefined) this.set(current.lastRunSeconds);
    },
  });
}
