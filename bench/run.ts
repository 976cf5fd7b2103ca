/**
 * `npm run bench`: wall time and peak RSS of `lucent files` on the Debian 12 `tools` test image, from a docker
 * archive and from a local registry, with a cold and a warm layer cache, against `skopeo copy` of the same image to
 * a directory, in the same run. Results go to stdout (a Markdown table) and .bench-out/results.json.
 *
 * Each measurement runs under GNU time (`/usr/bin/time -f '%e %M'`), which reports the child's wall seconds and
 * peak resident set size. Every case runs `--runs` times (default 3) and the median is reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianImages } from '../test/support/debian-images.ts';
import { pushImage, startRegistry } from '../test/support/registry-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);

interface Measurement {
  case: string;
  tool: string;
  wallSeconds: number;
  peakRssMiB: number;
}

/** Runs a command under GNU time and returns wall seconds and peak RSS in MiB. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { wall: number; rss: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, rssKiB] = last.split(' ').map(Number);
  if (result.status !== 0 || wall === undefined || rssKiB === undefined || Number.isNaN(wall)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  return { wall, rss: rssKiB / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Measures a case `runs` times; `prepare` runs before each measurement and is not timed. */
async function measure(
  name: string,
  tool: string,
  run: () => { wall: number; rss: number },
  prepare: () => Promise<void> = async () => undefined,
): Promise<Measurement> {
  const walls: number[] = [];
  const rsses: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare();
    const { wall, rss } = run();
    walls.push(wall);
    rsses.push(rss);
  }
  const measurement = { case: name, tool, wallSeconds: median(walls), peakRssMiB: Math.round(median(rsses)) };
  process.stderr.write(
    `  ${tool.padEnd(8)} ${name.padEnd(40)} ${measurement.wallSeconds.toFixed(2)} s  ${measurement.peakRssMiB} MiB\n`,
  );
  return measurement;
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed: apt-get install -y time');
  const lucent = join(root, 'bin/lucent.js');
  if (!existsSync(join(root, 'dist/cli/main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.stderr.write('preparing the Debian 12 tools image (built once, then cached)…\n');
  const { tools } = await ensureDebianImages();
  const registry = await startRegistry({});
  const work = await mkdtemp(join(tmpdir(), 'lucent-bench-'));
  const results: Measurement[] = [];
  try {
    const reference = `${registry.host}/bench/debian12-tools:latest`;
    await pushImage(tools.ociRef, `docker://${reference}`, { format: 'v2s2' });
    const cacheDir = join(work, 'cache');
    const coldCache = async () => rm(cacheDir, { recursive: true, force: true });
    const sources = [
      ['docker-archive', `docker-archive:${tools.dockerArchive}`],
      ['registry', `registry:${reference}`],
    ] as const;
    process.stderr.write(`measuring (${runs} runs each, median)…\n`);
    for (const [label, source] of sources) {
      const files = () => timed(process.execPath, [lucent, '--cache-dir', cacheDir, 'files', source, '-f', 'json']);
      results.push(await measure(`files ${label}, cold cache`, 'lucent', files, coldCache));
      await coldCache();
      files();
      results.push(await measure(`files ${label}, warm cache`, 'lucent', files));
    }
    const target = join(work, 'copy');
    const clean = async () => {
      await rm(target, { recursive: true, force: true });
      await mkdir(target);
    };
    results.push(
      await measure(
        'copy docker-archive → dir',
        'skopeo',
        () => timed('skopeo', ['copy', '-q', `docker-archive:${tools.dockerArchive}`, `dir:${target}`]),
        clean,
      ),
    );
    results.push(
      await measure(
        'copy registry → dir',
        'skopeo',
        () => timed('skopeo', ['copy', '-q', '--src-tls-verify=false', `docker://${reference}`, `dir:${target}`]),
        clean,
      ),
    );
  } finally {
    await registry.stop();
    await rm(work, { recursive: true, force: true });
  }
  const table = [
    `Image: Debian 12 tools (${tools.layerCount} layers, ${tools.packages.length} packages); median of ${runs} runs`,
    '',
    '| tool | case | wall (s) | peak RSS (MiB) |',
    '|---|---|---:|---:|',
    ...results.map((m) => `| ${m.tool} | ${m.case} | ${m.wallSeconds.toFixed(2)} | ${m.peakRssMiB} |`),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  await mkdir(join(root, '.bench-out'), { recursive: true });
  await writeFile(
    join(root, '.bench-out/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs, results }, null, 2)}\n`,
  );
}

await main();
