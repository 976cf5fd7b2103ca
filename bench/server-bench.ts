/**
 * `npm run bench:server`: the server's list endpoints and ingestion at scale, on SQLite and on PostgreSQL. For each
 * engine: seed 10,000 resources and 1,000,000 findings in bulk (server-seed.ts), start a real `lucent server` on that
 * database, drive each list scenario (filters, sorting, several pages) with autocannon and take the p95 of every
 * response time, then time the ingestion of 1,000-package scans. Prints a Markdown table (targets: p95 ≤ 50 ms,
 * ingestion ≤ 300 ms) and writes .bench-out/server-bench.json.
 *
 * Flags: `--engine=sqlite|postgres` (default both), `--duration=SECONDS` per scenario (default 5),
 * `--connections=N` (default 2), `--postgres=URL` (default the local test database), `--scale=F` (seed F times the
 * data, for a quick check), `--keep` (leave the seeded databases for `node bench/server-explain.ts`),
 * `--database-url=URL` (measure a kept database again, without seeding), `--only=lists|ingestion` (one part),
 * `--only=rematch` (the re-match of one large stored resource instead: rematch-bench.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/server/store/open-store.ts';
import { ingestReport } from './server-ingest.ts';
import { listScenarios, type Scenario } from './server-scenarios.ts';
import { BENCH_SHAPE, type SeedSummary, seedStore, settle, summaryOf } from './server-seed.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const engines = (
  flag('database-url')
    ? [flag('database-url')?.startsWith('sqlite:') ? 'sqlite' : 'postgres']
    : flag('engine')
      ? [flag('engine')]
      : ['sqlite', 'postgres']
) as ('sqlite' | 'postgres')[];
const duration = Number(flag('duration') ?? 5);
const connections = Number(flag('connections') ?? 2);
const postgresUrl = flag('postgres') ?? 'postgres://postgres@127.0.0.1:5432/test';
/** `--scale=0.05` seeds a twentieth of everything (a quick check of the benchmark itself). */
const scale = Number(flag('scale') ?? 1);
/** `--keep` leaves the seeded databases in place (for server-explain.ts) and prints their URLs. */
const keep = process.argv.includes('--keep');
/** `--database-url=URL` measures a database seeded (and kept) before, without seeding again. */
const reuse = flag('database-url');
/** `--only=lists` or `--only=ingestion` measures that part alone. */
const only = flag('only');
const shape = Object.fromEntries(
  Object.entries(BENCH_SHAPE).map(([key, value]) => [key, Math.max(4, Math.round(value * scale))]),
) as unknown as typeof BENCH_SHAPE;
const TOKEN = 'lcn_bench-admin-token-0123456789abcdef';

/** autocannon 9 (no type declarations): the parts used here. */
type Autocannon = (
  options: Record<string, unknown>,
  done: (
    error: Error | null,
    result: { non2xx: number; errors: number; requests: { average: number; total: number } },
  ) => void,
) => { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Measured {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  failed: number;
  /** CPU time of the server process per request (ms; PostgreSQL's own processes not included). */
  cpuPerRequest: number;
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux; NaN elsewhere): unlike wall time it does not
 * grow with the machine's load, which other work on a shared machine makes unsteady.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Drives one scenario: each connection cycles through its paths for `duration` seconds. */
function measure(url: string, scenario: Scenario, pid: number | undefined): Promise<Measured> {
  const cpuBefore = cpuMs(pid);
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        headers: { authorization: `Bearer ${TOKEN}` },
        requests: scenario.paths.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          name: scenario.name,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          rps: result.requests.average,
          failed: result.non2xx + result.errors,
          cpuPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests.total),
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

async function api(url: string, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return { json, ms: performance.now() - started };
}

/** Ingests five new 1,000-package scans and one repeated, one at a time; milliseconds each. */
async function measureIngestion(url: string, seed: SeedSummary, pid: number | undefined): Promise<Ingestion> {
  // Numbered from the clock, so a database measured again (--database-url) gets new resources too.
  const first = Math.floor(Date.now() / 1000) % 1_000_000;
  const app = await api(url, 'POST', '/api/applications', { name: `bench-ingest-${first}`, type: 'IMAGE' });
  const path = `/api/applications/vulnerabilityScan/${app.json.id}`;
  const fresh: number[] = [];
  const cpu: number[] = [];
  for (let n = first; n < first + 5; n++) {
    const before = cpuMs(pid);
    fresh.push((await api(url, 'POST', path, ingestReport(seed, n))).ms);
    cpu.push(cpuMs(pid) - before);
  }
  const repeated = (await api(url, 'POST', path, ingestReport(seed, first + 4))).ms;
  return { fresh, cpu, repeated };
}

/** Milliseconds of each new 1,000-package scan (wall, and the server process's CPU), and of one sent again. */
interface Ingestion {
  fresh: number[];
  cpu: number[];
  repeated: number;
}

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  // Background work off (no updates, no in-process workers): the benchmark measures the API alone.
  const args = ['server', '--listen', '127.0.0.1:0', '--database-url', databaseUrl, '--db-update-interval', 'off'];
  const child = spawn(
    process.execPath,
    [join(root, 'bin/lucent.js'), ...args, '--workers', '0', '--log-level', 'warn'],
    {
      env: { ...process.env, LUCENT_ADMIN_TOKEN: TOKEN, LUCENT_DB: join(tmpdir(), 'lucent-bench-none.db') },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`lucent server exited with ${code}: ${output}`)));
  });
}

