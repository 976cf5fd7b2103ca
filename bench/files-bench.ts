/**
 * `lucent files` on the Debian 12 tools image, from a docker archive and from a local registry, cold and warm, against
 * `skopeo copy` of the same image to a directory.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltImage } from '../test/support/debian-images.ts';
import { pushImage, startRegistry } from '../test/support/registry-server.ts';
import { type Measurement, measure, timed } from './measure.ts';

/** Runs the files benchmark. */
export async function filesBench(options: {
  lucent: string;
  tools: BuiltImage;
  work: string;
  runs: number;
}): Promise<Measurement[]> {
  const { lucent, tools, work, runs } = options;
  const registry = await startRegistry({});
  const results: Measurement[] = [];
  try {
    const reference = `${registry.host}/bench/debian12-tools:latest`;
    await pushImage(tools.ociRef, `docker://${reference}`, { format: 'v2s2' });
    const cacheDir = join(work, 'files-cache');
    const coldCache = async () => rm(cacheDir, { recursive: true, force: true });
    const sources = [
      ['docker-archive', `docker-archive:${tools.dockerArchive}`],
      ['registry', `registry:${reference}`],
    ] as const;
    for (const [label, source] of sources) {
      const files = () => timed(process.execPath, [lucent, '--cache-dir', cacheDir, 'files', source, '-f', 'json']);
      results.push(await measure(`files ${label}, cold cache`, 'lucent', runs, files, coldCache));
      await coldCache();
      files();
      results.push(await measure(`files ${label}, warm cache`, 'lucent', runs, files));
    }
    const target = join(work, 'copy');
    const clean = async () => {
      await rm(target, { recursive: true, force: true });
      await mkdir(target);
    };
    const archive = () => timed('skopeo', ['copy', '-q', `docker-archive:${tools.dockerArchive}`, `dir:${target}`]);
    results.push(await measure('copy docker-archive → dir', 'skopeo', runs, archive, clean));
    const pull = () =>
      timed('skopeo', ['copy', '-q', '--src-tls-verify=false', `docker://${reference}`, `dir:${target}`]);
    results.push(await measure('copy registry → dir', 'skopeo', runs, pull, clean));
  } finally {
    await registry.stop();
  }
  return results;
}
