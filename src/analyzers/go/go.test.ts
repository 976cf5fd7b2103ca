import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageKey } from '../../core/package.ts';
import { bytesReader, type FileReader } from '../analyzer.ts';
import { buildElf } from './__fixtures__/elf.ts';
import { buildMachO, buildPe, PE_DATA } from './__fixtures__/pe-macho.ts';
import { readGoBuildInfo, readGoBuildInfoFrom } from './buildinfo.ts';
import { parseBytes } from './byte-ranges.ts';
import { readExecutable } from './executable.ts';
import { goModPackages, parseGoMod } from './go-mod.ts';
import { goAnalyzer } from './index.ts';
import { buildInfoPackages, parseModinfo, stdlibVersion } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const keys = (packages: Parameters<typeof packageKey>[0][]) => packages.map(packageKey);
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MODINFO = 'path\texample.com/hello\nmod\texample.com/hello\tv1.0.0\t\ndep\tgolang.org/x/text\tv0.14.0\th1:x=\n';
/** The modinfo string as the linker writes it: wrapped in two 16-byte sentinels. */
const wrapped = (text: string) => Buffer.concat([Buffer.alloc(16, 0x30), Buffer.from(text), Buffer.alloc(16, 0xf9)]);

function varintString(bytes: Uint8Array): Buffer {
  const length: number[] = [];
  let n = bytes.length;
  while (n >= 0x80) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Buffer.concat([Buffer.from(length), bytes]);
}

/** A Go ≥ 1.18 header: magic, pointer size, flags = inline strings, padding to 32, then the strings. */
function inlineBuildInfo(version: string, modinfo: Uint8Array): Buffer {
  const header = Buffer.alloc(32);
  MAGIC.copy(header);
  header[14] = 8;
  header[15] = 2;
  return Buffer.concat([header, varintString(Buffer.from(version)), varintString(modinfo)]);
}

/** A Go 1.13–1.17 layout: the header points at two string headers in a data section. */
function pointerBuildInfo(version: string, modinfo: Uint8Array, ptrSize: 4 | 8, bigEndian: boolean) {
  const dataAddr = 0x2000;
  const versionBytes = Buffer.from(version);
  const headers = Buffer.alloc(4 * ptrSize);
  const put = (at: number, value: number) =>
    ptrSize === 8
      ? bigEndian
        ? headers.writeBigUInt64BE(BigInt(value), at)
        : headers.writeBigUInt64LE(BigInt(value), at)
      : bigEndian
        ? headers.writeUInt32BE(value, at)
        : headers.writeUInt32LE(value, at);
  const stringsAt = dataAddr + headers.length;
  put(0, stringsAt);
  put(ptrSize, versionBytes.length);
  put(2 * ptrSize, stringsAt + versionBytes.length);
  put(3 * ptrSize, modinfo.length);
  const header = Buffer.alloc(32);
  MAGIC.copy(header);
  header[14] = ptrSize;
  header[15] = bigEndian ? 1 : 0;
  const pointers = Buffer.alloc(2 * ptrSize);
  const target = [dataAddr, dataAddr + 2 * ptrSize];
  target.forEach((value, i) => {
    if (ptrSize === 8)
      bigEndian ? pointers.writeBigUInt64BE(BigInt(value), i * 8) : pointers.writeBigUInt64LE(BigInt(value), i * 8);
    else bigEndian ? pointers.writeUInt32BE(value, i * 4) : pointers.writeUInt32LE(value, i * 4);
  });
  pointers.copy(header, 16);
  return buildElf(
    [
      { name: '.go.buildinfo', addr: 0x1000, data: header, writable: true },
      { name: '.data', addr: dataAddr, data: Buffer.concat([headers, versionBytes, modinfo]), writable: true },
    ],
    { is64: ptrSize === 8, bigEndian },
  );
}

