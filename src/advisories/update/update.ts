/**
 * `lucent db update`: download the chosen feeds and replace, in a new version of the database, the data of each file
 * that changed. Downloads come first (into a folder beside the database); the database is then rebuilt once, in a
 * temp file renamed over the old one (db/build.ts), so a failure or a kill at any point leaves the old file as it was.
 * One feed's failure is that feed's result; only when no feed could be brought up to date does the update fail.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { describeError, LucentError } from '../../core/errors.ts';
import { createHttpClient, type HttpClient, proxyFromEnv } from '../../image/sources/registry/http-client.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../image/sources/registry/retry.ts';
import { type BuildStart, rebuildDatabase } from '../db/build.ts';
import { readSourceStates, recordCheck, recordDownload, type SourceState } from '../db/feed-sources.ts';
import { readState } from '../db/schema.ts';
import { openSqlite } from '../db/sqlite.ts';
import type { InputProblem } from '../input-files.ts';
import { type AppliedSource, applyDownload, type Downloaded } from './apply.ts';
import type { UpdateConfig } from './config.ts';
import type { FeedResource } from './feed-source.ts';
import { CONNECT_TIMEOUT_MS, type FetchEvent, type Fetched, fetchAll, planResources } from './fetch-all.ts';
import { FEED_SOURCES } from './sources/registry.ts';
import { createDownloadDir, removeStaleTemps } from './temp-files.ts';

/** What became of one feed file. */
export type ResourceResult =
  | { resource: FeedResource; status: 'updated'; count: number; bytes: number; problems: InputProblem[] }
  /** The server answered 304 Not Modified, or sent the very bytes the database holds. */
  | { resource: FeedResource; status: 'not-modified' }
  /** An optional file that is not published (404). */
  | { resource: FeedResource; status: 'absent' }
  | { resource: FeedResource; status: 'failed'; reason: string };

/** What an update did. */
export interface UpdateSummary {
  dbPath: string;
  start: BuildStart;
  results: ResourceResult[];
}

/** Progress: the network half's events, then each import's record count. */
export type UpdateEvent = FetchEvent | { type: 'importing'; resource: FeedResource; count: number };

/** Options of an update. */
export interface UpdateOptions {
  onEvent?: (event: UpdateEvent) => void;
  env?: NodeJS.ProcessEnv;
  /** Retries of 429, 5xx and failed connections; tests shorten the waits. */
  retry?: RetryPolicy;
  now?: Date;
}

/** Every feed failed: the database was not touched. `results` says why for each file. */
export class UpdateFailedError extends LucentError {
  readonly results: ResourceResult[];

  constructor(dbPath: string, results: ResourceResult[]) {
    super('E_DB_UPDATE_FAILED', `no feed could be updated; the database at ${dbPath} is unchanged`, {
      hint: 'check the network, a proxy (HTTPS_PROXY) or the feed URLs (--osv-url …, LUCENT_OSV_URL …), then run again',
    });
    this.results = results;
  }
}

/** Updates the database at `dbPath` from the feeds `config` chooses. */
export async function updateDatabase(
  dbPath: string,
  config: UpdateConfig,
  options: UpdateOptions = {},
): Promise<UpdateSummary> {
  const now = options.now ?? new Date();
  await removeStaleTemps(dbPath);
  const known = await readKnownSources(dbPath);
  const client = createFeedClient(config, options);
  const downloadDir = await createDownloadDir(dbPath);
  try {
    const context = { client, config, known, downloadDir, onEvent: options.onEvent };
    const sources = FEED_SOURCES.filter((source) => config.feeds.includes(source.name));
    const { planned, failed } = await planResources(sources, context);
    const fetched = [...failed, ...(await fetchAll(planned, context))];
    if (!fetched.some(isUsable)) throw new UpdateFailedError(dbPath, fetched.map(failedResult));
    const { result, start } = await rebuildDatabase(dbPath, (db) => applyAll(db, dbPath, fetched, now, options));
    return { dbPath, start, results: result };
  } finally {
    await rm(downloadDir, { recursive: true, force: true });
    await client.close();
  }
}

