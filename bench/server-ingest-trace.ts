/**
 * Where the time of one ingestion goes, on a database `npm run bench:server -- --keep` left behind: ingests the
 * benchmark's 1,000-package scan through the real service with a logging query builder, and prints every distinct
 * SQL statement with its count and total time, slowest first, then the commit. With `--explain`, the slowest
 * statements' plans (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN, without ANALYZE: the statements write).
 *
 * `node bench/server-ingest-trace.ts --database-url=URL [--runs=N] [--explain] [--top=N] [--pragma=NAME=VALUE…] [--checkpoint] [--background]`
 * (`--pragma` runs a SQLite PRAGMA first, e.g. `--pragma=wal_autocheckpoint=0` to see a commit without
 * checkpoint; `--checkpoint` then checkpoints after each run and prints the WAL frames it wrote; `--background` checkpoints in a thread, as the server does).
 */
import { DatabaseSync } from 'node:sqlite';
import { type CompiledQuery, type LogEvent, sql } from 'kysely';
import { ingestVulnerabilityScan } from '../src/server/services/ingest.ts';
import { applicationId } from '../src/server/store/ids.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { ingestReport } from './server-ingest.ts';
import { summaryOf } from './server-seed.ts';

const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const databaseUrl = flag('database-url') ?? '';
const runs = Number(flag('runs') ?? 3);
const top = Number(flag('top') ?? 12);
const explain = process.argv.includes('--explain');

interface Timed {
  query: CompiledQuery;
  ms: number;
}

async function main(): Promise<void> {
  let captured: Timed[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') captured.push({ query: event.query, ms: event.queryDurationMillis });
  };
  const store = await openStore(databaseUrl, { log, backgroundCheckpoints: process.argv.includes('--background') });
  for (const pragma of process.argv.filter((arg) => arg.startsWith('--pragma=')).map((arg) => arg.slice(9))) {
    await sql.raw(`pragma ${pragma}`).execute(store.db);
  }
  const seed = await summaryOf(store);
  const name = `bench-trace-${Date.now()}`;
  const appId = applicationId(name);
  const now = new Date().toISOString();
  await store.db
    .insertInto('applications')
    .values({ id: appId, name, type: 'IMAGE', labels: '[]', environments: '[]', created_at: now, updated_at: now })
    .execute();
  const first = Math.floor(Date.now() / 1000) % 1_000_000;
  let last: Timed[] = [];
  for (let n = first; n < first + runs; n++) {
    captured = [];
    let inside = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await ingestVulnerabilityScan(
      store,
      {
        applicationId: appId,
        actor: 'bench',
        onStep: (step) => {
          if (step === 'counters') inside = performance.now() - started;
        },
      },
      ingestReport(seed, n),
    );
    const total = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const statements = captured.reduce((sum, t) => sum + t.ms, 0);
    process.stdout.write(
      `run ${n - first + 1}: ${total.toFixed(0)} ms (statements ${statements.toFixed(0)} ms in ${captured.length}, ` +
        `transaction body ${inside.toFixed(0)} ms, commit ${(total - inside).toFixed(0)} ms; ` +
        `CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)\n`,
    );
    last = captured;
    if (store.dialect === 'sqlite' && process.argv.includes('--checkpoint')) {
      const begun = performance.now();
      const result = await sql<{ log: number; checkpointed: number }>`pragma wal_checkpoint(passive)`.execute(store.db);
      const row = result.rows[0];
      process.stdout.write(
        `  checkpoint: ${row?.log} WAL frames, ${row?.checkpointed} copied, ${(performance.now() - begun).toFixed(0)} ms\n`,
      );
    }
  }
  const bySql = new Map<string, { count: number; ms: number; sample: Timed }>();
  for (const timed of last) {
    const key = timed.query.sql.replace(/\s+/g, ' ').replace(/(\?|\$\d+)(, (\?|\$\d+))+/g, '?…');
    const entry = bySql.get(key) ?? { count: 0, ms: 0, sample: timed };
    entry.count++;
    entry.ms += timed.ms;
    if (timed.ms > entry.sample.ms) entry.sample = timed;
    bySql.set(key, entry);
  }
  const sorted = [...bySql.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
  process.stdout.write('\nslowest statements of the last run (total ms, count, SQL):\n');
  const sqlite = store.dialect === 'sqlite' ? new DatabaseSync(databaseUrl.slice('sqlite:'.length)) : undefined;
  for (const [text, entry] of sorted) {
    process.stdout.write(
      `${entry.ms.toFixed(1).padStart(8)} ${String(entry.count).padStart(4)}  ${text.slice(0, 300)}\n`,
    );
    if (!explain) continue;
    const parameters = entry.sample.query.parameters as never[];
    const plan = sqlite
      ? (sqlite.prepare(`explain query plan ${entry.sample.query.sql}`).all(...parameters) as { detail: string }[]).map(
          (row) => row.detail,
        )
      : (await sql.raw(`explain ${interpolate(entry.sample.query.sql, parameters)}`).execute(store.db)).rows.map(
          (row) => (row as { 'QUERY PLAN': string })['QUERY PLAN'],
        );
    process.stdout.write(`${plan.map((line) => `           ${line}`).join('\n')}\n`);
  }
  sqlite?.close();
  await store.close();
}

/** Inlines $n parameters as literals, for EXPLAIN (the values are the benchmark's own). */
function interpolate(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_match, n: string) => {
    const value = parameters[Number(n) - 1];
    if (value === null || value === undefined) return 'null';
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

await main();
