/** `lucent db update|import|status`: the advisory database (docs/advisories.md). */
import { Command } from 'commander';
import { defaultDbPath } from '../../advisories/db/default-path.ts';
import type { DbStatus, FeedStatus } from '../../advisories/db/queries.ts';
import type { ImportSummary } from '../../advisories/import.ts';
import {
  DEFAULT_FEED_URLS,
  DEFAULT_OSV_ECOSYSTEMS,
  DEFAULT_TIMEOUT_SECONDS,
  FEED_SOURCE_NAMES,
  resolveUpdateConfig,
  type UpdateFlags,
} from '../../advisories/update/config.ts';
import type { ResourceResult, UpdateEvent, UpdateSummary } from '../../advisories/update/update.ts';
import { LucentError } from '../../core/errors.ts';
import { type CommandContext, contextOf } from '../context.ts';
import { formatBytes, renderTable } from '../table.ts';

/** A feed older than this many days makes `db status` warn. */
export const STALE_AFTER_DAYS = 7;

/** How many problems and unknown files an import lists before it only counts the rest. */
const LISTED = 20;

const IMPORT_ADVICE =
  'run `lucent db update` to download the feeds, or `lucent db import PATH…` with OSV records, folders or all.zip archives';

/** Builds the `db` command group. */
export function dbCommand(): Command {
  const db = new Command('db').description('the advisory database ($LUCENT_DB or $XDG_DATA_HOME/lucent/advisories.db)');
  db.addCommand(updateCommand());
  db.command('import')
    .description('import advisory files, folders and zip archives (OSV JSON/YAML, all.zip), offline')
    .argument('<paths...>', 'files, folders (read recursively) or .zip archives')
    .option('--db <file>', 'the database file')
    .action(async (paths: string[], flags: { db?: string }, self: Command) => {
      const context = contextOf(self);
      // Loaded on demand: node:sqlite and the importers are only needed here.
      const { importPaths } = await import('../../advisories/import.ts');
      let shown = 0;
      const summary = await importPaths(paths, flags.db ?? defaultDbPath(), {
        onProgress: (progress) => {
          const now = Date.now();
          if (now - shown < 100) return;
          shown = now;
          context.progress.status(`importing: ${progress.files} files, ${progress.records} records`);
        },
      }).finally(() => context.progress.stop());
      context.out(describeImport(summary));
      for (const line of importWarnings(summary)) process.stderr.write(`warning: ${line}\n`);
    });
  db.command('status')
    .description('show the feeds, record counts and ages; warn when data is stale or missing')
    .option('--db <file>', 'the database file')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }, self: Command) => {
      const context = contextOf(self);
      const report = await readStatus(flags.db ?? defaultDbPath());
      context.out(flags.json ? JSON.stringify(report, null, 2) : describeStatus(report));
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    });
  return db;
}

/** `db status`'s document: the database's status, or `exists: false`, with the warnings. */
type StatusReport =
  | ({ exists: true } & DbStatus & { warnings: string[] })
  | { path: string; exists: false; warnings: string[] };

async function readStatus(path: string): Promise<StatusReport> {
  const { openAdvisoryDb, status } = await import('../../advisories/db/queries.ts');
  const db = await openAdvisoryDb(path).catch((error: unknown) => {
    if (error instanceof LucentError && error.code === 'E_DB_MISSING') return undefined;
    throw error;
  });
  if (!db) return { path, exists: false, warnings: [`no advisory database at ${path}; ${IMPORT_ADVICE}`] };
  try {
    const report = status(db);
    return { exists: true, ...report, warnings: staleWarnings(report) };
  } finally {
    db.close();
  }
}

/** One warning per feed older than STALE_AFTER_DAYS, and one for a database without feeds. */
export function staleWarnings(report: DbStatus): string[] {
  if (report.feeds.length === 0) return [`the advisory database at ${report.path} is empty; ${IMPORT_ADVICE}`];
  return report.feeds
    .filter((feed) => feed.ageDays > STALE_AFTER_DAYS)
    .map((feed) =>
      isDownloaded(feed)
        ? `the ${feed.feed} data from ${feed.source} was last checked ${feed.ageDays} days ago; run \`lucent db update\``
        : `the ${feed.feed} data from ${feed.source} is ${feed.ageDays} days old; import newer data with \`lucent db import PATH…\``,
    );
}

/** True for sources `lucent db update` fetched: their source is a URL. */
function isDownloaded(feed: FeedStatus): boolean {
  return /^https?:\/\//.test(feed.source);
}

