/**
 * `npm run bench`: Lucent against its peers on the same inputs, in the same run. Prints Markdown tables and writes
 * .bench-out/results.json. `--runs=N` (default 3) sets the repetitions; `--only=files|analyze` picks one benchmark.
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

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7);

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/time')) throw new Error('GNU time is needed: apt-get install -y time');
  const lucent = join(root, 'bin/lucent.js');
  if (!existsSync(join(root, 'dist/cli/main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.stderr.write('preparing the Debian 12 test images (built once, then cached)…\n');
  const { tools } = await ensureDebianImages();
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