describe('parseModinfo', () => {
  it('reads path, main module, deps with replacements and build settings', () => {
    const info = parseModinfo(fixture('modinfo.txt'));
    expect(info.path).toBe('example.com/app/cmd/app');
    expect(info.main).toEqual({ path: 'example.com/app', version: 'v1.4.0' });
    expect(info.deps).toEqual([
      { path: 'github.com/google/uuid', version: 'v1.6.0' },
      { path: 'golang.org/x/text', version: 'v0.3.0', replace: { path: 'golang.org/x/text', version: 'v0.14.0' } },
      { path: 'example.com/local', version: 'v1.0.0', replace: { path: '../local', version: '' } },
    ]);
    expect(info.settings['-ldflags']).toBe('-s -w');
    expect(info.settings['vcs.revision']).toBe('0123456789abcdef0123456789abcdef01234567');
  });

  it('lists the main module, replaced deps under the replacement, no local replacement, and stdlib', () => {
    expect(keys(buildInfoPackages('go1.22.1', parseModinfo(fixture('modinfo.txt'))))).toEqual([
      'golang:example.com/app@v1.4.0',
      'golang:github.com/google/uuid@v1.6.0',
      'golang:golang.org/x/text@v0.14.0',
      'golang:stdlib@1.22.1',
    ]);
  });

  it.each([
    ['a (devel) build without VCS stamps', 'mod\texample.com/app\t(devel)\t\n', []],
    [
      'a (devel) build with VCS stamps',
      'mod\texample.com/app\t(devel)\t\nbuild\tvcs.revision=0123456789abcdef99\nbuild\tvcs.time=2024-02-03T04:05:06Z\n',
      ['golang:example.com/app@v0.0.0-20240203040506-0123456789ab'],
    ],
    [
      'a (devel) build from a modified tree',
      'mod\tx.io/app\t(devel)\t\nbuild\tvcs.revision=01234567\nbuild\tvcs.time=2024-02-03T04:05:06Z\nbuild\tvcs.modified=true\n',
      [],
    ],
    ['a dependency without a version', 'dep\texample.com/x\t(devel)\t\ndep\texample.com/y\t\t\n', []],
    ['a GOPATH build (no modules)', 'path\tgithub.com/docker/distribution/cmd/registry\nbuild\tGOOS=linux\n', []],
  ])('main module of %s', (_name, text, expected) => {
    expect(keys(buildInfoPackages('devel go1.23-abc', parseModinfo(text)))).toEqual(expected);
  });
});

