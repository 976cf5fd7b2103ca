/**
 * `npm run bench`: Lucent against its peers on the same inputs, in the same run. Prints Markdown tables and writes
 * .bench-out/results.json. `--runs=N` (default 3) sets the repetitions; `--only=files|analyze|scan|runtime` (or the
 * name alone: `node bench/run.ts scan`) picks one benchmark; `--osv=DIR` sets the OSV records of the scan benchmark.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianImages } from '../test/support/debian-images.ts';
import { analyzeBench } from './analyze-bench.ts';
import { filesBench } from './files-bench.ts';
import { markdownTable } from './measure.ts';
import { runtimeBench, runtimeBenchTable } from './runtime-bench.ts';
import { scanBench, scanBenchTable } from './scan-bench.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
const only =
  process.argv.find((arg) => arg.startsWith('--only='))?.slice(7) ??
  process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const osvDir = process.argv.find((arg) => arg.startsWith('--osv='))?.slice(6) ?? join(root, '../shared/data/osv');

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed: apt-get install -y time');
  const lucent = join(root, 'bin/lucent.js');
  if (!existsSync(join(root, 'dist/bundle/main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.stderr.write('preparing the Debian 12 test images (built once, then cached)…\n');
  const { minbase, tools } = await ensureDebianImages();
  const work = await mkdtemp(join(tmpdir(), 'lucent-bench-'));
  const sections: Record<string, unknown> = {};
  try {
    if (!only || only === 'files') {
      process.stderr.write(`files benchmark (${runs} runs each, median)…\n`);
      const results = await filesBench({ lucent, tools, work, runs });
      sections.files = results;
      process.stdout.write(
        `\n## lucent files — Debian 12 tools (${tools.layerCount} layers)\n\n${markdownTable(results)}\n`,
      );
    }
    if (!only || only === 'analyze') {
      process.stderr.write(`analyze benchmark (${runs} runs each, interleaved, median)…\n`);
      const report = await analyzeBench({ lucent, tools, work, runs, root });
      sections.analyze = report.results;
      process.stdout.write(
        `\n## lucent analyze against peers\n\n${markdownTable(report.results)}\n\n${report.notes.join('\n')}\n`,
      );
    }
    if (!only || only === 'scan') {
      process.stderr.write('scan benchmark…\n');
      const result = await scanBench({ lucent, root, tools, work, runs: Math.max(runs, 5), osvDir });
      sections.scan = result;
      process.stdout.write(`\n## lucent scan — import, open, match, scan\n\n${scanBenchTable(result)}\n`);
    }
    if (!only || only === 'runtime') {
      process.stderr.write(`runtime benchmark (${runs} runs each, median)…\n`);
      const result = await runtimeBench({ lucent, root, minbase, work, runs });
      sections.runtime = result;
      process.stdout.write(
        `\n## lucent runtime scan — 500 pods, 100 digests, all stored\n\n${runtimeBenchTable(result)}\n`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await mkdir(join(root, '.bench-out'), { recursive: true });
  await writeFile(
    join(root, '.bench-out/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), runs, ...sections }, null, 2)}\n`,
  );
}

await main();
