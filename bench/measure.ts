/**
 * Timing for benchmarks: each command runs under GNU time (`/usr/bin/time -f '%e %M %U %S'`), which reports the
 * child's wall seconds, peak resident set size and CPU seconds (user + system: on a loaded machine, wall time grows
 * with the load, CPU time much less); each case runs several times and the median is kept.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';

/** One benchmark result. */
export interface Measurement {
  case: string;
  tool: string;
  wallSeconds: number;
  /** User + system CPU seconds, where measured. */
  cpuSeconds?: number;
  peakRssMiB: number;
}

/** Wall seconds, peak RSS (MiB) and, where measured, CPU seconds (user + system) of one run. */
export interface Sample {
  wall: number;
  rss: number;
  cpu?: number;
}

/** Runs a command under GNU time; throws with its stderr when it fails. */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, rssKiB, user, system] = last.split(' ').map(Number);
  if (result.status !== 0 || wall === undefined || rssKiB === undefined || Number.isNaN(wall)) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return { wall, rss: rssKiB / 1024, cpu: (user ?? 0) + (system ?? 0) };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Summarises samples of one case and logs it to stderr. */
export function summarise(name: string, tool: string, samples: Sample[]): Measurement {
  const cpu = samples.flatMap((sample) => (sample.cpu === undefined ? [] : [sample.cpu]));
  const measurement: Measurement = {
    case: name,
    tool,
    wallSeconds: median(samples.map((sample) => sample.wall)),
    ...(cpu.length === samples.length && cpu.length > 0 ? { cpuSeconds: median(cpu) } : {}),
    peakRssMiB: Math.round(median(samples.map((sample) => sample.rss))),
  };
  const cpuText = measurement.cpuSeconds === undefined ? '' : `  cpu ${measurement.cpuSeconds.toFixed(2)} s`;
  process.stderr.write(
    `  ${tool.padEnd(20)} ${name.padEnd(44)} ${measurement.wallSeconds.toFixed(2)} s${cpuText}  ${measurement.peakRssMiB} MiB\n`,
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

/** A Markdown table of measurements, with the CPU time (user + system) and the load average it was measured at. */
export function markdownTable(results: Measurement[]): string {
  const cpu = (m: Measurement) => (m.cpuSeconds === undefined ? '' : m.cpuSeconds.toFixed(2));
  return [
    '| tool | case | wall (s) | CPU user+sys (s) | peak RSS (MiB) |',
    '|---|---|---:|---:|---:|',
    ...results.map((m) => `| ${m.tool} | ${m.case} | ${m.wallSeconds.toFixed(2)} | ${cpu(m)} | ${m.peakRssMiB} |`),
    '',
    `Load average at the end (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')} on ${availableParallelism()} CPUs.`,
  ].join('\n');
}
