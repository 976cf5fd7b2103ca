/**
 * Prometheus metrics, one registry per app instance (so tests and several apps in one process never share
 * counters): request latency, scan and ingestion durations, queue depth, and the stored vulnerabilities per severity.
 * Gauges that mirror the database are read when scraped, never kept up to date by hand.
 */
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Reads the current figures from storage and the queue at scrape time. */
export interface MetricsSources {
  /** Distinct (vulnerability, package) pairs per severity level, e.g. `{CRITICAL: 3, HIGH: 10}`. */
  vulnerabilitiesBySeverity?: () => Promise<Record<string, number>>;
  /** Jobs waiting or running in the work queue. */
  queueDepth?: () => Promise<number>;
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
  return { registry, requestDuration, scanDuration, ingestDuration };
}
