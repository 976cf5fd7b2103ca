import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../image.ts';
import { tarLayerEntries } from '../layer-stream.ts';
import { localLayerEntries } from '../sources/archive/local-layer.ts';
import { memoryLayer, tarBytes } from '../testing/test-layers.ts';
import { entryAt, indexEntries } from './layer-index.ts';
import { walkLayer } from './walk-layer.ts';

describe('walkLayer', () => {
  it('indexes every entry, records whiteouts, and buffers only wanted files', async () => {
    const tar = await tarBytes([
      { name: './etc/', type: 'directory' },
      { name: './etc/os-release', content: 'ID=test\n' },
      { name: './etc/other', content: 'nope' },
      { name: './usr/.wh.old', content: '' },
      { name: './var/.wh..wh..opq', content: '' },
      { name: './lib', type: 'symlink', linkname: 'usr/lib' },
    ]);
    const walked = await walkLayer(memoryLayer(tar), { wants: (path) => path === 'etc/os-release' });
    expect(indexEntries(walked.index).map((entry) => [entry.path, entry.type, entry.linkTarget ?? null])).toEqual([
      ['etc', 'directory', null],
      ['etc/os-release', 'file', null],
      ['etc/other', 'file', null],
      ['lib', 'symlink', 'usr/lib'],
    ]);
    expect(walked.index.whiteouts).toEqual(['usr/old']);
    expect(walked.index.opaqueDirs).toEqual(['var']);
    expect([...walked.files.keys()]).toEqual(['etc/os-release']);
    expect(Buffer.from(walked.files.get('etc/os-release') ?? []).toString()).toBe('ID=test\n');
  });

  it('skips wanted files above the size cap and says so', async () => {
    const tar = await tarBytes([{ name: 'big.bin', content: Buffer.alloc(5000) }]);
    const walked = await walkLayer(memoryLayer(tar), { wants: () => true, maxFileSize: 1000 });
    expect(walked.files.size).toBe(0);
    expect(walked.skipped).toEqual([{ path: 'big.bin', reason: 'larger than the 1000-byte file size cap' }]);
  });

  it('gives a wanted hard link the content of its target, even when the target was not wanted', async () => {
    const tar = await tarBytes([
      { name: 'usr/bin/perl5.36', content: 'PERL' },
      { name: 'usr/bin/perl', type: 'link', linkname: 'usr/bin/perl5.36' },
    ]);
    const walked = await walkLayer(memoryLayer(tar), { wants: (path) => path === 'usr/bin/perl' });
    expect(Buffer.from(walked.files.get('usr/bin/perl') ?? []).toString()).toBe('PERL');
    expect(entryAt(walked.index, 1)).toMatchObject({ type: 'hardlink', linkTarget: 'usr/bin/perl5.36', size: 4 });
  });

  it('hands files wanted in parts to onFileParts where the layer can seek, and whole everywhere else', async () => {
    const tar = await tarBytes([
      { name: 'usr/bin/app', content: 'ELF-ish content', mode: 0o755 },
      { name: 'etc/conf', content: 'x' },
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'lucent-walk-'));
    try {
      const path = join(dir, 'layer.tar');
      await writeFile(path, tar);
      const seekable: Layer = {
        ...memoryLayer(tar),
        entries: (options) =>
          localLayerEntries({ path, range: { start: 0, length: tar.length } }, { describe: 'l' }, options),
      };
      const seen: string[] = [];
      const options = {
        wants: () => true,
        wantsParts: (name: string) => name === 'usr/bin/app',
        onFile: (file: { path: string }, content: Uint8Array) => {
          seen.push(`whole ${file.path} ${Buffer.from(content)}`);
        },
        onFileParts: async (
          file: { path: string },
          access: { size: number; read: (o: number, l: number) => Promise<Uint8Array> },
        ) => {
          seen.push(
            `parts ${file.path} ${access.size} ${Buffer.from(await access.read(4, 3))} ${(await access.read(14, 9)).length}`,
          );
        },
      };
      await walkLayer(seekable, options);
      expect(seen).toEqual(['parts usr/bin/app 15 ish 1', 'whole etc/conf x']);
      seen.length = 0;
      await walkLayer(memoryLayer(tar), options);
      expect(seen).toEqual(['whole usr/bin/app ELF-ish content', 'whole etc/conf x']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets a later entry of the same path replace an earlier one, at the end, and says so', async () => {
    const tar = await tarBytes([
      { name: 'a', content: 'first' },
      { name: 'b', content: 'one' },
      { name: 'c', content: 'c' },
      { name: 'a/', type: 'directory' },
      { name: 'b', content: 'two' },
    ]);
    const delivered: string[] = [];
    const replaced: string[] = [];
    const walked = await walkLayer(memoryLayer(tar), {
      wants: () => true,
      onFile: (file, content) => {
        delivered.push(`${file.path}=${Buffer.from(content)}`);
      },
      onReplaced: (path) => replaced.push(path),
    });
    expect(indexEntries(walked.index).map((entry) => `${entry.path}:${entry.type}`)).toEqual([
      'c:file',
      'a:directory',
      'b:file',
    ]);
    expect(delivered).toEqual(['a=first', 'b=one', 'c=c', 'b=two']);
    expect(replaced).toEqual(['a', 'b']);
  });

  it('keeps memory bounded on a 1 GB layer', async () => {
    const layer = generatedLayer(1024, 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const walked = await walkLayer(layer, { wants: (path) => path.endsWith('0.bin') });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(walked.index.paths).toHaveLength(1024);
    // 103 wanted files of 1 MiB each are buffered on purpose; the other 921 MiB must stream through.
    expect(walked.files.size).toBe(103);
    expect(peak - before).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);
});

/** A layer of `count` files of `size` bytes each, generated on the fly (never held in memory as a whole). */
function generatedLayer(count: number, size: number): Layer {
  const open = async () => {
    const archive = pack();
    const chunk = Buffer.alloc(size, 0x61);
    (async () => {
      for (let i = 0; i < count; i++) {
        await new Promise<void>((resolve, reject) => {
          archive.entry({ name: `data/${i}.bin`, size }, chunk, (error) => (error ? reject(error) : resolve()));
        });
      }
      archive.finalize();
    })();
    return Readable.from(archive as AsyncIterable<Uint8Array>);
  };
  return {
    index: 0,
    digest: 'generated',
    diffId: 'generated',
    mediaType: 'test',
    size: count * size,
    entries: (options) => tarLayerEntries(open, { describe: 'generated layer' }, options),
  };
}
