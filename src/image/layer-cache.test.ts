import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheInfo, cleanCache, DiskLayerCache, defaultCacheDir, layerCacheKey } from './layer-cache.ts';

const diffId = `sha256:${'a'.repeat(64)}`;

describe('layerCacheKey', () => {
  it('changes with the diffID, any producer version and the options, but not with producer order', () => {
    const base = layerCacheKey({ diffId, producers: ['walker@1', 'dpkg@1'] });
    expect(layerCacheKey({ diffId, producers: ['dpkg@1', 'walker@1'] })).toBe(base);
    expect(layerCacheKey({ diffId, producers: ['walker@1', 'dpkg@2'] })).not.toBe(base);
    expect(layerCacheKey({ diffId: `sha256:${'b'.repeat(64)}`, producers: ['walker@1', 'dpkg@1'] })).not.toBe(base);
    expect(layerCacheKey({ diffId, producers: ['walker@1', 'dpkg@1'], options: { maxFileSize: 1 } })).not.toBe(base);
  });
});

describe('defaultCacheDir', () => {
  it.each([
    [{ LUCENT_CACHE_DIR: '/x/lucent-cache', XDG_CACHE_HOME: '/y' }, '/x/lucent-cache'],
    [{ XDG_CACHE_HOME: '/y' }, '/y/lucent'],
  ])('%o → %s', (env, expected) => {
    expect(defaultCacheDir(env)).toBe(expected);
  });
});

describe('DiskLayerCache', () => {
  it('writes large values piece by piece, as the same JSON text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-cache-test-'));
    const cache = new DiskLayerCache(dir);
    const key = layerCacheKey({ diffId, producers: ['walker@2'] });
    const value = {
      paths: [
        ...Array.from({ length: 10_000 }, (_, i) => (i % 2 ? `data/${i}/"quoted"\n` : `data/${i}/é/ü`)),
        'x'.repeat(70_000),
        '\ud800 lone',
        undefined,
        null,
        7,
      ],
      nested: { list: [1, null, 'x'], skipped: undefined, long: Array.from({ length: 5000 }, (_, i) => [i, `${i}`]) },
      empty: [],
      text: 'ünïcode',
    };
    await cache.put(key, value);
    const [shard] = await readdir(join(dir, 'layers'));
    const [name] = await readdir(join(dir, 'layers', shard as string));
    const text = await readFile(join(dir, 'layers', shard as string, name as string), 'utf8');
    const { createdAt } = JSON.parse(text) as { createdAt: string };
    expect(text).toBe(JSON.stringify({ format: 1, key, createdAt, value }));
    expect(await cache.get(key)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('stores, reads back, counts and cleans entries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-cache-test-'));
    const cache = new DiskLayerCache(dir);
    const key = layerCacheKey({ diffId, producers: ['walker@1'] });
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, { entries: [{ path: 'etc/os-release' }] });
    expect(await cache.get(key)).toEqual({ entries: [{ path: 'etc/os-release' }] });
    expect((await cacheInfo(dir)).entries).toBe(1);
    expect((await cleanCache(dir)).entries).toBe(1);
    expect((await cacheInfo(dir)).entries).toBe(0);
  });

  it('treats a corrupt entry as a miss and removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-cache-test-'));
    const cache = new DiskLayerCache(dir);
    const key = layerCacheKey({ diffId, producers: ['walker@1'] });
    await cache.put(key, { ok: true });
    const file = join(dir, 'layers', key.slice(0, 2), `${key}.json`);
    await writeFile(file, '{"format":1,"key":"');
    expect(await cache.get(key)).toBeUndefined();
    expect((await cacheInfo(dir)).entries).toBe(0);
  });

  it('is shared by concurrent processes writing the same keys, with no errors and no torn entries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-cache-test-'));
    const script = `
      import { DiskLayerCache, layerCacheKey } from ${JSON.stringify(new URL('./layer-cache.ts', import.meta.url).href)};
      const cache = new DiskLayerCache(process.argv[1]);
      const value = { entries: Array.from({ length: 2000 }, (_, i) => ({ path: 'usr/lib/file-' + i, size: i })) };
      for (let round = 0; round < 20; round++) {
        for (let layer = 0; layer < 10; layer++) {
          const key = layerCacheKey({ diffId: 'sha256:' + String(layer).repeat(64).slice(0, 64), producers: ['walker@1'] });
          await cache.put(key, value);
          const read = await cache.get(key);
          if (read && read.entries.length !== 2000) throw new Error('torn entry');
        }
      }`;
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: 'inherit' });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run(), run(), run()])).toEqual([0, 0, 0]);
    const info = await cacheInfo(dir);
    expect(info.entries).toBe(10);
    const shards = await readdir(join(dir, 'layers'));
    const leftovers = (await Promise.all(shards.map((shard) => readdir(join(dir, 'layers', shard))))).flat();
    expect(leftovers.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const sample = JSON.parse(await readFile(join(dir, 'layers', shards[0] as string, leftovers[0] as string), 'utf8'));
    expect(sample.value.entries).toHaveLength(2000);
  });
});
