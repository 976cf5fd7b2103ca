/**
 * Runtime scan benchmark (`node bench/run.ts runtime`): a cluster of 500 pods running 100 unique image digests, every
 * image already stored (its SBOM and findings matched with the current advisory database), so a scan pulls and
 * matches nothing: it reads the cluster, plans, and records the run. Target: at most 5 s end to end.
 *
 * - Setup (not timed): the test Kubernetes API server (HTTPS, the real client-node) with 5 namespaces, 50
 *   Deployments and their ReplicaSets, 500 pods; a SQLite store holding 100 images, each stored through the runtime
 *   store's own `saveImage` with the packages of the real Debian 12 minbase image (analyzed once) and their findings
 *   from the real DSA/DLA lists.
 * - Cases: `lucent runtime scan` as a process under GNU time (process start, inventory over HTTPS, plan, store,
 *   summary); the same scan in a long-lived `lucent server` through `PUT /api/runtime/scan/start` until DONE (wall
 *   from the request to DONE; the server's peak RSS from /proc). Medians of `runs`.
 * - Where the time goes: one in-process scan with the cluster reader and the store wrapped to time every call.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import { DiskLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { connectCluster } from '../src/runtime/inventory/index.ts';
import type { KubeReader } from '../src/runtime/inventory/kube-api.ts';
import { runRuntimeScan } from '../src/runtime/runtime-scan.ts';
import { createScanDeps, matcherOf, openRuntimeStore } from '../src/runtime/scan-deps.ts';
import type { RuntimeStore } from '../src/runtime/store/runtime-store.ts';
import { versionOf } from '../src/server/services/rematch-advisories.ts';
import type { BuiltImage } from '../test/support/debian-images.ts';
import { startFakeKubeApi } from '../test/support/fake-kube-api.ts';
import { namespace, pod, serviceAccount, workload } from '../test/support/fake-kube-objects.ts';
import { startServerProcess } from '../test/support/lucent-process.ts';
import { median, type Sample } from './measure.ts';

const PODS = 500;
const DIGESTS = 100;
const NAMESPACES = 5;
const PODS_PER_DEPLOYMENT = 10;
const TOKEN = 'lcn_runtime-bench-admin-token-0123456789';
const TARGET_SECONDS = 5;

/** One measured case. */
export interface RuntimeCase {
  case: string;
  wallSeconds: number;
  peakRssMiB: number;
}

/** What the runtime benchmark measured. */
export interface RuntimeBenchResult {
  pods: number;
  digests: number;
  packagesPerImage: number;
  findingsPerImage: number;
  cases: RuntimeCase[];
  /** One in-process scan: every cluster and store call, timed (calls overlap, so totals may exceed the wall). */
  breakdown: { wallMs: number; calls: { call: string; count: number; totalMs: number }[] };
}

/** Runs the runtime benchmark. */
export async function runtimeBench(options: {
  lucent: string;
  root: string;
  minbase: BuiltImage;
  work: string;
  runs: number;
}): Promise<RuntimeBenchResult> {
  const dir = join(options.work, 'runtime');
  await mkdir(dir, { recursive: true });
  const advisoryDb = await advisoryDatabase(options, dir);
  const storeUrl = `sqlite:${join(dir, 'lucent.db')}`;
  process.stderr.write(`  storing ${DIGESTS} images…\n`);
  const seeded = await seedStore(options.minbase, advisoryDb, storeUrl, join(dir, 'cache'));
  const api = await startFakeKubeApi({ objects: cluster(seeded.digests) });
  const kubeconfig = await api.writeKubeconfig(join(dir, 'kubeconfig'));
  const env = { HOME: dir, KUBECONFIG: kubeconfig, LUCENT_CACHE_DIR: join(dir, 'cache'), LUCENT_DATABASE_URL: '' };
  try {
    const cases: RuntimeCase[] = [];
    const cliArgs = [
      options.lucent,
      '--quiet',
      'runtime',
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--db',
      advisoryDb,
      '--store',
      storeUrl,
    ];
    // The test API server answers from this process, so the CLI runs asynchronously.
    check(await timedProcess(cliArgs, env));
    const samples: Sample[] = [];
    for (let i = 0; i < options.runs; i++) samples.push(check(await timedProcess(cliArgs, env)));
    cases.push(summary('lucent runtime scan (process start to summary)', samples));
    cases.push(await serverCase(advisoryDb, storeUrl, env, options.runs));
    const breakdown = await timedScan(kubeconfig, advisoryDb, storeUrl, join(dir, 'cache'));
    return {
      pods: PODS,
      digests: DIGESTS,
      packagesPerImage: seeded.packages,
      findingsPerImage: seeded.findings,
      cases,
      breakdown,
    };
  } finally {
    await api.stop();
  }
}

