/** `lucent db import|status`: the advisory database (docs/advisories.md). */
import { Command } from 'commander';
import { defaultDbPath } from '../../advisories/db/default-path.ts';
import type { DbStatus } from '../../advisories/db/queries.ts';
import type { ImportSummary } from '../../advisories/import.ts';
import { LucentError } from '../../core/errors.ts';
import { contextOf } from '../context.ts';
import { formatBytes, renderTable } from '../table.ts';

/** A feed older than this many days makes `db status` warn. */
export const STALE_AFTER_DAYS = 7;

/** How many problems and unknown files an import lists before it only counts the rest. */
const LISTED = 20;

const IMPORT_ADVICE = 'run `lucent db import PATH…` with OSV records, folders or all.zip archives';

/** Builds the `db` command group. */
export function dbCommand(): Command {
  const db = new Command('db').description('the advisory database ($LUCENT_DB or $XDG_DATA_HOME/lucent/advisories.db)');
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
    .map(
      (feed) =>
        `the ${feed.feed} data from ${feed.source} is ${feed.ageDays} days old; import newer data with \`lucent db import PATH…\``,
    );
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
      `${feed.ageDays} d`,
      feed.source,
    ]);
    lines.push('', renderTable(['FEED', 'RECORDS', 'FEED DATE', 'IMPORTED', 'AGE', 'SOURCE'], rows));
  }
  return lines.join('\n');
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