function describeStatus(report: StatusReport): string {
  if (!report.exists) return `no advisory database at ${report.path}`;
  const { counts } = report;
  const lines = [
    `database: ${report.path} (schema ${report.schemaVersion}, ${formatBytes(report.sizeBytes)})`,
    `records: ${counts.records} (${counts.withdrawn} withdrawn), aliases: ${counts.aliases}, KEV: ${counts.kev}, EPSS: ${counts.epss}`,
  ];
  if (report.ecosystems.length > 0) {
    lines.push(`ecosystems: ${report.ecosystems.map((entry) => `${entry.ecosystem} ${entry.records}`).join(', ')}`);
  }
  if (report.feeds.length > 0) {
    const rows = report.feeds.map((feed) => [
      feed.feed,
      String(feed.records),
      feed.feedTimestamp ?? '-',
      feed.importedAt,
      feed.checkedAt ?? '-',
      `${feed.ageDays} d`,
      validatorOf(feed),
      feed.source,
    ]);
    const headers = ['FEED', 'RECORDS', 'FEED DATE', 'UPDATED', 'CHECKED', 'AGE', 'VALIDATOR', 'SOURCE'];
    lines.push('', renderTable(headers, rows));
  }
  return lines.join('\n');
}

/** What `db update` sends to ask for changes only: the ETag (shortened), else that it has a Last-Modified date. */
function validatorOf(feed: FeedStatus): string {
  if (feed.etag) return feed.etag.length > 24 ? `${feed.etag.slice(0, 23)}…` : feed.etag;
  if (feed.lastModified) return 'last-modified';
  return '-';
}

function describeImport(summary: ImportSummary): string {
  const perFeed = summary.feeds.map((feed) => `${feed.feed} ${feed.count}`).join(', ');
  const lines = [
    `imported ${summary.written} records from ${summary.files} files into ${summary.dbPath}${perFeed ? ` (${perFeed})` : ''}`,
  ];
  if (summary.start === 'replaced-old-schema') {
    lines.push('the previous database had another schema version and was replaced by this import');
  }
  if (summary.problems.length > 0) lines.push(`skipped ${summary.problems.length} broken records or files`);
  if (summary.unknown.length > 0) lines.push(`skipped ${summary.unknown.length} files no importer recognises`);
  return lines.join('\n');
}

function importWarnings(summary: ImportSummary): string[] {
  const lines = [
    ...summary.problems.slice(0, LISTED).map((problem) => `${problem.name}: ${problem.reason}`),
    ...summary.unknown.slice(0, LISTED).map((name) => `${name}: not a feed file Lucent reads`),
  ];
  const more = Math.max(0, summary.problems.length - LISTED) + Math.max(0, summary.unknown.length - LISTED);
  if (more > 0) lines.push(`… and ${more} more`);
  return lines;
}