interface EngineResult {
  engine: string;
  seedSeconds: number;
  rows: Record<string, number>;
  lists: Measured[];
  ingestion: Ingestion;
}

async function runEngine(engine: 'sqlite' | 'postgres'): Promise<EngineResult> {
  const work = await mkdtemp(join(tmpdir(), 'lucent-server-bench-'));
  const schema = `lucent_bench_${Date.now().toString(36)}`;
  const databaseUrl =
    reuse ?? (engine === 'sqlite' ? `sqlite:${join(work, 'server.db')}` : `${postgresUrl}?schema=${schema}`);
  try {
    const started = performance.now();
    const store = await openStore(databaseUrl);
    let seed: SeedSummary;
    try {
      seed = reuse
        ? await summaryOf(store)
        : await seedStore(store, shape, (line) => process.stderr.write(`[${engine}] ${line}\n`));
      await settle(store);
    } finally {
      await store.close();
    }
    const seedSeconds = (performance.now() - started) / 1000;
    process.stderr.write(`[${engine}] seeded in ${seedSeconds.toFixed(0)} s: ${JSON.stringify(seed.rows)}\n`);
    const server = await startServer(databaseUrl);
    try {
      const lists: Measured[] = [];
      const scenarios = listScenarios({ applicationId: seed.sampleApplicationId, resourceId: seed.sampleResourceId });
      for (const scenario of only === 'ingestion' ? [] : scenarios) {
        for (const path of scenario.paths) await api(server.url, 'GET', path);
        const result = await measure(server.url, scenario, server.child.pid);
        process.stderr.write(
          `[${engine}] ${result.name}: p95 ${result.p95} ms (${result.rps} req/s, ${result.cpuPerRequest.toFixed(1)} ms CPU/req)\n`,
        );
        lists.push(result);
      }
      const ingestion =
        only === 'lists'
          ? { fresh: [], cpu: [], repeated: Number.NaN }
          : await measureIngestion(server.url, seed, server.child.pid);
      process.stderr.write(
        `[${engine}] ingestion: ${ingestion.fresh.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
          `(server CPU ${ingestion.cpu.map((ms) => ms.toFixed(0)).join(', ')} ms)\n`,
      );
      return { engine, seedSeconds, rows: seed.rows, lists, ingestion };
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  } finally {
    if (keep || reuse) {
      process.stderr.write(`[${engine}] kept: node bench/server-explain.ts --database-url='${databaseUrl}'\n`);
    } else {
      await dropDatabase(engine, work, schema);
    }
  }
}

async function dropDatabase(engine: 'sqlite' | 'postgres', work: string, schema: string): Promise<void> {
  await rm(work, { recursive: true, force: true });
  if (engine !== 'postgres') return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`drop schema if exists "${schema}" cascade`);
  await client.query(`drop schema if exists "${schema}_pgboss" cascade`);
  await client.end();
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function table(results: readonly EngineResult[]): string {
  const mark = (ms: number, target: number) => `${ms.toFixed(0)}${ms > target ? ' ✗' : ''}`;
  const header = [
    'scenario',
    ...results.flatMap((r) => [
      `${r.engine} p50 ms`,
      `${r.engine} p95 ms`,
      `${r.engine} req/s`,
      `${r.engine} server CPU ms/req`,
    ]),
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const [index, scenario] of (results[0]?.lists ?? []).entries()) {
    const cells = results.flatMap((r) => {
      const m = r.lists[index];
      return m ? [m.p50.toFixed(0), mark(m.p95, 50), m.rps.toFixed(0), m.cpuPerRequest.toFixed(1)] : ['', '', '', ''];
    });
    lines.push(`| ${scenario.name} | ${cells.join(' | ')} |`);
  }
  const ingest = results.flatMap((r) => [
    '',
    `${mark(median(r.ingestion.fresh), 300)} (median of ${r.ingestion.fresh.map((ms) => ms.toFixed(0)).join(', ')}; again: ${r.ingestion.repeated.toFixed(0)})`,
    '',
    `${median(r.ingestion.cpu).toFixed(0)} (median of ${r.ingestion.cpu.map((ms) => ms.toFixed(0)).join(', ')})`,
  ]);
  if (results.some((r) => r.ingestion.fresh.length > 0)) {
    lines.push(`| ingestion of a 1,000-package scan (ms) | ${ingest.join(' | ')} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (only === 'rematch') {
    const { rematchBenchSection } = await import('./rematch-bench.ts');
    process.stdout.write(await rematchBenchSection());
    return;
  }
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await runEngine(engine));
  const rows = results[0]?.rows ?? {};
  process.stdout.write(
    `\n## Server lists and ingestion (${connections} connections, ${duration} s per scenario; targets p95 ≤ 50 ms, ingestion ≤ 300 ms)\n\n` +
      `Seeded: ${Object.entries(rows)
        .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
        .join(', ')}; ` +
      `seeding took ${results.map((r) => `${r.engine} ${r.seedSeconds.toFixed(0)} s`).join(', ')}.\n\n${table(results)}\n`,
  );
  await mkdir(join(root, '.bench-out'), { recursive: true });
  await writeFile(join(root, '.bench-out/server-bench.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
