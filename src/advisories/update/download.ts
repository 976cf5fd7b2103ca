/**
 * Downloading one feed file: a conditional GET (If-None-Match / If-Modified-Since from the last download, RFC 9110
 * §13.1), streamed to a file with its SHA-256, never held in memory. Connection failures, 429 and 5xx are retried by
 * the HTTP client (backoff, Retry-After); a body that breaks off mid-way is fetched again from the start.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGunzip } from 'node:zlib';
import { LucentError } from '../../core/errors.ts';
import {
  describeNetworkFailure,
  type HttpClient,
  type HttpResponse,
} from '../../image/sources/registry/http-client.ts';
import { readLimited } from '../../image/sources/registry/read-limited.ts';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../image/sources/registry/retry.ts';
import type { FeedResource } from './feed-source.ts';

/** The validators of the copy in the database. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** What a download came to. */
export type DownloadOutcome =
  | { kind: 'not-modified' }
  /** A 404 for an optional resource: nothing published there. */
  | { kind: 'absent' }
  | {
      kind: 'downloaded';
      path: string;
      bytes: number;
      sha256: string;
      etag: string | null;
      lastModified: string | null;
    };

/** How to download. */
export interface DownloadOptions {
  client: HttpClient;
  /** Sent as conditions when the database holds this resource. */
  validators?: Validators | undefined;
  /** Bytes received so far (compressed, as sent), and the total when the server said. */
  onBytes?: (received: number, total: number | undefined) => void;
  /** How often a body that breaks off is fetched again. */
  bodyAttempts?: number;
  timeouts: { connectTimeoutMs: number; readTimeoutMs: number };
}

/** Downloads `resource` to `path`, unless the server says the copy we hold is current. */
export async function downloadResource(
  resource: FeedResource,
  path: string,
  options: DownloadOptions,
): Promise<DownloadOutcome> {
  const attempts = options.bodyAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const response = await send(resource, options.client, options.validators);
    if (response.status === 304) {
      await response.body.dump();
      if (options.validators) return { kind: 'not-modified' };
      throw httpFailure(resource, response, 'answered 304 Not Modified to a request without conditions');
    }
    if ((response.status === 404 || response.status === 410) && resource.optional) {
      await response.body.dump();
      return { kind: 'absent' };
    }
    if (response.status !== 200) {
      await response.body.dump();
      throw httpFailure(resource, response, `answered HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}`);
    }
    const progress: BodyProgress = { received: 0, total: undefined };
    try {
      return await saveBody(response, path, progress, options);
    } catch (error) {
      const failure = describeNetworkFailure(error, options.timeouts);
      if (!failure.retryable || attempt >= attempts) {
        const tries = attempt > 1 ? `, after ${attempt} attempts` : '';
        const part = `${progress.received} of ${progress.total ?? 'an unknown number of'} bytes received`;
        throw new LucentError(
          'E_FEED_DOWNLOAD',
          `cannot download ${resource.label} from ${response.url.host}: ${failure.reason} (${part})${tries}`,
          { cause: error },
        );
      }
      await sleep(retryDelay(attempt, DEFAULT_RETRY_POLICY, undefined));
    }
  }
}

/** Reads a small text document, such as an index page (at most 4 MiB). */
export async function fetchText(client: HttpClient, url: string, what: string): Promise<string> {
  const resource: FeedResource = { feed: 'alpine-secdb', label: what, url, fileName: '' };
  const response = await send(resource, client, undefined);
  if (response.status !== 200) {
    await response.body.dump();
    throw httpFailure(resource, response, `answered HTTP ${response.status} ${STATUS_CODES[response.status] ?? ''}`);
  }
  const bytes = await readLimited(response, 4 * 1024 * 1024, what, 'E_FEED_INVALID');
  return new TextDecoder().decode(bytes);
}

async function send(
  resource: FeedResource,
  client: HttpClient,
  validators: Validators | undefined,
): Promise<HttpResponse> {
  const headers: Record<string, string> = { 'accept-encoding': 'gzip' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    return await client.request(new URL(resource.url), { headers, what: resource.label });
  } catch (error) {
    // The client names registries in its codes and hints; the message (what, host, reason, attempts) fits as it is.
    if (error instanceof LucentError && error.code === 'E_REGISTRY_UNREACHABLE') {
      throw new LucentError('E_FEED_DOWNLOAD', error.message, { cause: error });
    }
    throw error;
  }
}

/** How much of a body arrived, and how much was announced. */
interface BodyProgress {
  received: number;
  total: number | undefined;
}

async function saveBody(
  response: HttpResponse,
  path: string,
  progress: BodyProgress,
  options: DownloadOptions,
): Promise<Extract<DownloadOutcome, { kind: 'downloaded' }>> {
  const declared = Number(response.headers['content-length']);
  progress.total = Number.isFinite(declared) && declared >= 0 ? declared : undefined;
  let bytes = 0;
  const hash = createHash('sha256');
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      progress.received += chunk.length;
      options.onBytes?.(progress.received, progress.total);
      done(null, chunk);
    },
  });
  const hasher = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const gzipped = /^\s*(x-)?gzip\s*$/i.test(String(response.headers['content-encoding'] ?? ''));
  const file = createWriteStream(path);
  if (gzipped) await pipeline(response.body, counter, createGunzip(), hasher, file);
  else await pipeline(response.body, counter, hasher, file);
  if (progress.total !== undefined && progress.received !== progress.total) {
    // undici normally reports this itself; a body that ends early without an error is just as broken.
    throw Object.assign(new Error('the body ended before its announced length'), { code: 'UND_ERR_SOCKET' });
  }
  return {
    kind: 'downloaded',
    path,
    bytes,
    sha256: hash.digest('hex'),
    etag: headerText(response.headers.etag),
    lastModified: headerText(response.headers['last-modified']),
  };
}

function headerText(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : null;
}

function httpFailure(resource: FeedResource, response: HttpResponse, what: string): LucentError {
  const tries = response.attempts > 1 ? ` after ${response.attempts} attempts` : '';
  return new LucentError(
    'E_FEED_DOWNLOAD',
    `cannot download ${resource.label}: ${response.url.host} ${what.trim()}${tries}`,
  );
}
