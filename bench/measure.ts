/**
 * Timing for benchmarks: each command runs under GNU time (`/usr/bin/time -f '%e %M'`), which reports the child's
 * wall seconds and peak resident set size; each case runs several times and the median is kept.
 */
import { spawnSync } from 'node:child_process';

/** One benchmark result. */
export interface Measurement {
  case: string;
  tool: string;
  wallSeconds: number;
  peakRssMiB: number;
}

/** Wall seconds and peak RSS (MiB) of one run. */
export interface Sample {
  wall: number;
  rss: number;
}

/** Runs a command under GNU time; throws with its stderr when it fails. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, rssKiB] = last.split(' ').map(Number);
  if (result.status !== 0 || wall === undefined || rssKiB === undefined || Number.isNaN(wall)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return { wall, rss: rssKiB / 1024 };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Summarises samples of one case and logs it to stderr. */
export function summarise(name: string, tool: string, samples: Sample[]): Measurement {
  const measurement = {
    case: name,
    tool,
    wallSeconds: median(samples.map((sample) => sample.wall)),
    peakRssMiB: Math.round(median(samples.map((sample) => sample.rss))),
  };
  process.stderr.write(
    `  ${tool.padEnd(20)} ${name.padEnd(44)} ${measurement.wallSeconds.toFixed(2)} s  ${measurement.peakRssMiB} MiB\n`,
  );
  return measurement;
}

/** Measures a case `runs` times; `prepare` runs before each measurement and is not timed. */
export async function measure(
  name: string,
  tool: string,
  runs: number,
  run: () => Sample,
  prepare: () => Promise<void> = async () => undefined,
): Promise<Measurement> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare();
    samples.push(run());
  }
  return summarise(name, tool, samples);
}

/** A Markdown table of measurements. */
export function markdownTable(results: Measurement[]): string {
  return [
    '| tool | case | wall (s) | peak RSS (MiB) |',
    '|---|---|---:|---:|',
    ...results.map((m) => `| ${m.tool} | ${m.case} | ${m.wallSeconds.toFixed(2)} | ${m.peakRssMiB} |`),
  ].join('\n');
}