/** The result as Markdown: the cases, then where an in-process scan spends its time. */
export function runtimeBenchTable(result: RuntimeBenchResult): string {
  return [
    `${result.pods} pods, ${result.digests} unique digests, all stored (${result.packagesPerImage} packages and ` +
      `${result.findingsPerImage} findings each); target ≤ ${TARGET_SECONDS} s end to end.`,
    '',
    '| case | wall (s) | peak RSS (MiB) |',
    '|---|---:|---:|',
    ...result.cases.map((c) => `| ${c.case} | ${c.wallSeconds.toFixed(2)} | ${c.peakRssMiB} |`),
    '',
    `In-process scan, ${result.breakdown.wallMs} ms wall:`,
    '',
    '| call | count | total (ms) |',
    '|---|---:|---:|',
    ...result.breakdown.calls.map((c) => `| ${c.call} | ${c.count} | ${c.totalMs} |`),
  ].join('\n');
}

async function advisoryDatabase(options: { lucent: string; root: string }, dir: string): Promise<string> {
  const fixtures = join(options.root, 'src/advisories/importers/debian-tracker/__fixtures__');
  const lists: string[] = [];
  for (const name of ['DSA-list.txt', 'DLA-list.txt']) {
    const target = join(dir, name);
    await pipeline(createReadStream(join(fixtures, `${name}.gz`)), createGunzip(), createWriteStream(target));
    lists.push(target);
  }
  const db = join(dir, 'advisories.db');
  const imported = spawnSync(process.execPath, [options.lucent, 'db', 'import', ...lists, '--db', db], {
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`db import failed: ${imported.stderr}`);
  return db;
}

/** Stores 100 images through the runtime store, as a first scan would have: SBOM, findings, the matched version. */
async function seedStore(minbase: BuiltImage, advisoryDb: string, storeUrl: string, cacheDir: string) {
  const image = await openImage(`oci-dir:${minbase.ociLayout}`);
  const analysis = await analyzeImage(image, { cache: new DiskLayerCache(cacheDir), analyzers: analyzersByName() });
  await image.close();
  const { packages, os } = analysis.inventory;
  const db = await openAdvisoryDb(advisoryDb);
  const { store, close } = await openRuntimeStore(storeUrl);
  try {
    const findings = matcherOf(db)(packages, os);
    const digests: string[] = [];
    for (let n = 0; n < DIGESTS; n++) {
      const digest = `sha256:${n.toString(16).padStart(2, '0').repeat(32)}`;
      digests.push(digest);
      await store.saveImage({
        digest,
        name: `registry.bench/app-${n}:1.0`,
        packages,
        ...(os ? { os } : {}),
        layers: analysis.inventory.layers,
        findings,
        analyzed: true,
        matchedWith: versionOf(db),
        runId: '00000000-0000-5000-8000-00000000be00',
        scannedAt: new Date().toISOString(),
      });
    }
    return { digests, packages: packages.length, findings: findings.length };
  } finally {
    db.close();
    await close();
  }
}

/** 5 namespaces of 10 Deployments with a ReplicaSet each, 500 pods: pod i runs digest i mod 100. */
function cluster(digests: readonly string[]) {
  const objects = [];
  for (let ns = 0; ns < NAMESPACES; ns++) {
    objects.push(namespace(`team-${ns}`), serviceAccount(`team-${ns}`, 'default'));
  }
  for (let i = 0; i < PODS; i++) {
    const index = Math.floor(i / PODS_PER_DEPLOYMENT);
    const ns = `team-${index % NAMESPACES}`;
    const deployment = `app-${index}`;
    if (i % PODS_PER_DEPLOYMENT === 0) {
      objects.push(
        workload('Deployment', ns, deployment),
        workload('ReplicaSet', ns, `${deployment}-rs`, { kind: 'Deployment', name: deployment }),
      );
    }
    const n = i % DIGESTS;
    objects.push(
      pod({
        namespace: ns,
        name: `${deployment}-rs-${i}`,
        labels: { app: deployment },
        owner: { kind: 'ReplicaSet', name: `${deployment}-rs` },
        containers: [
          { name: 'app', image: `registry.bench/app-${n}:1.0`, imageID: `registry.bench/app-${n}@${digests[n]}` },
        ],
      }),
    );
  }
  return objects;
}

/** The summary must say that all 100 images were up to date: nothing pulled, nothing re-matched. */
function check(result: Sample & { stdout: string; stderr: string }): Sample {
  const expected = `Images: ${DIGESTS} unique (0 pulled, 0 re-matched, ${DIGESTS} up to date, 0 failed)`;
  if (!result.stdout.includes(expected)) {
    throw new Error(`unexpected runtime scan summary:\n${result.stdout}${result.stderr}`);
  }
  return { wall: result.wall, rss: result.rss };
}

/** `node ARGS…` under GNU time (`%e %M`: wall seconds, peak RSS in KiB), without blocking this process. */
function timedProcess(args: string[], env: NodeJS.ProcessEnv): Promise<Sample & { stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      const [wall, rssKiB] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      resolve({ wall: wall ?? Number.NaN, rss: (rssKiB ?? 0) / 1024, stdout, stderr });
    });
  });
}