describe('stdlibVersion', () => {
  it.each([
    ['go1.22.1', '1.22.1'],
    ['go1.23.0 X:boringcrypto', '1.23.0'],
    ['go1.21rc2', '1.21rc2'],
    ['devel go1.23-abcdef', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(stdlibVersion(text)).toBe(expected);
  });
});

describe('go.mod', () => {
  it('lists requirements with replacements, skipping local replacements and the module itself', () => {
    const { file, problems } = parseGoMod(fixture('go.mod'));
    expect(problems).toEqual([]);
    expect(file.module).toBe('example.com/app');
    expect(file.requires.filter((r) => r.indirect).map((r) => r.path)).toEqual(['golang.org/x/sys']);
    expect(keys(goModPackages(file))).toEqual([
      'golang:github.com/docker/distribution@v2.8.2+incompatible',
      'golang:github.com/sirupsen/logrus@v1.9.0',
      'golang:golang.org/x/sys@v0.15.0',
      'golang:example.com/quoted@v0.1.0',
      'golang:example.com/fork@v1.1.1',
    ]);
  });

  it('reports malformed lines and keeps the rest', () => {
    const { file, problems } = parseGoMod('module m\nrequire a.io/x\nrequire b.io/y v1.0.0\nreplace => z\n');
    expect(problems).toEqual(['line 2: malformed require', 'line 4: malformed replace']);
    expect(keys(goModPackages(file))).toEqual(['golang:b.io/y@v1.0.0']);
  });
});

describe('readGoBuildInfo', () => {
  it('reads the Go ≥ 1.18 inline layout from a .go.buildinfo section', () => {
    const elf = buildElf([
      { name: '.go.buildinfo', addr: 0x1000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)), writable: true },
    ]);
    expect(readGoBuildInfo(elf)).toEqual({ goVersion: 'go1.21.0', modinfo: MODINFO });
  });

  it.each([
    [8, false],
    [4, false],
    [8, true],
    [4, true],
  ] as const)('reads the pointer layout (pointer size %d, big-endian %s)', (ptrSize, bigEndian) => {
    const elf = pointerBuildInfo('go1.16.15', wrapped(MODINFO), ptrSize, bigEndian);
    expect(parseBytes(readExecutable(elf.length), elf)?.ptrSize).toBe(ptrSize);
    expect(readGoBuildInfo(elf)).toEqual({ goVersion: 'go1.16.15', modinfo: MODINFO });
  });

  it.each([
    [
      'a PE file (first writable data section)',
      buildPe([
        { name: '.text', addr: 0x1000, data: Buffer.alloc(64), flags: 0x60000020 },
        { name: '.rdata', addr: 0x2000, data: inlineBuildInfo('go0.0.0', wrapped('decoy\n')), flags: 0x40000040 },
        {
          name: '.data',
          addr: 0x3000,
          data: Buffer.concat([Buffer.alloc(48), inlineBuildInfo('go1.21.0', wrapped(MODINFO))]),
          flags: PE_DATA,
        },
      ]),
    ],
    [
      'a Mach-O __go_buildinfo section',
      buildMachO([
        { name: '__data', addr: 0x100000000, data: Buffer.alloc(32) },
        { name: '__go_buildinfo', addr: 0, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) },
      ]),
    ],
    [
      'a Mach-O __DATA segment (no named section)',
      buildMachO([
        {
          name: '__data',
          addr: 0x100000000,
          data: Buffer.concat([Buffer.alloc(16), inlineBuildInfo('go1.21.0', wrapped(MODINFO))]),
        },
      ]),
    ],
  ])('reads %s', (_name, bytes) => {
    expect(readGoBuildInfo(bytes)).toEqual({ goVersion: 'go1.21.0', modinfo: MODINFO });
  });

  it('gives an empty modinfo when the sentinels are missing (built outside module mode)', () => {
    const elf = buildElf([{ name: '.go.buildinfo', addr: 0, data: inlineBuildInfo('go1.20', Buffer.from('x')) }]);
    expect(readGoBuildInfo(elf)).toEqual({ goVersion: 'go1.20', modinfo: '' });
  });

  it.each([
    ['not an executable', Buffer.from('#!/bin/sh\necho hello\n'.repeat(10))],
    ['an ELF without build info', buildElf([{ name: '.text', addr: 0x1000, data: Buffer.alloc(64) }])],
    [
      'a misaligned magic',
      buildElf([
        {
          name: '.go.buildinfo',
          addr: 0,
          data: Buffer.concat([Buffer.alloc(3), inlineBuildInfo('go1.2', wrapped(MODINFO))]),
        },
      ]),
    ],
    [
      'a string length past the end',
      buildElf([
        {
          name: '.go.buildinfo',
          addr: 0,
          data: Buffer.concat([
            inlineBuildInfo('', Buffer.alloc(0)).subarray(0, 32),
            Buffer.from([0xff, 0xff, 0xff, 0x7f]),
          ]),
        },
      ]),
    ],
    [
      'pointers to nowhere',
      pointerBuildInfo('go1.16', wrapped(MODINFO), 8, false).map((b, i) => (i >= 64 + 16 && i < 64 + 24 ? 0xee : b)),
    ],
  ])('returns undefined for %s', (_name, bytes) => {
    expect(readGoBuildInfo(bytes)).toBeUndefined();
  });

  it.each([
    ['ELF', pointerBuildInfo('go1.16', wrapped(MODINFO), 8, false)],
    [
      'PE',
      buildPe([{ name: '.data', addr: 0x3000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)), flags: PE_DATA }]),
    ],
    [
      'Mach-O',
      buildMachO([{ name: '__go_buildinfo', addr: 0x1000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) }]),
    ],
  ])('never throws on a truncated or corrupted %s file', (_format, file) => {
    for (let length = 0; length < file.length; length += 7) {
      expect(() => readGoBuildInfo(file.subarray(0, length))).not.toThrow();
    }
    for (let at = 0; at < Math.min(file.length, 400); at++) {
      for (const value of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
        const corrupted = Uint8Array.from(file);
        corrupted[at] = value;
        expect(() => readGoBuildInfo(corrupted)).not.toThrow();
      }
    }
  });
});