function updateCommand(): Command {
  const url = (name: keyof typeof DEFAULT_FEED_URLS, what: string) =>
    `${what} (env LUCENT_${name.toUpperCase()}_URL; default ${DEFAULT_FEED_URLS[name]})`;
  return new Command('update')
    .description(
      'download the advisory feeds (OSV, Alpine secdb, Debian tracker, CISA KEV, EPSS); replace what changed',
    )
    .option('--db <file>', 'the database file')
    .option('--feeds <list>', `feeds to update, comma-separated: ${FEED_SOURCE_NAMES.join(',')} (default: all)`)
    .option('--osv-ecosystems <list>', `OSV ecosystems (default: ${DEFAULT_OSV_ECOSYSTEMS.join(',')})`)
    .option('--alpine-branches <list>', 'Alpine branches, e.g. v3.20,v3.21 (default: every v3.N the secdb index lists)')
    .option('--osv-url <url>', url('osv', 'OSV bucket or mirror: <url>/<Ecosystem>/all.zip'))
    .option('--alpine-url <url>', url('alpine', 'Alpine secdb or mirror: <url>/<branch>/main.json'))
    .option('--debian-url <url>', url('debian', 'Debian security tracker JSON'))
    .option('--kev-url <url>', url('kev', 'CISA KEV catalog JSON'))
    .option('--epss-url <url>', url('epss', 'EPSS scores CSV (gzipped or plain)'))
    .option(
      '--timeout <seconds>',
      `longest wait for a response or a stalled download (default ${DEFAULT_TIMEOUT_SECONDS})`,
    )
    .action(async (flags: UpdateFlags & { db?: string }, self: Command) => {
      const context = contextOf(self);
      const config = resolveUpdateConfig(flags, process.env);
      // Loaded on demand: node:sqlite, undici and the importers are only needed here.
      const { updateDatabase, UpdateFailedError } = await import('../../advisories/update/update.ts');
      const { removeOwnTempsSync } = await import('../../advisories/update/temp-files.ts');
      const dbPath = flags.db ?? defaultDbPath();
      // Ctrl-C or a SIGTERM from a scheduler: leave no temp files (downloads, the half-built database) behind.
      const interrupted = (signal: NodeJS.Signals) => {
        context.progress.stop();
        removeOwnTempsSync(dbPath);
        process.stderr.write(`update interrupted (${signal}); its temp files were removed\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
      let summary: UpdateSummary;
      try {
        summary = await updateDatabase(dbPath, config, { onEvent: updateProgress(context) });
      } catch (error) {
        context.progress.stop();
        if (error instanceof UpdateFailedError) for (const line of updateWarnings(error.results)) warn(line);
        throw error;
      } finally {
        process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
      }
      context.progress.stop();
      context.out(describeUpdate(summary));
      for (const line of updateWarnings(summary.results)) warn(line);
    });
}

function warn(line: string): void {
  process.stderr.write(`warning: ${line}\n`);
}

/** A status line on a terminal: files done, bytes so far and the largest download under way, then each import. */
function updateProgress(context: CommandContext): (event: UpdateEvent) => void {
  const active = new Map<string, { label: string; received: number; total: number | undefined }>();
  let planned = 0;
  let done = 0;
  let bytes = 0;
  let shown = 0;
  const show = (text: string, force = false) => {
    const now = Date.now();
    if (!force && now - shown < 100) return;
    shown = now;
    context.progress.status(text);
  };
  const downloading = () => {
    const largest = [...active.values()].sort((a, b) => (b.total ?? b.received) - (a.total ?? a.received))[0];
    const current = largest ? `  ${largest.label} ${bar(largest.received, largest.total)}` : '';
    return `downloading ${done}/${planned} files, ${formatBytes(bytes)}${current}`;
  };
  return (event) => {
    if (event.type === 'planned') {
      planned = event.resources.length;
      show(downloading(), true);
    } else if (event.type === 'bytes') {
      const previous = active.get(event.resource.url)?.received ?? 0;
      bytes += event.received - previous;
      active.set(event.resource.url, { label: event.resource.label, received: event.received, total: event.total });
      show(downloading());
    } else if (event.type === 'fetched') {
      active.delete(event.fetched.resource.url);
      done += 1;
      show(downloading(), done === planned);
    } else {
      show(`importing ${event.resource.label}: ${event.count} records`);
    }
  };
}

/** `[#####-----] 12.0 MB / 24.0 MB`, or the bytes alone when the size is unknown. */
function bar(received: number, total: number | undefined): string {
  if (!total) return formatBytes(received);
  const width = 20;
  const filled = Math.min(width, Math.round((received / total) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${formatBytes(received)} / ${formatBytes(total)}`;
}

/** One line per updated file, then the counts of the rest. */
function describeUpdate(summary: UpdateSummary): string {
  const lines: string[] = [];
  const count = (status: ResourceResult['status']) =>
    summary.results.filter((result) => result.status === status).length;
  for (const result of summary.results) {
    if (result.status !== 'updated') continue;
    lines.push(`updated ${result.resource.label}: ${result.count} records (${formatBytes(result.bytes)})`);
  }
  const rest = [
    `${count('updated')} updated`,
    `${count('not-modified')} not modified`,
    ...(count('absent') > 0 ? [`${count('absent')} not published`] : []),
    ...(count('failed') > 0 ? [`${count('failed')} failed`] : []),
  ];
  lines.push(`${summary.dbPath}: ${rest.join(', ')}`);
  if (summary.start === 'migrated') lines.push('the database was upgraded to the current schema, keeping its data');
  if (summary.start === 'replaced-old-schema') lines.push('the previous database had another schema and was rebuilt');
  return lines.join('\n');
}

/** Failed files with their reason, then broken records of the updated ones (the first LISTED). */
function updateWarnings(results: ResourceResult[]): string[] {
  const lines: string[] = [];
  const problems: string[] = [];
  for (const result of results) {
    if (result.status === 'failed') lines.push(result.reason);
    if (result.status === 'updated') {
      for (const problem of result.problems) problems.push(`${problem.name}: ${problem.reason}`);
    }
  }
  lines.push(...problems.slice(0, LISTED));
  if (problems.length > LISTED) lines.push(`… and ${problems.length - LISTED} more broken records`);
  return lines;
}
