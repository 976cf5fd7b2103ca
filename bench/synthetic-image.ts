/**
 * A synthetic docker archive with one layer of many small files (and an apk database), to check that memory stays
 * bounded by what is wanted, not by how many files an image has. Written once into the bench cache.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { sha256Digest } from '../src/image/digest.ts';

/** Writes (once) and returns the path of a docker archive whose single layer holds `files` small files. */
export async function syntheticImage(dir: string, files: number): Promise<string> {
  const path = join(dir, `synthetic-${files}.tar`);
  if (existsSync(path)) return path;
  await mkdir(dir, { recursive: true });
  const layer = await layerTar(files);
  const diffId = sha256Digest(layer);
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [diffId] } }),
  );
  const configName = `${sha256Digest(config).slice(7)}.json`;
  const manifest = Buffer.from(
    JSON.stringify([{ Config: configName, RepoTags: ['synthetic:latest'], Layers: ['layer/layer.tar'] }]),
  );
  const archive = pack();
  archive.entry({ name: configName }, config);
  archive.entry({ name: 'layer/layer.tar' }, layer);
  archive.entry({ name: 'manifest.json' }, manifest);
  archive.finalize();
  await pipeline(archive, createWriteStream(`${path}.tmp`));
  await rename(`${path}.tmp`, path);
  return path;
}

async function layerTar(files: number): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of archive) chunks.push(Buffer.from(chunk as Uint8Array));
  })();
  archive.entry({ name: 'etc/os-release' }, 'ID=alpine\nVERSION_ID=3.19.1\n');
  archive.entry({ name: 'lib/apk/db/installed' }, 'P:musl\nV:1.2.4_git20230717-r4\nA:x86_64\no:musl\nL:MIT\n\n');
  for (let i = 0; i < files; i++) {
    archive.entry({ name: `data/${Math.floor(i / 1000)}/file-${i}.txt` }, `content ${i}\n`);
  }
  archive.finalize();
  await reading;
  return Buffer.concat(chunks);
}
