import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCache } from '../../testing/memory-cache.ts';
import { tarBytes } from '../../testing/test-layers.ts';
import { openArchive } from './archive-file.ts';
import { archiveIdentity } from './archive-identity.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-archive-summary-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function gzippedArchive(name: string): Promise<{ path: string; layer: Buffer }> {
  const layer = await tarBytes([{ name: 'etc/os-release', content: 'ID=test\n' }]);
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
  const archive = await tarBytes([
    { name: 'abc/layer.tar', content: layer },
    { name: 'abc/link.tar', type: 'link', linkname: 'abc/layer.tar' },
    { name: 'config.json', content: config },
    { name: 'manifest.json', content: JSON.stringify([{ Config: 'config.json', Layers: ['abc/layer.tar'] }]) },
  ]);
  const path = join(dir, name);
  await writeFile(path, gzipSync(archive));
  return { path, layer };
}

describe('compressed archives with a cache', () => {
  it('answer metadata reads from the summary, and decompress only to reach a layer', async () => {
    const { path, layer } = await gzippedArchive('image.tar.gz');
    const cache = memoryCache();
    const first = await openArchive(path, { cache });
    const manifest = await first.index.read('manifest.json');
    await first.close();
    expect(cache.entries.size).toBe(1);

    const second = await openArchive(path, { cache });
    expect([...second.index.members.keys()]).toEqual(['abc/layer.tar', 'abc/link.tar', 'config.json', 'manifest.json']);
    expect(second.index.has('config.json')).toBe(true);
    expect((await second.index.read('manifest.json')).equals(manifest)).toBe(true);
    expect((await second.index.head('abc/link.tar', 4)).equals(layer.subarray(0, 4))).toBe(true);
    expect(second.index.members.get('abc/layer.tar')?.size).toBe(layer.length);
    const blob = await second.index.locate('abc/layer.tar');
    expect((await readFile(blob.path)).subarray(blob.range.start, blob.range.start + blob.range.length)).toEqual(layer);
    await second.close();
    await expect(readFile(blob.path)).rejects.toThrow();
  });

  it('do not decompress at all for what the summary holds', async () => {
    const { path } = await gzippedArchive('gone.tar.gz');
    const cache = memoryCache();
    await (await openArchive(path, { cache })).close();
    const archive = await openArchive(path, { cache });
    await unlink(path);
    expect(JSON.parse((await archive.index.read('config.json')).toString())).toMatchObject({ os: 'linux' });
    await expect(archive.index.locate('abc/layer.tar')).rejects.toThrow();
    await archive.close();
  });

  it('are known by identity: rewriting the file, even with the same bytes, is a new archive', async () => {
    const { path } = await gzippedArchive('rewritten.tar.gz');
    const before = await archiveIdentity(path);
    expect(await archiveIdentity(path)).toBe(before);
    await writeFile(path, await readFile(path));
    expect(await archiveIdentity(path)).not.toBe(before);
  });
});