/** A reader over bytes that counts what is read. */
function countingReader(bytes: Uint8Array): FileReader & { bytesRead: number; reads: number } {
  const whole = bytesReader(bytes);
  const reader = {
    size: whole.size,
    bytesRead: 0,
    reads: 0,
    read: async (offset: number, length: number) => {
      const part = await whole.read(offset, length);
      reader.bytesRead += part.length;
      reader.reads += 1;
      return part;
    },
  };
  return reader;
}

describe('readGoBuildInfoFrom (random access)', () => {
  it('reads only the headers and the build info of a large executable', async () => {
    const elf = buildElf([
      { name: '.text', addr: 0x1000, data: Buffer.alloc(4 * 1024 * 1024, 0x90) },
      { name: '.go.buildinfo', addr: 0x800000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) },
    ]);
    const file = countingReader(elf);
    expect(await readGoBuildInfoFrom(file)).toEqual({ goVersion: 'go1.21.0', modinfo: MODINFO });
    expect(file.bytesRead).toBeLessThan(4096);
  });

  it.each([
    ['ELF, pointer layout', pointerBuildInfo('go1.16.15', wrapped(MODINFO), 8, true)],
    [
      'PE',
      buildPe([{ name: '.data', addr: 0x3000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)), flags: PE_DATA }]),
    ],
    [
      'Mach-O',
      buildMachO([{ name: '__go_buildinfo', addr: 0x1000, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) }]),
    ],
    ['not an executable', Buffer.from('#!/bin/sh\necho hello\n'.repeat(10))],
  ])('gives the same answer as reading %s whole', async (_name, bytes) => {
    expect(await readGoBuildInfoFrom(bytesReader(bytes))).toEqual(readGoBuildInfo(bytes));
  });
});

describe('goAnalyzer', () => {
  it.each([
    ['usr/bin/app', { size: 2_000_000, mode: 0o755 }, true],
    ['usr/bin/app', { size: 2_000_000, mode: 0o644 }, false],
    ['usr/bin/tiny', { size: 1000, mode: 0o755 }, false],
    ['usr/bin/script.sh', { size: 2_000_000, mode: 0o755 }, false],
    ['app/tool.exe', { size: 2_000_000, mode: 0o644 }, true],
    ['src/app/go.mod', { size: 100, mode: 0o644 }, true],
    ['go.mod', { size: 100, mode: 0o644 }, true],
    ['src/app/go.sum', { size: 100, mode: 0o644 }, false],
  ])('required(%s, %j) is %s', (path, info, expected) => {
    expect(goAnalyzer.required(path, info)).toBe(expected);
  });

  it('analyzes a go.mod and an executable', async () => {
    const layer = { index: 0, diffId: 'sha256:0' };
    const gomod = await goAnalyzer.analyze({
      path: 'src/go.mod',
      content: Buffer.from('require a.io/b v1.2.3\n'),
      layer,
    });
    expect(keys(gomod.packages)).toEqual(['golang:a.io/b@v1.2.3']);
    const elf = buildElf([{ name: '.go.buildinfo', addr: 0, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) }]);
    expect(keys((await goAnalyzer.analyze({ path: 'usr/bin/hello', content: elf, layer })).packages)).toEqual([
      'golang:example.com/hello@v1.0.0',
      'golang:golang.org/x/text@v0.14.0',
      'golang:stdlib@1.21.0',
    ]);
  });

  it('reads executables in parts, go.mod files whole', async () => {
    expect(goAnalyzer.readsInParts('usr/bin/hello')).toBe(true);
    expect(goAnalyzer.readsInParts('src/go.mod')).toBe(false);
    const elf = buildElf([{ name: '.go.buildinfo', addr: 0, data: inlineBuildInfo('go1.21.0', wrapped(MODINFO)) }]);
    const layer = { index: 0, diffId: 'sha256:0' };
    const parts = await goAnalyzer.analyzeParts({ path: 'usr/bin/hello', file: bytesReader(elf), layer });
    expect(parts).toEqual(await goAnalyzer.analyze({ path: 'usr/bin/hello', content: elf, layer }));
    expect(parts.packages).toHaveLength(3);
  });
});
