/** Helpers for registry tests: what a layer streams, and what `tar` says the source layer holds. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Image } from '../../src/image/image.ts';

const run = promisify(execFile);

/** The entry names each layer of `image` streams, in order, read through the registry client. */
export async function streamedNames(image: Image): Promise<string[][]> {
  const out: string[][] = [];
  for (const layer of image.layers) {
    const names: string[] = [];
    for await (const entry of layer.entries()) {
      names.push(entry.header.name);
      await entry.discard();
    }
    out.push(names);
  }
  return out;
}

/** `tar -t` of `member` inside the tar `archive` (gzip-compressed members when `gzip`), as GNU tar lists it. */
export async function tarMemberNames(archive: string, member: string, gzip = false): Promise<string[]> {
  const { stdout } = await run('sh', ['-c', `tar -xOf "$1" "$2" | tar -t${gzip ? 'z' : ''}f -`, 'sh', archive, member]);
  return stdout.split('\n').filter(Boolean);
}

/** The raw manifest skopeo reads for a reference, and its sha256, as an independent view of the registry. */
export async function skopeoRawManifest(reference: string): Promise<{ json: RawManifest; bytes: Buffer }> {
  const { stdout } = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`], {
    encoding: 'buffer',
  });
  return { json: JSON.parse(stdout.toString('utf8')) as RawManifest, bytes: stdout };
}

/** The parts of a manifest or index the tests compare. */
export interface RawManifest {
  mediaType?: string;
  config: { digest: string; mediaType: string; size: number };
  layers: { digest: string; mediaType: string; size: number }[];
  manifests: { digest: string; mediaType: string; platform: { os: string; architecture: string } }[];
}
