import { describe, expect, it } from 'vitest';
import { type FileEntry, type LayerIndex, layerIndexOf } from './layer-index.ts';
import { SquashedFs } from './squashed-fs.ts';

const file = (path: string, size = 1): FileEntry => ({ path, type: 'file', size, mode: 0o644, uid: 0, gid: 0 });
const dir = (path: string): FileEntry => ({ path, type: 'directory', size: 0, mode: 0o755, uid: 0, gid: 0 });
const link = (path: string, target: string): FileEntry => ({
  path,
  type: 'symlink',
  size: 0,
  mode: 0o777,
  uid: 0,
  gid: 0,
  linkTarget: target,
});
const layer = (entries: FileEntry[], whiteouts: string[] = [], opaqueDirs: string[] = []): LayerIndex =>
  layerIndexOf(entries, whiteouts, opaqueDirs);
const paths = (fs: SquashedFs) => fs.list().map((node) => `${node.path}@${node.layer}`);

describe('SquashedFs.merge', () => {
  it('lets an upper layer replace a lower file and keeps the layer it came from', () => {
    const fs = SquashedFs.merge([layer([dir('etc'), file('etc/a', 1)]), layer([file('etc/a', 2)])]);
    expect(paths(fs)).toEqual(['etc@0', 'etc/a@1']);
    expect(fs.get('etc/a')?.size).toBe(2);
  });

  it('applies a whiteout to lower layers, removing the whole subtree', () => {
    const fs = SquashedFs.merge([
      layer([dir('opt'), dir('opt/app'), file('opt/app/x'), file('opt/keep')]),
      layer([], ['opt/app']),
    ]);
    expect(paths(fs)).toEqual(['opt@0', 'opt/keep@0']);
  });

  it('hides lower contents of an opaque directory but keeps the layer’s own files', () => {
    const fs = SquashedFs.merge([
      layer([dir('var'), file('var/old'), dir('var/sub'), file('var/sub/deep')]),
      layer([dir('var'), file('var/new')], [], ['var']),
    ]);
    expect(paths(fs)).toEqual(['var@1', 'var/new@1']);
  });

  it('replaces a directory by a file, dropping what was under it', () => {
    const fs = SquashedFs.merge([layer([dir('x'), file('x/y')]), layer([file('x')])]);
    expect(paths(fs)).toEqual(['x@1']);
  });

  it('puts files shipped under a symlinked directory where the link points', () => {
    const fs = SquashedFs.merge([
      layer([dir('usr'), dir('usr/lib'), link('lib', 'usr/lib')]),
      layer([file('lib/libz.so')]),
    ]);
    expect(fs.get('usr/lib/libz.so')?.layer).toBe(1);
    expect(fs.get('lib/libz.so')).toBeUndefined();
  });

  it('applies several directory whiteouts of one layer, nested or through a symlink, and keeps the rest', () => {
    const fs = SquashedFs.merge([
      layer([
        dir('usr'),
        dir('usr/lib'),
        link('lib', 'usr/lib'),
        dir('usr/lib/a'),
        file('usr/lib/a/1'),
        dir('usr/lib/a/b'),
        file('usr/lib/a/b/2'),
        dir('usr/lib/c'),
        file('usr/lib/c/3'),
        file('usr/lib/keep'),
        dir('opt'),
        file('opt/x'),
      ]),
      layer([file('opt/y')], ['lib/a', 'usr/lib/a/b', 'lib/c/3', 'opt'], ['usr/lib/c']),
    ]);
    expect(paths(fs)).toEqual(['lib@0', 'opt/y@1', 'usr@0', 'usr/lib@0', 'usr/lib/c@0', 'usr/lib/keep@0']);
    expect(fs.has('usr/lib/a')).toBe(false);
    expect(fs.has('opt')).toBe(true);
  });

  it('follows a symlink that appears after a path below it was first looked up', () => {
    const fs = SquashedFs.merge([
      layer([dir('real'), link('other', 'real')]),
      // The whiteout looks up p/q (missing); the symlink p/q then makes p/q/s land in real/.
      layer([link('p/q', '../real'), file('p/q/s')], ['p/q/r']),
    ]);
    expect(fs.get('real/s')?.layer).toBe(1);
    expect(fs.get('p/q/s')).toBeUndefined();
  });

  it('drops what a symlink replaces, and lets later entries go through it', () => {
    const fs = SquashedFs.merge([
      layer([dir('a'), file('a/x'), dir('b'), file('b/old')]),
      layer([file('b/y'), link('b', 'a'), file('b/z')]),
    ]);
    expect(paths(fs)).toEqual(['a@0', 'a/x@0', 'a/z@1', 'b@1']);
    expect(fs.resolve('b/z')).toMatchObject({ found: true, path: 'a/z', node: { layer: 1, type: 'file' } });
  });

  it('re-adds a path in a later layer after it was whited out', () => {
    const fs = SquashedFs.merge([layer([file('a')]), layer([], ['a']), layer([file('a', 3)])]);
    expect(paths(fs)).toEqual(['a@2']);
  });
});

describe('SquashedFs.resolve', () => {
  const fs = SquashedFs.merge([
    layer([
      dir('etc'),
      link('etc/os-release', '../usr/lib/os-release'),
      dir('usr'),
      dir('usr/lib'),
      file('usr/lib/os-release'),
      link('loop-a', 'loop-b'),
      link('loop-b', 'loop-a'),
      link('escape', '../../../../../../etc/os-release'),
      link('self', '.'),
      link('abs', '/usr/lib/os-release'),
    ]),
  ]);

  it.each([
    ['etc/os-release', 'usr/lib/os-release'],
    ['abs', 'usr/lib/os-release'],
    ['escape', 'usr/lib/os-release'],
    ['self/self/self/etc/os-release', 'usr/lib/os-release'],
  ])('%s resolves inside the image to %s', (path, expected) => {
    const result = fs.resolve(path);
    expect(result).toMatchObject({ found: true, path: expected });
  });

  it('cuts symlink loops off', () => {
    expect(fs.resolve('loop-a')).toEqual({ found: false, path: expect.any(String), reason: 'loop' });
  });

  it('reports a missing path', () => {
    expect(fs.resolve('etc/passwd')).toEqual({ found: false, path: 'etc/passwd', reason: 'missing' });
  });

  it('does not follow the last component when asked not to', () => {
    expect(fs.resolve('etc/os-release', { followLast: false })).toMatchObject({ found: true, path: 'etc/os-release' });
  });
});
