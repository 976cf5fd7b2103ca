import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apkAnalyzer } from './index.ts';
import { apkDependencyName, parseApkInstalled } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const layer = { index: 0, diffId: 'sha256:0' };

describe('parseApkInstalled', () => {
  it('lists every package of Alpine 3.11 with arch, origin and license as written', () => {
    const { packages, unknowns } = parseApkInstalled(fixture('alpine-311-installed'));
    expect(unknowns).toEqual([]);
    expect(
      packages.map((pkg) => [pkg.name, pkg.version, pkg.qualifiers?.arch, pkg.source?.name, pkg.licenses?.join('|')]),
    ).toEqual([
      ['musl', '1.1.24-r2', 'x86_64', 'musl', 'MIT'],
      ['busybox', '1.31.1-r9', 'x86_64', 'busybox', 'GPL-2.0-only'],
      ['alpine-baselayout', '3.2.0-r3', 'x86_64', 'alpine-baselayout', 'GPL-2.0-only'],
      ['alpine-keys', '2.1-r2', 'x86_64', 'alpine-keys', 'MIT'],
      ['libcrypto1.1', '1.1.1d-r3', 'x86_64', 'openssl', 'OpenSSL'],
      ['libssl1.1', '1.1.1d-r3', 'x86_64', 'openssl', 'OpenSSL'],
      ['ca-certificates-cacert', '20191127-r1', 'x86_64', 'ca-certificates', 'MPL-2.0 GPL-2.0-or-later'],
      ['libtls-standalone', '2.9.1-r0', 'x86_64', 'libtls-standalone', 'ISC'],
      ['ssl_client', '1.31.1-r9', 'x86_64', 'busybox', 'GPL-2.0-only'],
      ['zlib', '1.2.11-r3', 'x86_64', 'zlib', 'Zlib'],
      ['apk-tools', '2.10.4-r3', 'x86_64', 'apk-tools', 'GPL2'],
      ['scanelf', '1.2.4-r0', 'x86_64', 'pax-utils', 'GPL-2.0-only'],
      ['musl-utils', '1.1.24-r2', 'x86_64', 'musl', 'MIT BSD GPL2+'],
      ['libc-utils', '0.7.2-r0', 'x86_64', 'libc-dev', 'BSD'],
    ]);
    // The source version is the package version (apk records no origin version).
    expect(packages.every((pkg) => pkg.source?.version === pkg.version)).toBe(true);
  });

  it('resolves D entries through names, so: and cmd: provides and paths', () => {
    const { packages } = parseApkInstalled(fixture('alpine-311-installed'));
    const edges = Object.fromEntries(packages.map((pkg) => [pkg.name, pkg.dependsOn ?? []]));
    // busybox: D:so:libc.musl-x86_64.so.1 (provided by musl); alpine-baselayout: D:/bin/sh so:libc… (busybox, musl).
    expect(edges.busybox).toEqual(['apk:musl@1.1.24-r2']);
    expect(edges['alpine-baselayout']).toEqual(['apk:busybox@1.31.1-r9', 'apk:musl@1.1.24-r2']);
    expect(edges['libc-utils']).toEqual(['apk:musl-utils@1.1.24-r2']);
    expect(edges.musl).toEqual([]);
  });

  it('resolves names with version constraints, skips conflicts and unknown names', () => {
    const text = [
      'P:a\nV:1-r0\nD:b>=2 !c cmd:tool so:libmissing.so.1\n',
      'P:b\nV:2-r0\np:cmd:tool=2-r0\n',
      'P:c\nV:3-r0\n',
    ].join('\n');
    expect(parseApkInstalled(text).packages[0]?.dependsOn).toEqual(['apk:b@2-r0']);
  });

  it.each([
    ['a record without V', 'P:a\nA:x86_64\n', ['record at line 1: no V (version) field']],
    ['a record without P', 'V:1\n', ['record at line 1: no P (name) field']],
    ['a line that is not X:value', 'P:a\nV:1\nbroken line\n', ['line 3: not an "X:value" line']],
  ])('reports %s as an unknown and keeps the rest', (_case, broken, unknowns) => {
    const result = parseApkInstalled(`${broken}\nP:kept\nV:2-r0\n`);
    expect(result.unknowns).toEqual(unknowns);
    expect(result.packages.map((pkg) => pkg.name)).toContain('kept');
  });

  it('defaults the origin to the package name and reads CRLF', () => {
    expect(parseApkInstalled('P:x\r\nV:1-r0\r\n').packages).toEqual([
      { type: 'apk', name: 'x', version: '1-r0', source: { name: 'x', version: '1-r0' } },
    ]);
  });

  it.each([
    ['so:libc.musl-x86_64.so.1=1', 'so:libc.musl-x86_64.so.1'],
    ['musl>=1.2', 'musl'],
    ['busybox~1.31', 'busybox'],
    ['!conflict', undefined],
    ['/bin/sh', '/bin/sh'],
  ])('dependency name of %s', (entry, expected) => {
    expect(apkDependencyName(entry)).toBe(expected);
  });
});

describe('apkAnalyzer', () => {
  it('asks only for the installed database', () => {
    const info = { size: 100, mode: 0o644 };
    expect(apkAnalyzer.required('lib/apk/db/installed', info)).toBe(true);
    expect(apkAnalyzer.required('lib/apk/db/triggers', info)).toBe(false);
    expect(apkAnalyzer.required('usr/lib/apk/db/installed', info)).toBe(false);
  });

  it('returns unknowns beside the packages', async () => {
    const content = Buffer.from('P:a\nV:1-r0\nA:aarch64\nL:MIT\no:base\n\nP:b\n');
    expect(await apkAnalyzer.analyze({ path: 'lib/apk/db/installed', content, layer })).toEqual({
      packages: [
        {
          type: 'apk',
          name: 'a',
          version: '1-r0',
          qualifiers: { arch: 'aarch64' },
          licenses: ['MIT'],
          source: { name: 'base', version: '1-r0' },
        },
      ],
      unknowns: ['record at line 7: no V (version) field'],
    });
  });
});