function summary(name: string, samples: Sample[]): RuntimeCase {
  const result = {
    case: name,
    wallSeconds: median(samples.map((sample) => sample.wall)),
    peakRssMiB: Math.round(median(samples.map((sample) => sample.rss))),
  };
  process.stderr.write(`  ${name.padEnd(60)} ${result.wallSeconds.toFixed(2)} s  ${result.peakRssMiB} MiB\n`);
  return result;
}

/** The scan in a running server: wall from `PUT /api/runtime/scan/start` to DONE; the server's peak RSS. */
async function serverCase(
  advisoryDb: string,
  databaseUrl: string,
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<RuntimeCase> {
  const server = await startServerProcess({ databaseUrl, advisoryDb, token: TOKEN, env });
  try {
    const samples: Sample[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      const start = await server.api('PUT', '/api/runtime/scan/start', { namespaces: [] });
      if (start.status !== 201) throw new Error(`scan start answered ${start.status}`);
      for (;;) {
        const progress = (await server.api('GET', '/api/runtime/scan/progress')).json as { status: string };
        if (progress.status === 'DONE') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const wall = (performance.now() - started) / 1000;
      const results = (await server.api('GET', '/api/runtime/scan/results')).json as {
        run: { summary?: { current: number } };
      };
      if (results.run.summary?.current !== DIGESTS) throw new Error('the server scan did not find every image stored');
      // The first scan warms the server (modules of the scan path, the cluster connection); the rest are measured.
      if (i > 0) samples.push({ wall, rss: peakRssMiB(server.process.pid) });
    }
    return summary('same scan in a running lucent server (PUT start to DONE)', samples);
  } finally {
    await server.process.kill('SIGTERM');
  }
}

/** VmHWM: the process's peak resident set size so far. */
function peakRssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('VmHWM:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
}

/** One scan in this process, with every cluster and store call timed. */
async function timedScan(kubeconfig: string, advisoryDb: string, storeUrl: string, cacheDir: string) {
  const calls = new Map<string, { count: number; totalMs: number }>();
  const wrap = <T extends object>(prefix: string, target: T): T =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value = Reflect.get(object, key, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await value.apply(object, args);
          } finally {
            const entry = calls.get(`${prefix}.${String(key)}`) ?? { count: 0, totalMs: 0 };
            entry.count += 1;
            entry.totalMs += performance.now() - started;
            calls.set(`${prefix}.${String(key)}`, entry);
          }
        };
      },
    });
  const reader = wrap<KubeReader>('cluster', connectCluster({ kubeconfig, env: {} }).reader);
  const opened = await openRuntimeStore(storeUrl);
  const store = wrap<RuntimeStore>('store', opened.store);
  const { deps, close } = await createScanDeps({
    reader,
    store,
    cache: new DiskLayerCache(cacheDir),
    advisoryDb,
    registry: { env: {} },
  });
  try {
    const started = performance.now();
    const outcome = await runRuntimeScan(deps, { namespaces: [], parallelism: 10, timeoutMs: 600_000, cis: false });
    const wallMs = Math.round(performance.now() - started);
    if (outcome.run.summary?.current !== DIGESTS)
      throw new Error('the in-process scan did not find every image stored');
    return {
      wallMs,
      calls: [...calls.entries()]
        .map(([call, entry]) => ({ call, count: entry.count, totalMs: Math.round(entry.totalMs) }))
        .sort((a, b) => b.totalMs - a.totalMs),
    };
  } finally {
    close();
    await opened.close();
  }
}
