import { describe, expect, it } from 'vitest';
import {
  entryAt,
  type FileEntry,
  indexEntries,
  LayerIndexBuilder,
  layerIndexOf,
  restoreLayerIndex,
  type StoredLayerIndex,
  storeLayerIndex,
} from './layer-index.ts';

const entries: FileEntry[] = [
  { path: 'etc', type: 'directory', size: 0, mode: 0o755, uid: 0, gid: 0 },
  { path: 'etc/big', type: 'file', size: 2 ** 40 + 1, mode: 0o4755, uid: 4_294_967_296, gid: 100 },
  { path: 'lib', type: 'symlink', size: 0, mode: 0o777, uid: 0, gid: 0, linkTarget: 'usr/lib' },
  { path: 'etc/hard', type: 'hardlink', size: 2 ** 40 + 1, mode: 0o755, uid: 0, gid: 0, linkTarget: 'etc/big' },
  { path: 'dev/null', type: 'char-device', size: 0, mode: 0o666, uid: 0, gid: 0 },
];

describe('layer index', () => {
  it('gives back every field of every entry, in order', () => {
    const index = layerIndexOf(entries, ['usr/old'], ['var']);
    expect(indexEntries(index)).toEqual(entries);
    expect(index.whiteouts).toEqual(['usr/old']);
    expect(index.opaqueDirs).toEqual(['var']);
  });

  it('drops replaced rows and grows past its first capacity', () => {
    const builder = new LayerIndexBuilder();
    for (let i = 0; i < 3000; i++) builder.add({ path: `f${i}`, type: 'file', size: i, mode: 0o644, uid: 0, gid: 0 });
    builder.drop(0);
    builder.drop(2998);
    const row = builder.add({ path: 'l', type: 'symlink', size: 0, mode: 0o777, uid: 0, gid: 0, linkTarget: 'f1' });
    expect(builder.get(row).linkTarget).toBe('f1');
    const index = builder.finish([], []);
    expect(index.paths).toHaveLength(2999);
    expect(entryAt(index, 0).path).toBe('f1');
    expect(entryAt(index, 2996)).toMatchObject({ path: 'f2997', size: 2997 });
    expect(entryAt(index, 2997).path).toBe('f2999');
    expect(entryAt(index, 2998)).toMatchObject({ path: 'l', linkTarget: 'f1' });
  });

  it('survives the trip through the layer cache as JSON', () => {
    const index = layerIndexOf(entries, ['a'], []);
    const stored = JSON.parse(JSON.stringify(storeLayerIndex(index))) as StoredLayerIndex;
    const restored = restoreLayerIndex(stored);
    expect(restored && indexEntries(restored)).toEqual(entries);
    expect(restored?.whiteouts).toEqual(['a']);
    expect(stored.modes).toEqual([0o755, 1, 0o4755, 1, 0o777, 1, 0o755, 1, 0o666, 1]);
    expect(stored.uids).toEqual([0, 1, 4_294_967_296, 1, 0, 3]);
  });

  it.each([
    ['nothing', undefined],
    ['an older format', { entries: [], whiteouts: [], opaqueDirs: [] }],
    ['a column of the wrong length', { ...storeLayerIndex(layerIndexOf(entries)), sizes: [1] }],
    ['runs that do not add up', { ...storeLayerIndex(layerIndexOf(entries)), modes: [0o644, 2] }],
  ])('treats %s as a miss', (_name, stored) => {
    expect(restoreLayerIndex(stored as StoredLayerIndex | undefined)).toBeUndefined();
  });
});
