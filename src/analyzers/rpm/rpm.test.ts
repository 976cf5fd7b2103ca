import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { FoundPackage } from '../../core/package.ts';
import { readBerkeleyHashValues } from './bdb.ts';
import { readHeader } from './header.ts';
import { rpmAnalyzer } from './index.ts';
import { readNdbBlobs } from './ndb.ts';
import { packagesFromBlobs, parseRpmDatabase, parseSourceRpm } from './parse.ts';

// Databases built by test/fixtures/rpm/build.sh with Debian's rpm; expected.tsv is `rpm -qa` on each.
const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/rpm/${path}`, import.meta.url));
const layer = { index: 0, diffId: 'sha256:0' };

/** `rpm -qa --qf '%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{SOURCERPM}\t%{LICENSE}\n'` rows. */
function expectedRows(backend: string): string[] {
  return fixture(`${backend}/expected.tsv`).toString('utf8').trim().split('\n').sort();
}

function rows(packages: FoundPackage[]): string[] {
  return packages
    .map((pkg) => {
      const [version, release] = pkg.version.split(/-(?=[^-]+$)/);
      const source = pkg.source ? `${pkg.source.name}-${pkg.source.version}.src.rpm` : '';
      return [
        pkg.name,
        pkg.qualifiers?.epoch ?? '0',
        version,
        release,
        pkg.qualifiers?.arch,
        source,
        pkg.licenses?.[0],
      ];
    })
    .map((fields) => fields.join('\t'))
    .sort();
}

/** The header blobs of the SQLite fixture, to build other backends from. */
function fixtureBlobs(): Uint8Array[] {
  const bytes = new Uint8Array(fixture('sqlite/rpmdb.sqlite'));
  bytes[18] = 1;
  bytes[19] = 1;
  const db = new DatabaseSync(':memory:');
  db.deserialize(bytes);
  const blobs = (db.prepare('SELECT blob FROM Packages ORDER BY hnum').all() as { blob: Uint8Array }[]).map(
    (row) => row.blob,
  );
  db.close();
  return blobs;
}

/**
 * An NDB `Packages.db` as rpm's lib/backend/ndb/rpmpkg.c lays it out (header, one slot page, blobs at 16-byte
 * blocks). Debian's rpm is built without the ndb backend, so this is the only NDB file the tests can have.
 */
function ndbFile(blobs: Uint8Array[], freeSlotFirst = true): Buffer {
  const slotPage = Buffer.alloc(4096);
  slotPage.write('RpmP', 0, 'latin1');
  slotPage.writeUInt32LE(0, 4);
  slotPage.writeUInt32LE(1, 8);
  slotPage.writeUInt32LE(1, 12);
  slotPage.writeUInt32LE(blobs.length + 1, 16);
  for (let at = 32; at < 4096; at += 16) slotPage.write('Slot', at, 'latin1');
  const chunks: Buffer[] = [slotPage];
  let block = 4096 / 16;
  let slot = freeSlotFirst ? 48 : 32;
  blobs.forEach((blob, index) => {
    const length = 16 + blob.byteLength;
    const blocks = Math.ceil(length / 16);
    const chunk = Buffer.alloc(blocks * 16);
    chunk.write('BlbS', 0, 'latin1');
    chunk.writeUInt32LE(index + 1, 4);
    chunk.writeUInt32LE(1, 8);
    chunk.writeUInt32LE(blob.byteLength, 12);
    chunk.set(blob, 16);
    slotPage.writeUInt32LE(index + 1, slot + 4);
    slotPage.writeUInt32LE(block, slot + 8);
    slotPage.writeUInt32LE(blocks, slot + 12);
    chunks.push(chunk);
    block += blocks;
    slot += 16;
  });
  return Buffer.concat(chunks);
}

describe('parseRpmDatabase', () => {
  it.each(['sqlite/rpmdb.sqlite', 'bdb/Packages'])('%s gives what rpm -qa gives', (path) => {
    const { packages, unknowns } = parseRpmDatabase(fixture(path));
    expect(unknowns).toEqual([]);
    expect(rows(packages)).toEqual(expectedRows(path.split('/')[0] as string));
  });

  it('NDB (synthetic, see ndbFile) gives the same packages as SQLite', () => {
    const { packages, unknowns } = parseRpmDatabase(ndbFile(fixtureBlobs()));
    expect(unknowns).toEqual([]);
    expect(rows(packages)).toEqual(expectedRows('sqlite'));
  });

  it('reads name, version-release, epoch and arch qualifiers, license, source and requires', () => {
    expect(parseRpmDatabase(fixture('sqlite/rpmdb.sqlite')).packages).toEqual([
      {
        type: 'rpm',
        name: 'lucent-hello',
        version: '1.2.3-4.fixture',
        qualifiers: { arch: 'noarch', epoch: '2' },
        licenses: ['MIT AND (Apache-2.0 OR GPL-2.0-or-later)'],
        source: { name: 'lucent-hello', version: '1.2.3-4.fixture' },
      },
      {
        type: 'rpm',
        name: 'lucent-world',
        version: '0.9-1',
        qualifiers: { arch: 'x86_64' },
        licenses: ['BSD-3-Clause'],
        source: { name: 'lucent-world', version: '0.9-1' },
        dependsOn: ['rpm:lucent-hello@1.2.3-4.fixture'],
      },
    ]);
  });

  it('refuses bytes that are no rpm database', () => {
    expect(() => parseRpmDatabase(Buffer.from('not a database at all'))).toThrow(/not an rpm database/);
  });
});

describe('broken input', () => {
  it('a broken header blob is an unknown; the other packages are still listed', () => {
    const [first, second] = fixtureBlobs() as [Uint8Array, Uint8Array];
    const result = packagesFromBlobs({ blobs: [first.subarray(0, 100), second, new Uint8Array(4)], problems: [] });
    expect(result.packages.map((pkg) => pkg.name)).toEqual(['lucent-world']);
    expect(result.unknowns).toEqual([
      'header 1: rpm header claims 61 entries and 928 data bytes in 100 bytes',
      'header 3: rpm header of 4 bytes is too short',
    ]);
  });

  it('a BerkeleyDB file cut inside its overflow pages reports what it lost', () => {
    const bytes = fixture('bdb/Packages');
    const result = readBerkeleyHashValues(bytes.subarray(0, bytes.byteLength - 1024));
    expect(result.problems).toEqual(['page 1: bad overflow page 9']);
    expect(packagesFromBlobs(result).packages.map((pkg) => pkg.name)).toEqual(['lucent-hello']);
  });

  it('an NDB slot pointing outside the file is an unknown', () => {
    const file = ndbFile(fixtureBlobs(), false);
    file.writeUInt32LE(0xfffffff, 32 + 8);
    expect(readNdbBlobs(file).problems).toEqual(['package 1: blob outside the file']);
    expect(readNdbBlobs(file).blobs).toHaveLength(1);
  });

  it('an NDB header claiming more slot pages than the file holds is refused', () => {
    const file = ndbFile(fixtureBlobs());
    file.writeUInt32LE(0x1000001, 12);
    expect(() => readNdbBlobs(file)).toThrow(/slot pages/);
  });

  it('a header string without its NUL is refused', () => {
    const blob = Buffer.alloc(8 + 16 + 3);
    blob.writeUInt32BE(1, 0);
    blob.writeUInt32BE(3, 4);
    blob.writeUInt32BE(1000, 8);
    blob.writeUInt32BE(6, 12);
    blob.writeUInt32BE(0, 16);
    blob.writeUInt32BE(1, 20);
    blob.write('abc', 24);
    expect(() => readHeader(blob)).toThrow(/terminating NUL/);
  });
});

describe('rpm fields', () => {
  it.each([
    ['bash-5.1.8-9.el9.src.rpm', { name: 'bash', version: '5.1.8-9.el9' }],
    ['python3.11-pip-22.3.1-4.el9.src.rpm', { name: 'python3.11-pip', version: '22.3.1-4.el9' }],
    ['kernel-5.14.0-362.8.1.el9_3.nosrc.rpm', { name: 'kernel', version: '5.14.0-362.8.1.el9_3' }],
    ['(none)', undefined],
    [undefined, undefined],
  ])('SOURCERPM %j', (file, expected) => {
    expect(parseSourceRpm(file)).toEqual(expected);
  });
});

describe('rpmAnalyzer', () => {
  it.each([
    ['var/lib/rpm/Packages', true],
    ['var/lib/rpm/Packages.db', true],
    ['var/lib/rpm/rpmdb.sqlite', true],
    ['usr/lib/sysimage/rpm/rpmdb.sqlite', true],
    ['usr/lib/sysimage/rpm/Packages', true],
    ['var/lib/rpm/Name', false],
    ['var/lib/rpm/rpmdb.sqlite-wal', false],
    ['var/lib/rpm/x/Packages', false],
  ])('required(%s) = %s', (path, expected) => {
    expect(rpmAnalyzer.required(path, { size: 100, mode: 0o644 })).toBe(expected);
  });

  it('analyzes one database file', async () => {
    const result = await rpmAnalyzer.analyze({ path: 'var/lib/rpm/Packages', content: fixture('bdb/Packages'), layer });
    expect(result.packages.map((pkg) => pkg.name).sort()).toEqual(['lucent-hello', 'lucent-world']);
    expect(result.unknowns).toBeUndefined();
  });
});
