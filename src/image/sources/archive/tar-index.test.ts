import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tarBytes } from '../../testing/test-layers.ts';
import { indexTarFile, tarMembers } from './tar-index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-tar-index-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A raw ustar header block with a valid checksum; `size` may be a base-256 field. */
function header(fields: { name: string; type: string; size?: number | Buffer; linkname?: string }): Buffer {
  const block = Buffer.alloc(512);
  block.write(fields.name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 'ascii');
  block.write('0001750\0', 108, 'ascii');
  block.write('0001750\0', 116, 'ascii');
  if (Buffer.isBuffer(fields.size)) fields.size.copy(block, 124);
  else block.write(`${(fields.size ?? 0).toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write('00000000000\0', 136, 'ascii');
  block.write(fields.type, 156, 'ascii');
  if (fields.linkname) block.write(fields.linkname, 157, 100, 'utf8');
  block.write('ustar\x0000', 257, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function padded(content: Buffer): Buffer {
  return Buffer.concat([content, Buffer.alloc((512 - (content.length % 512)) % 512)]);
}

describe('indexTarFile', () => {
  it('reads pax long names, GNU long names and links, base-256 sizes, and keeps the last of duplicates', async () => {
    const gnuName = `${'d/'.repeat(70)}gnu-file`;
    const gnuLink = `${'l/'.repeat(70)}target`;
    const base256 = Buffer.alloc(12);
    base256[0] = 0x80;
    base256.writeUInt32BE(3, 8);
    const tar = Buffer.concat([
      header({ name: '././@LongLink', type: 'L', size: gnuName.length + 1 }),
      padded(Buffer.from(`${gnuName}\0`)),
      header({ name: 'short', type: '0', size: 2 }),
      padded(Buffer.from('hi')),
      header({ name: '././@LongLink', type: 'K', size: gnuLink.length + 1 }),
      padded(Buffer.from(`${gnuLink}\0`)),
      header({ name: 'hard', type: '1', linkname: 'ignored' }),
      header({ name: 'big', type: '0', size: base256 }),
      padded(Buffer.from('abc')),
      header({ name: './short', type: '5' }),
      Buffer.alloc(1024),
    ]);
    const index = await indexTarFile(await write('raw.tar', tar));
    expect([...index.members.keys()]).toEqual([gnuName, 'hard', 'big', 'short']);
    expect(index.members.get(gnuName)).toMatchObject({ size: 2, type: '0', mode: 0o644, uid: 1000, gid: 1000 });
    expect(index.members.get('hard')).toMatchObject({ type: '1', linkname: gnuLink });
    expect(index.members.get('big')).toMatchObject({ size: 3, type: '0' });
    expect(index.members.get('short')).toMatchObject({ name: './short', type: '5' });
    expect((await index.read('big')).toString()).toBe('abc');
    expect((await index.read(gnuName)).toString()).toBe('hi');
  });

  it('reads pax headers and members spread over several read windows, in archive order', async () => {
    const long = `${'p/'.repeat(80)}pax-name`;
    const entries = [
      { name: long, content: 'pax' },
      ...Array.from({ length: 40 }, (_, i) => ({
        name: `f${i}`,
        content: Buffer.alloc(i % 3 === 0 ? 300_000 : 10, i),
      })),
    ];
    const path = await write('many.tar', await tarBytes(entries));
    const names: string[] = [];
    for await (const batch of tarMembers(path)) names.push(...batch.map((member) => member.name));
    expect(names).toEqual(entries.map((entry) => entry.name));
    const index = await indexTarFile(path);
    expect((await index.read('f38')).equals(Buffer.alloc(10, 38))).toBe(true);
    expect((await index.read('f38')).length).toBe(10);
    expect((await index.read(long)).toString()).toBe('pax');
    expect(await index.locate('f3')).toEqual({
      path,
      range: { start: index.members.get('f3')?.offset, length: 300_000 },
    });
    expect((await index.head('f3', 4)).equals(Buffer.alloc(4, 3))).toBe(true);
  });

  it('refuses a header with a bad checksum, naming where it is', async () => {
    const tar = await tarBytes([{ name: 'a', content: 'x' }]);
    tar[0] = 0x62;
    await expect(indexTarFile(await write('bad.tar', tar), 'the layer')).rejects.toThrow(
      'the layer is not a readable tar archive: bad header checksum at byte 0',
    );
  });

  it('refuses a truncated archive', async () => {
    const tar = await tarBytes([{ name: 'a', content: Buffer.alloc(2000) }]);
    await expect(indexTarFile(await write('short.tar', tar.subarray(0, 1024)), 'cut')).rejects.toThrow(
      'cut is not a readable tar archive: the archive is truncated',
    );
  });
});
