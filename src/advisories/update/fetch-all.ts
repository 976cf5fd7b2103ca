/**
 * The network half of an update: list each chosen feed's resources, then download them a few at a time, each with
 * the validators of the copy in the database. Every failure is kept as that resource's result; nothing here throws
 * for one feed's sake.
 */
import { join } from 'node:path';
import { describeError } from '../../core/errors.ts';
import type { HttpClient } from '../../image/sources/registry/http-client.ts';
import type { SourceState } from '../db/feed-sources.ts';
import type { UpdateConfig } from './config.ts';
import { type DownloadOutcome, downloadResource, fetchText } from './download.ts';
import type { FeedResource, FeedSource } from './feed-source.ts';

/** One resource's download, or why it has none. */
export type Fetched =
  | { resource: FeedResource; source: FeedSource; outcome: DownloadOutcome }
  /** Downloaded, and byte-for-byte what the database holds (a server that ignores conditions). */
  | {
      resource: FeedResource;
      source: FeedSource;
      outcome: { kind: 'unchanged'; etag: string | null; lastModified: string | null; sha256: string };
    }
  | { resource: FeedResource; source: FeedSource | undefined; outcome: { kind: 'failed'; reason: string } };

/** Progress of the network half. */
export type FetchEvent =
  | { type: 'planned'; resources: FeedResource[] }
  | { type: 'bytes'; resource: FeedResource; received: number; total: number | undefined }
  | { type: 'fetched'; fetched: Fetched };

/** What the network half needs. */
export interface FetchContext {
  client: HttpClient;
  config: UpdateConfig;
  /** The sources the database holds, by URL. */
  known: Map<string, SourceState>;
  downloadDir: string;
  onEvent?: ((event: FetchEvent) => void) | undefined;
}

/** How many files download at once: enough to hide latency, few enough to be polite to one host. */
const PARALLEL_DOWNLOADS = 4;

/** Lists the resources of `sources`; a feed whose list cannot be had (Alpine's index) is one failed result. */
export async function planResources(
  sources: readonly FeedSource[],
  context: FetchContext,
): Promise<{ planned: { resource: FeedResource; source: FeedSource }[]; failed: Fetched[] }> {
  const planned: { resource: FeedResource; source: FeedSource }[] = [];
  const failed: Fetched[] = [];
  for (const source of sources) {
    try {
      const resources = await source.resources(context.config, (url, what) => fetchText(context.client, url, what));
      for (const resource of resources) planned.push({ resource, source });
    } catch (error) {
      const resource: FeedResource = {
        feed: source.feed,
        label: `${source.feed} (listing its files)`,
        url: context.config.urls[source.name],
        fileName: '',
      };
      failed.push({ resource, source, outcome: { kind: 'failed', reason: describeError(error) } });
    }
  }
  context.onEvent?.({ type: 'planned', resources: planned.map((entry) => entry.resource) });
  return { planned, failed };
}

/** Downloads every planned resource, PARALLEL_DOWNLOADS at a time; results keep the plan's order. */
export async function fetchAll(
  planned: { resource: FeedResource; source: FeedSource }[],
  context: FetchContext,
): Promise<Fetched[]> {
  const results: Fetched[] = new Array(planned.length);
  let next = 0;
  async function worker(): Promise<void> {
    for (let index = next++; index < planned.length; index = next++) {
      const entry = planned[index] as { resource: FeedResource; source: FeedSource };
      results[index] = await fetchOne(
        entry.resource,
        entry.source,
        join(context.downloadDir, `${index}-${entry.resource.fileName}`),
        context,
      );
      context.onEvent?.({ type: 'fetched', fetched: results[index] as Fetched });
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, planned.length) }, worker));
  return results;
}

async function fetchOne(
  resource: FeedResource,
  source: FeedSource,
  path: string,
  context: FetchContext,
): Promise<Fetched> {
  const known = context.known.get(resource.url);
  try {
    const outcome = await downloadResource(resource, path, {
      client: context.client,
      validators: known ? { etag: known.etag, lastModified: known.lastModified } : undefined,
      onBytes: (received, total) => context.onEvent?.({ type: 'bytes', resource, received, total }),
      timeouts: { connectTimeoutMs: CONNECT_TIMEOUT_MS, readTimeoutMs: context.config.timeoutMs },
    });
    if (outcome.kind === 'downloaded' && known?.sha256 === outcome.sha256) {
      const { etag, lastModified, sha256 } = outcome;
      return { resource, source, outcome: { kind: 'unchanged', etag, lastModified, sha256 } };
    }
    return { resource, source, outcome };
  } catch (error) {
    return { resource, source, outcome: { kind: 'failed', reason: describeError(error) } };
  }
}

/** How long a TCP and TLS connection may take. */
export const CONNECT_TIMEOUT_MS = 30_000;
