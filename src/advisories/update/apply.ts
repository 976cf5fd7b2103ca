/**
 * Replacing one feed file's data in the database being built: inside a savepoint, drop what the source held, then
 * import the download with the feed's own importer. A download that is not that feed's format, an incomplete
 * archive or a file without one readable record rolls the savepoint back, so the source keeps its old data.
 */
import type { DatabaseSync } from 'node:sqlite';
import { LucentError } from '../../core/errors.ts';
import { dropSource, recordDownload } from '../db/feed-sources.ts';
import { createBatchWriter } from '../db/write.ts';
import { type InputProblem, readInputFiles } from '../input-files.ts';
import type { FeedBatch, FeedImporter } from '../records.ts';
import type { DownloadOutcome } from './download.ts';
import type { FeedResource } from './feed-source.ts';
import { zipEndProblem } from './zip-check.ts';

/** A finished download. */
export type Downloaded = Extract<DownloadOutcome, { kind: 'downloaded' }>;

/** What replacing one source wrote. */
export interface AppliedSource {
  /** Records, KEV entries or EPSS scores written. */
  count: number;
  /** Broken records and unknown files the import skipped, named by URL. */
  problems: InputProblem[];
}

/** Progress of one import: records written so far. */
export type OnImported = (resource: FeedResource, count: number) => void;

/** How much of a file `detect` sees, as in `lucent db import`. */
const HEAD_BYTES = 16 * 1024;

/** Replaces `resource`'s data with the download; throws E_FEED_INVALID, keeping the old data, when it is unusable. */
export async function applyDownload(
  db: DatabaseSync,
  resource: FeedResource,
  download: Downloaded,
  importer: FeedImporter,
  now: Date,
  onImported?: OnImported,
): Promise<AppliedSource> {
  const archive = resource.fileName.endsWith('.zip');
  if (archive) {
    const problem = await zipEndProblem(download.path);
    if (problem) throw invalid(resource, problem);
  }
  db.exec('SAVEPOINT feed_source');
  try {
    dropSource(db, resource.feed, resource.url);
    const applied = await importDownload(db, resource, download.path, importer, archive, now, onImported);
    const { etag, lastModified, sha256 } = download;
    recordDownload(db, { feed: resource.feed, source: resource.url, etag, lastModified, sha256 }, now);
    db.exec('RELEASE feed_source');
    return applied;
  } catch (error) {
    db.exec('ROLLBACK TO feed_source; RELEASE feed_source');
    throw error;
  }
}

async function importDownload(
  db: DatabaseSync,
  resource: FeedResource,
  path: string,
  importer: FeedImporter,
  archive: boolean,
  now: Date,
  onImported: OnImported | undefined,
): Promise<AppliedSource> {
  const writer = createBatchWriter(db);
  const problems: InputProblem[] = [];
  const unreadable: InputProblem[] = [];
  // Problems name the download by its URL, not by the temp file it was saved in.
  const named = (name: string) => (name.startsWith(path) ? `${resource.url}${name.slice(path.length)}` : name);
  let recognised = 0;
  let count = 0;
  for await (const file of readInputFiles(path, false, (problem) => unreadable.push(problem))) {
    const head = new TextDecoder().decode(file.content.subarray(0, HEAD_BYTES));
    if (!importer.detect(file.name, head)) {
      if (!archive) throw invalid(resource, `it is not ${resource.feed} data; it starts with ${quoteStart(head)}`);
      problems.push({ name: named(file.name), reason: `not ${resource.feed} data` });
      continue;
    }
    recognised += 1;
    const batch = parse(importer, file.name, file.content);
    const size = (batch.records?.length ?? 0) + (batch.kev?.length ?? 0) + (batch.epss?.length ?? 0);
    if (!archive && size === 0 && batch.problems.length > 0) throw invalid(resource, batch.problems[0] as string);
    writer.write(batch, resource.url);
    count += size;
    for (const reason of batch.problems) problems.push({ name: named(file.name), reason });
    onImported?.(resource, count);
  }
  const broken = unreadable[0];
  if (broken) throw invalid(resource, broken.reason);
  if (recognised === 0) throw invalid(resource, `it holds no ${resource.feed} data`);
  writer.finish(now);
  return { count, problems };
}

/** The importer's batch; an importer that throws makes a problem of the file, as in `lucent db import`. */
function parse(importer: FeedImporter, name: string, content: Uint8Array): FeedBatch {
  try {
    return importer.parse(name, content);
  } catch (error) {
    return { feed: importer.feed, problems: [`the ${importer.feed} importer failed: ${(error as Error).message}`] };
  }
}

function quoteStart(head: string): string {
  const start = head.trimStart().slice(0, 40).replace(/\s+/g, ' ');
  return start ? JSON.stringify(start) : 'nothing (the file is empty)';
}

function invalid(resource: FeedResource, reason: string): LucentError {
  return new LucentError(
    'E_FEED_INVALID',
    `cannot use ${resource.label} from ${new URL(resource.url).host}: ${reason}`,
  );
}
