import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../analyzers/analyzer.ts';
import type { Image, Layer } from '../image/image.ts';
import { memoryCache } from '../image/testing/memory-cache.ts';
import { memoryLayer, tarBytes } from '../image/testing/test-layers.ts';
import { indexEntries } from '../image/walker/layer-index.ts';
import { analyzeLayers } from './analyze-layers.ts';

/** Reports one package per line of every `*.pkgs` file. */
const lines: Analyzer = {
  name: 'lines',
  version: 1,
  required: (path) => path.endsWith('.pkgs'),
  analyze: ({ content }) => ({
    packages: Buffer.from(content)
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((name) => ({ type: 'npm' as const, name, version: '1' })),
  }),
};

function imageOf(layers: Layer[]): Image {
  return { layers } as unknown as Image;
}

describe('analyzeLayers', () => {
  it('keeps only the findings of the last entry of a path shipped twice in a layer', async () => {
    const tar = await tarBytes([
      { name: 'a.pkgs', content: 'old\n' },
      { name: 'b.pkgs', content: 'kept\n' },
      { name: 'a.pkgs', type: 'directory' },
    ]);
    const [analyzed] = await analyzeLayers(imageOf([memoryLayer(tar)]), { cache: memoryCache(), analyzers: [lines] });
    expect(Object.keys(analyzed?.findings.lines?.files ?? {})).toEqual(['b.pkgs']);
  });

  it('stores the index and findings, and reads them back without walking the layer', async () => {
    const tar = await tarBytes([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/x.pkgs', content: 'one\ntwo\n' },
      { name: 'etc/link', type: 'symlink', linkname: 'x.pkgs' },
    ]);
    const cache = memoryCache();
    const layer = memoryLayer(tar);
    const [cold] = await analyzeLayers(imageOf([layer]), { cache, analyzers: [lines] });
    expect(cache.entries.size).toBe(2);
    const unreadable: Layer = {
      ...layer,
      entries: () => {
        throw new Error('the layer was read');
      },
    };
    const [warm] = await analyzeLayers(imageOf([unreadable]), { cache, analyzers: [lines] });
    expect(warm?.fromCache).toBe(true);
    expect(warm?.findings).toEqual(cold?.findings);
    expect(indexEntries(warm?.index ?? cold?.index ?? ({} as never))).toEqual([
      { path: 'etc', type: 'directory', size: 0, mode: 0o755, uid: 0, gid: 0 },
      { path: 'etc/x.pkgs', type: 'file', size: 8, mode: 0o644, uid: 0, gid: 0 },
      { path: 'etc/link', type: 'symlink', size: 0, mode: 0o644, uid: 0, gid: 0, linkTarget: 'x.pkgs' },
    ]);
  });
});
