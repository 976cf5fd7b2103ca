/**
 * `node bench/rematch-bench.ts`: the re-match of one stored resource of 5,000 Debian 10 packages (the durability
 * tests' large resource, test/support/large-resource.ts) against the real DSA and DLA lists, on SQLite and on
 * PostgreSQL, timed phase by phase: loading the stored SBOM and findings, opening the advisory database, matching,
 * enrichment and the report, and the ingestion of the findings. The first re-match adds every finding (the daily
 * case after a big update), the second finds them all stored already.
 *
 * Also `npm run bench:server -- --only=rematch`. Flags: `--engine=sqlite|postgres` (default both), `--packages=N`
 * (default 5000), `--postgres=URL` (default the local test database), `--runs=N` (default 2: one that adds the
 * findings, then ones that change nothing), `--queries` (each run's slowest statements). Needs the build (`npm run
 * build`): the advisory database is made with the real `lucent db import`. Writes .bench-out/rematch-bench.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../src/server/services/ingest.ts';
import { contentAnalysisReportSchema } from '../src/server/services/ingest-schema.ts';
import { loadStoredFindings, loadStoredResource, rematchReport } from '../src/server/services/rematch-report.ts';
import { openStore, type Store } from '../src/server/store/open-store.ts';
import { largeContentAnalysis } from '../test/support/large-resource.ts';
import { debianAdvisories } from '../test/support/queue-database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const engines = (flag('engine') ? [flag('engine')] : ['sqlite', 'postgres']) as ('sqlite' | 'postgres')[];
const packages = Number(flag('packages') ?? 5000);
const runs = Number(flag('runs') ?? 2);
/** `--queries` prints the queries of each re-match that took longest, with their time (ms). */
const showQueries = process.argv.includes('--queries');
const postgresUrl = flag('postgres') ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One re-match, phase by phase (ms). */
export interface RematchTiming {
  engine: string;
  run: number;
  findings: number;
  phases: Record<string, number>;
  totalMs: number;
  cpuMs: number;
}

async function timed<T>(phases: Record<string, number>, name: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    phases[name] = Math.round(performance.now() - start);
  }
}

async function freshStoreUrl(engine: 'sqlite' | 'postgres'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-rematch-bench-'));
    return { url: `sqlite:${join(dir, 'server.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `lucent_bench_${randomBytes(6).toString('hex')}`;
  return {
    url: `${postgresUrl}?schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The same steps as rematchResource (src/server/services/rematch.ts), each timed. */
async function rematchOnce(store: Store, resourceId: string, advisoryPath: string, engine: string, run: number) {
  const phases: Record<string, number> = {};
  const cpu = process.cpuUsage();
  const start = performance.now();
  const stored = await timed(phases, 'load SBOM', () => loadStoredResource(store.db, resourceId));
  if (!stored) throw new Error('the resource is gone');
  const previous = await timed(phases, 'load findings', () => loadStoredFindings(store.db, resourceId));
  const advisoryDb = await timed(phases, 'open DB', () => openAdvisoryDb(advisoryPath));
  const report = await timed(phases, 'match + report', () => rematchReport(stored, previous, advisoryDb, new Date()));
  advisoryDb.close();
  // The ingestion's own steps (ingest.ts calls onStep after each), so a slow write is named.
  let stepStart = performance.now();
  const onStep = (step: string) => {
    const now = performance.now();
    phases[`ingest: ${step}`] = Math.round(now - stepStart);
    stepStart = now;
  };
  const result = await timed(phases, 'ingest', () =>
    ingestVulnerabilityScan(store, { actor: 'rematch:bench', now: () => new Date(), onStep }, report),
  );
  const used = process.cpuUsage(cpu);
  return {
    engine,
    run,
    findings: result.findings,
    phases,
    totalMs: Math.round(performance.now() - start),
    cpuMs: Math.round((used.user + used.system) / 1000),
  } satisfies RematchTiming;
}

/** Seeds one resource on each engine and re-matches it `runs` times. */
export async function rematchBench(): Promise<RematchTiming[]> {
  const advisories = await debianAdvisories();
  const timings: RematchTiming[] = [];
  try {
    for (const engine of engines) {
      const database = await freshStoreUrl(engine);
      const queries = new Map<string, { count: number; ms: number }>();
      const store = await openStore(database.url, {
        ...(showQueries
          ? {
              log: (event: LogEvent) => {
                const text = event.query.sql.replace(/\s+/g, ' ').slice(0, 160);
                const entry = queries.get(text) ?? { count: 0, ms: 0 };
                entry.count++;
                entry.ms += event.queryDurationMillis;
                queries.set(text, entry);
              },
            }
          : {}),
      });
      try {
        const hash = `sha256:${'e'.repeat(64)}`;
        const report = contentAnalysisReportSchema.parse(largeContentAnalysis(packages, hash));
        const ingestStart = performance.now();
        const seeded = await ingestContentAnalysis(store, { actor: 'bench' }, report);
        process.stderr.write(
          `${engine}: content analysis stored in ${Math.round(performance.now() - ingestStart)} ms\n`,
        );
        for (let run = 1; run <= runs; run++) {
          queries.clear();
          const timing = await rematchOnce(store, seeded.resourceId, advisories.base, engine, run);
          for (const [text, { count, ms }] of [...queries].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
            process.stderr.write(`  ${Math.round(ms)} ms ×${count} ${text}\n`);
          }
          process.stderr.write(`${JSON.stringify(timing)}\n`);
          timings.push(timing);
        }
      } finally {
        await store.close();
        await database.drop();
      }
    }
  } finally {
    await rm(advisories.dir, { recursive: true, force: true });
  }
  return timings;
}

/** A Markdown table of the timings. */
export function rematchBenchTable(timings: readonly RematchTiming[]): string {
  const phases = [...new Set(timings.flatMap((timing) => Object.keys(timing.phases)))];
  const header = ['engine', 'run', 'findings', ...phases.map((phase) => `${phase} ms`), 'total ms', 'CPU ms'];
  const rows = timings.map((timing) => [
    timing.engine,
    String(timing.run),
    String(timing.findings),
    ...phases.map((phase) => String(timing.phases[phase] ?? '')),
    String(timing.totalMs),
    String(timing.cpuMs),
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** Runs the benchmark, writes .bench-out/rematch-bench.json and answers its Markdown section. */
export async function rematchBenchSection(): Promise<string> {
  const timings = await rematchBench();
  const load = loadavg().map((value) => value.toFixed(2));
  await mkdir(join(root, '.bench-out'), { recursive: true });
  await writeFile(
    join(root, '.bench-out/rematch-bench.json'),
    `${JSON.stringify({ date: new Date().toISOString(), packages, load, timings }, null, 2)}\n`,
  );
  return (
    `\n## Re-match of one stored ${packages.toLocaleString('en')}-package resource (phases in ms)\n\n` +
    `${rematchBenchTable(timings)}\n\nLoad average after the runs: ${load.join(' ')}.\n`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(await rematchBenchSection());
