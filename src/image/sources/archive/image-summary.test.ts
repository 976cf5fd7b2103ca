import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image, Layer } from '../../image.ts';
import { memoryCache } from '../../testing/memory-cache.ts';
import { tarBytes } from '../../testing/test-layers.ts';
import { openImage } from '../open-image.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-image-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function archive(name: string, osRelease: string, compress: boolean): Promise<string> {
  const layer = await tarBytes([{ name: 'etc/os-release', content: osRelease }]);
  const diffId = `sha256:${createHash('sha256').update(layer).digest('hex')}`;
  const config = JSON.stringify({
    architecture: 'arm64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created_by: 'ADD os-release /etc/' }],
  });
  const tar = await tarBytes([
    { name: 'abc/layer.tar', content: layer },
    { name: 'config.json', content: config },
    {
      name: 'manifest.json',
      content: JSON.stringify([{ Config: 'config.json', RepoTags: ['test:1'], Layers: ['abc/layer.tar'] }]),
    },
  ]);
  const path = join(dir, name);
  await writeFile(path, compress ? gzipSync(tar) : tar);
  return path;
}

async function fileNames(layer: Layer): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of layer.entries()) {
    names.push(entry.header.name);
    await entry.discard();
  }
  return names;
}

function described(image: Image) {
  const { layers, close: _close, ...rest } = image;
  return {
    ...rest,
    layers: layers.map(({ entries: _entries, entryBatches, ...descriptor }) => ({
      ...descriptor,
      batches: entryBatches !== undefined,
    })),
  };
}

describe('image summaries', () => {
  it.each([
    ['docker-archive:', false],
    ['', false],
    ['docker-archive:', true],
  ])(
    'a warm open (source prefix "%s", gzip %s) restores the image as first read, and walks its layers on demand',
    async (prefix, compress) => {
      const path = await archive(`image-${prefix.length}-${compress}.tar`, 'ID=test\n', compress);
      const cache = memoryCache();
      const first = await openImage(`${prefix}${path}`, { cache });
      const firstNames = await fileNames(first.layers[0] as Layer);
      await first.close();
      expect(cache.entries.size).toBeGreaterThan(0);

      const second = await openImage(`${prefix}${path}`, { cache });
      expect(described(second)).toEqual(described(first));
      expect(second.source).toEqual({ kind: 'docker-archive', reference: `${prefix}${path}`, target: path });
      expect(second.name).toBe('test:1');
      expect(await fileNames(second.layers[0] as Layer)).toEqual(firstNames);
      await second.close();
    },
  );

  it('misses when the archive changes', async () => {
    const path = await archive('changing.tar', 'ID=one\n', false);
    const cache = memoryCache();
    const first = await openImage(path, { cache });
    await first.close();
    await archive('changing.tar', 'ID=two\n', false);
    const second = await openImage(path, { cache });
    expect(second.layers[0]?.diffId).not.toBe(first.layers[0]?.diffId);
    await second.close();
  });

  it('keeps nothing for directories or without a cache', async () => {
    const cache = memoryCache();
    const image = await openImage(`dir:${dir}`, { cache });
    await image.close();
    expect(cache.entries.size).toBe(0);
  });
});
