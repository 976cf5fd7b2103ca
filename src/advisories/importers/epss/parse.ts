/**
 * FIRST's EPSS daily scores (https://www.first.org/epss/data_stats), as published at
 * `https://epss.empiricalsecurity.com/epss_scores-current.csv.gz` (formerly epss.cyentia.com):
 *
 *   #model_version:v2023.03.01,score_date:2024-03-04T00:00:00+0000
 *   cve,epss,percentile
 *   CVE-1999-0001,0.00383,0.72477
 *
 * The file may come gzipped; it is recognised by the gzip magic bytes (RFC 1952 §2.3.1), not by its name.
 */
import { gunzipSync } from 'node:zlib';
import type { EpssScore, FeedBatch } from '../../records.ts';

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;
/** A full file has ~300,000 rows; past this many bad rows, the rest are only counted. */
const MAX_ROW_PROBLEMS = 20;

/** Whether the bytes start with the gzip magic number 1f 8b. */
export function isGzip(content: Uint8Array): boolean {
  return content[0] === 0x1f && content[1] === 0x8b;
}

/** Parses an EPSS CSV (plain or gzipped); its `score_date` is the feed timestamp. */
export function parseEpss(content: Uint8Array): FeedBatch {
  let text: string;
  try {
    text = new TextDecoder().decode(isGzip(content) ? gunzipSync(content) : content);
  } catch (error) {
    return { feed: 'epss', epss: [], problems: [`unreadable gzip: ${(error as Error).message}`] };
  }
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  let feedTimestamp: string | undefined;
  let index = 0;
  if (lines[0]?.startsWith('#')) {
    feedTimestamp = scoreDate(lines[0]);
    if (!feedTimestamp) problems.push(`line 1: no readable score_date in "${lines[0]}"`);
    index = 1;
  }
  const columns = (lines[index] ?? '').split(',').map((name) => name.trim());
  const [cveAt, epssAt, percentileAt] = ['cve', 'epss', 'percentile'].map((name) => columns.indexOf(name));
  if (
    cveAt === undefined ||
    cveAt < 0 ||
    epssAt === undefined ||
    epssAt < 0 ||
    percentileAt === undefined ||
    percentileAt < 0
  ) {
    return {
      feed: 'epss',
      epss: [],
      problems: [...problems, `line ${index + 1}: expected the header cve,epss,percentile`],
    };
  }
  const epss: EpssScore[] = [];
  let badRows = 0;
  for (let at = index + 1; at < lines.length; at++) {
    const line = lines[at] ?? '';
    if (line.trim() === '') continue;
    const fields = line.split(',');
    const cveId = fields[cveAt]?.trim() ?? '';
    const score = probability(fields[epssAt]);
    const percentile = probability(fields[percentileAt]);
    if (!CVE_ID.test(cveId) || score === undefined || percentile === undefined) {
      badRows++;
      if (badRows <= MAX_ROW_PROBLEMS) problems.push(`line ${at + 1}: not a cve,epss,percentile row: "${line}"`);
      continue;
    }
    epss.push({ cveId, epss: score, percentile });
  }
  if (badRows > MAX_ROW_PROBLEMS) problems.push(`… and ${badRows - MAX_ROW_PROBLEMS} more unreadable rows`);
  const batch: FeedBatch = { feed: 'epss', epss, problems };
  if (feedTimestamp) batch.feedTimestamp = feedTimestamp;
  return batch;
}

/** A number in [0, 1], or undefined. */
function probability(field: string | undefined): number | undefined {
  if (field === undefined || field.trim() === '') return undefined;
  const value = Number(field);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/**
 * The `score_date` of the comment line, as an ISO 8601 UTC timestamp. FIRST has written it as
 * `2024-03-04T00:00:00+0000` and, since model v2025.03.14, as `2025-03-16T12:55:00Z`.
 */
export function scoreDate(comment: string): string | undefined {
  for (const part of comment.replace(/^#/, '').split(',')) {
    const [key, ...rest] = part.split(':');
    if (key?.trim() !== 'score_date') continue;
    const value = rest.join(':').trim();
    const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
    if (!match) return undefined;
    const [, date, time = '00:00:00', zone = 'Z'] = match;
    const offset = zone === 'Z' ? zone : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    const parsed = new Date(`${date}T${time}${offset}`);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  }
  return undefined;
}