/** The validators of the sources in the current file; none when there is no file or it has another schema. */
async function readKnownSources(dbPath: string): Promise<Map<string, SourceState>> {
  if (!existsSync(dbPath)) return new Map();
  const db = await openSqlite(dbPath, { readOnly: true });
  try {
    // A foreign or unreadable file stops the update here, before anything is downloaded.
    const state = readState(db, dbPath);
    if (state === 'foreign') {
      throw new LucentError('E_DB_INVALID', `${dbPath} is an SQLite database, but not Lucent's advisory database`, {
        hint: 'choose another file with --db or $LUCENT_DB; Lucent does not overwrite it',
      });
    }
    return state === 'current' ? readSourceStates(db) : new Map();
  } finally {
    if (db.isOpen) db.close();
  }
}

function createFeedClient(config: UpdateConfig, options: UpdateOptions): HttpClient {
  return createHttpClient({
    plainHttp: [],
    insecureSkipTlsVerify: [],
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    readTimeoutMs: config.timeoutMs,
    retry: options.retry ?? DEFAULT_RETRY_POLICY,
    proxy: proxyFromEnv(options.env ?? process.env),
  });
}

/** Applies each download in order; throws (so the new file is thrown away) when nothing could be applied. */
async function applyAll(
  db: DatabaseSync,
  dbPath: string,
  fetched: Fetched[],
  now: Date,
  options: UpdateOptions,
): Promise<ResourceResult[]> {
  const results: ResourceResult[] = [];
  for (const entry of fetched) results.push(await applyOne(db, entry, now, options));
  if (!results.some((result) => result.status === 'updated' || result.status === 'not-modified')) {
    throw new UpdateFailedError(dbPath, results);
  }
  return results;
}

async function applyOne(db: DatabaseSync, entry: Fetched, now: Date, options: UpdateOptions): Promise<ResourceResult> {
  const { resource, outcome } = entry;
  switch (outcome.kind) {
    case 'failed':
      return { resource, status: 'failed', reason: outcome.reason };
    case 'absent':
      return { resource, status: 'absent' };
    case 'not-modified':
      return recordCheck(db, resource.url, now) ? { resource, status: 'not-modified' } : changedMeanwhile(resource);
    case 'unchanged': {
      const { etag, lastModified, sha256 } = outcome;
      const state = { feed: resource.feed, source: resource.url, etag, lastModified, sha256 };
      return recordDownload(db, state, now) ? { resource, status: 'not-modified' } : changedMeanwhile(resource);
    }
    case 'downloaded':
      return applyDownloaded(db, entry as Fetched & { outcome: Downloaded }, now, options);
  }
}

async function applyDownloaded(
  db: DatabaseSync,
  entry: Fetched & { outcome: Downloaded },
  now: Date,
  options: UpdateOptions,
): Promise<ResourceResult> {
  const { resource, source, outcome } = entry;
  try {
    if (!source) throw new Error(`no importer for ${resource.label}`);
    const applied: AppliedSource = await applyDownload(db, resource, outcome, source.importer, now, (_, count) =>
      options.onEvent?.({ type: 'importing', resource, count }),
    );
    return { resource, status: 'updated', count: applied.count, bytes: outcome.bytes, problems: applied.problems };
  } catch (error) {
    return { resource, status: 'failed', reason: describeError(error) };
  } finally {
    // Free the disk as soon as a download is in the database: the next one may be large too.
    await rm(outcome.path, { force: true });
  }
}

/** A 304 for a source the file being built no longer holds: another process replaced the database meanwhile. */
function changedMeanwhile(resource: FeedResource): ResourceResult {
  return {
    resource,
    status: 'failed',
    reason: `${resource.label}: the database changed during the update (another update or import?); run it again`,
  };
}

function isUsable(entry: Fetched): boolean {
  return entry.outcome.kind !== 'failed' && entry.outcome.kind !== 'absent';
}

function failedResult(entry: Fetched): ResourceResult {
  if (entry.outcome.kind === 'failed')
    return { resource: entry.resource, status: 'failed', reason: entry.outcome.reason };
  return { resource: entry.resource, status: 'absent' };
}
