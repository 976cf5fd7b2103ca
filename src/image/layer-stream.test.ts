import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LucentError } from '../core/errors.ts';
import { tarLayerEntries } from './layer-stream.ts';
import { memoryLayer, tarBytes } from './testing/test-layers.ts';

async function names(layer: ReturnType<typeof memoryLayer>, onIntegrityWarning?: (message: string) => void) {
  const out: string[] = [];
  for await (const entry of layer.entries(onIntegrityWarning ? { onIntegrityWarning } : {}))
    out.push(entry.header.name);
  return out;
}

describe('tarLayerEntries', () => {
  it.each(['none', 'gzip', 'zstd'] as const)('reads a %s layer and checks both digests', async (compression) => {
    const tar = await tarBytes([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/hostname', content: 'box\n' },
    ]);
    expect(await names(memoryLayer(tar, { compression }))).toEqual(['etc/', 'etc/hostname']);
  });

  it('fails on a diffID mismatch, naming the layer', async () => {
    const tar = await tarBytes([{ name: 'a', content: 'x' }]);
    const layer = memoryLayer(tar, { diffId: `sha256:${'0'.repeat(64)}` });
    await expect(names(layer)).rejects.toMatchObject({
      code: 'E_DIGEST_MISMATCH',
      message: expect.stringContaining('diffID) of layer 0'),
    });
  });

  it('reports a mismatch as a warning for a lenient source and still reads the content', async () => {
    const tar = await tarBytes([{ name: 'a', content: 'x' }]);
    const warnings: string[] = [];
    const layer = memoryLayer(tar, { diffId: `sha256:${'0'.repeat(64)}`, strict: false });
    expect(await names(layer, (message) => warnings.push(message))).toEqual(['a']);
    expect(warnings).toEqual([expect.stringContaining('digest mismatch for uncompressed content (diffID) of layer 0')]);
  });

  it('names the layer when its gzip data is truncated', async () => {
    const tar = await tarBytes([{ name: 'big', content: Buffer.alloc(200_000, 7) }]);
    const gz = gzipSync(tar);
    const entries = tarLayerEntries(async () => Readable.from([gz.subarray(0, gz.length - 40)]), {
      describe: 'layer 3 (sha256:abc)',
    });
    const run = async () => {
      for await (const entry of entries) await entry.discard();
    };
    const error = await run().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LucentError);
    expect(error).toMatchObject({
      code: 'E_LAYER_CORRUPT',
      message: expect.stringContaining('layer 3 (sha256:abc) is corrupt or truncated (gzip data)'),
    });
  });

  it('drops the eStargz table of contents, which is not part of the filesystem', async () => {
    const tar = await tarBytes([
      { name: 'app/', type: 'directory' },
      { name: 'app/x', content: 'x' },
      { name: 'stargz.index.json', content: '{}' },
    ]);
    expect(await names(memoryLayer(tar, { compression: 'gzip' }))).toEqual(['app/', 'app/x']);
  });
});
