/**
 * The images' ground truth: what dpkg-query reports as installed on the rootfs an image was made from, and its
 * os-release, both recorded at build time because the mirror's versions move.
 */
import { lstat, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './run-program.ts';

/** One installed package as dpkg-query reported it on the image's rootfs. */
export interface GroundTruthPackage {
  name: string;
  version: string;
  architecture: string;
  sourceName: string;
  sourceVersion: string;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} syntax (dpkg-query(1) --showformat).
const DPKG_QUERY_FORMAT = '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n';

/** packages.tsv (dpkg-query on the rootfs, before it is packed) and the rootfs's os-release text. */
export async function recordGroundTruth(rootfs: string, out: string, log: (line: string) => void): Promise<void> {
  const tsv = await run('dpkg-query', [`--admindir=${join(rootfs, 'var/lib/dpkg')}`, '-W', '-f', DPKG_QUERY_FORMAT]);
  await writeFile(join(out, 'packages.tsv'), tsv);
  await writeFile(join(out, 'os-release'), await readOsRelease(rootfs));
  log(`${parsePackagesTsv(tsv).length} packages recorded in packages.tsv`);
}

/** Parses packages.tsv: one package a line, the five dpkg-query fields separated by tabs; `#` lines are comments. */
export function parsePackagesTsv(text: string): GroundTruthPackage[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name, version, architecture, sourceName, sourceVersion] = line.split('\t');
      if (!name || !version || !architecture || !sourceName || !sourceVersion) {
        throw new Error(`packages.tsv line is not name, version, arch, source name, source version: ${line}`);
      }
      return { name, version, architecture, sourceName, sourceVersion };
    });
}

/** os-release(5): /etc/os-release, else /usr/lib/os-release; a symlink is followed inside the rootfs only. */
async function readOsRelease(rootfs: string): Promise<string> {
  for (const path of ['etc/os-release', 'usr/lib/os-release']) {
    const full = join(rootfs, path);
    const info = await lstat(full).catch(() => undefined);
    if (!info) continue;
    if (!info.isSymbolicLink()) return readFile(full, 'utf8');
    const target = await readlink(full);
    return readFile(target.startsWith('/') ? join(rootfs, target) : join(rootfs, path, '..', target), 'utf8');
  }
  throw new Error(`no os-release in ${rootfs}`);
}
