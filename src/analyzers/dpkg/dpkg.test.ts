import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseParagraphs } from './control.ts';
import { parseCopyrightLicenses, spdxForDebianLicense } from './copyright.ts';
import { copyrightPackage } from './file-kind.ts';
import { dpkgAnalyzer } from './index.ts';
import { isInstalled, parseDpkgStatus, parseSource, relationshipNames } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const layer = { index: 0, diffId: 'sha256:0' };
const info = { size: 100, mode: 0o644 };

describe('parseDpkgStatus', () => {
  it('lists exactly the installed packages with versions, epochs, arch and source', () => {
    const { packages, unknowns } = parseDpkgStatus(fixture('status'));
    expect(unknowns).toEqual([]);
    expect(
      packages.map((pkg) => [pkg.name, pkg.version, pkg.qualifiers?.arch, pkg.source?.name, pkg.source?.version]),
    ).toEqual([
      ['adduser', '3.134', 'all', 'adduser', '3.134'],
      ['bsdutils', '1:2.38.1-5+deb12u3', 'amd64', 'util-linux', '2.38.1-5+deb12u3'],
      ['debconf', '1.5.82', 'all', 'debconf', '1.5.82'],
      ['diffutils', '1:3.3-1+b1', 'amd64', 'diffutils', '1:3.3-1'],
      ['gcc-12-base', '12.2.0-14+deb12u1', 'amd64', 'gcc-12', '12.2.0-14+deb12u1'],
      ['libc6', '2.36-9+deb12u14', 'amd64', 'glibc', '2.36-9+deb12u14'],
      ['libgcc-s1', '12.2.0-14+deb12u1', 'amd64', 'gcc-12', '12.2.0-14+deb12u1'],
      ['passwd', '1:4.13+dfsg1-1+deb12u2', 'amd64', 'shadow', '1:4.13+dfsg1-1+deb12u2'],
    ]);
  });

  it('links Depends and Pre-Depends to installed packages, by name or through Provides', () => {
    const { packages } = parseDpkgStatus(fixture('status'));
    const edges = Object.fromEntries(packages.map((pkg) => [pkg.name, pkg.dependsOn ?? []]));
    expect(edges).toEqual({
      adduser: ['deb:passwd@1:4.13+dfsg1-1+deb12u2'],
      bsdutils: ['deb:libc6@2.36-9+deb12u14'],
      debconf: [],
      diffutils: ['deb:debconf@1.5.82', 'deb:libc6@2.36-9+deb12u14'],
      'gcc-12-base': [],
      libc6: ['deb:libgcc-s1@12.2.0-14+deb12u1'],
      'libgcc-s1': ['deb:gcc-12-base@12.2.0-14+deb12u1', 'deb:libc6@2.36-9+deb12u14'],
      // libaudit1 is not in the file and libpam-modules only left its config files.
      passwd: ['deb:libc6@2.36-9+deb12u14'],
    });
  });

  it('counts every status.d paragraph as installed (no Status field there)', () => {
    const text = 'Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n\nPackage: netbase\nVersion: 6.4\n';
    expect(parseDpkgStatus(text, false).packages.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual([
      'tzdata@2024a-0+deb12u1',
      'netbase@6.4',
    ]);
    expect(parseDpkgStatus(text, true).packages).toEqual([]);
  });

  it.each([
    [
      'a paragraph without Version',
      'Package: a\nStatus: install ok installed\n',
      ['paragraph at line 1: no Version field'],
    ],
    ['a paragraph without Package', 'Version: 1\n', ['paragraph at line 1: no Package field']],
    [
      'a line that is not a field',
      'Package: a\nVersion: 1\ngarbage\n',
      ['paragraph at line 1: line 3: not a "Field: value" line'],
    ],
    [
      'a continuation line before any field',
      ' stray\nPackage: a\nVersion: 1\n',
      ['paragraph at line 1: line 1: continuation line without a field'],
    ],
  ])('reports %s as an unknown and keeps the rest', (_case, broken, unknowns) => {
    const text = `${broken}\nPackage: kept\nVersion: 2\n`;
    const result = parseDpkgStatus(text, false);
    expect(result.unknowns).toEqual(unknowns);
    expect(result.packages.map((pkg) => pkg.name)).toContain('kept');
  });

  it('reads CRLF files and an empty file', () => {
    expect(parseDpkgStatus('Package: a\r\nVersion: 1\r\n', false).packages).toEqual([
      { type: 'deb', name: 'a', version: '1', source: { name: 'a', version: '1' } },
    ]);
    expect(parseDpkgStatus('', true)).toEqual({ packages: [], unknowns: [] });
  });
});

describe('dpkg fields', () => {
  it.each([
    ['install ok installed', true],
    ['hold ok installed', true],
    ['install ok triggers-pending', true],
    ['deinstall ok config-files', false],
    ['install ok unpacked', false],
    ['install reinstreq half-installed', false],
    ['purge ok not-installed', false],
    [undefined, false],
  ])('Status %j installed: %s', (status, expected) => {
    expect(isInstalled(status)).toBe(expected);
  });

  it.each([
    [undefined, { name: 'libc-bin', version: '2.36-9+deb12u4+b1' }],
    ['glibc', { name: 'glibc', version: '2.36-9+deb12u4+b1' }],
    ['glibc (2.36-9+deb12u4)', { name: 'glibc', version: '2.36-9+deb12u4' }],
    ['gcc-defaults (1.136)', { name: 'gcc-defaults', version: '1.136' }],
    ['attr (1:2.4.47-2)', { name: 'attr', version: '1:2.4.47-2' }],
  ])('Source %j', (value, expected) => {
    expect(parseSource(value, 'libc-bin', '2.36-9+deb12u4+b1')).toEqual(expected);
  });

  it.each([
    ['libc6 (>= 2.34), libsystemd0', [['libc6'], ['libsystemd0']]],
    ['debconf (>= 0.5) | debconf-2.0', [['debconf', 'debconf-2.0']]],
    ['perl:any, libfoo [amd64 i386] <!nocheck>', [['perl'], ['libfoo']]],
    ['', []],
  ])('relationship %j', (value, expected) => {
    expect(relationshipNames(value)).toEqual(expected);
  });

  it('joins continuation lines to their field', () => {
    expect(parseParagraphs('A: 1\n 2\n\t3\nB: x')[0]?.fields).toEqual(
      new Map([
        ['a', '1\n2\n3'],
        ['b', 'x'],
      ]),
    );
  });
});

describe('copyright licenses', () => {
  it.each([
    ['rpm-copyright', ['GPL-2.0-or-later', 'LGPL-2.0-or-later', 'BSD-3-Clause']],
    ['base-files-copyright', undefined],
  ])('%s', (name, expected) => {
    expect(parseCopyrightLicenses(fixture(name))).toEqual(expected);
  });

  it('splits and/or/comma lists and keeps names it cannot map', () => {
    const text =
      'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n' +
      'Files: *\nLicense: GPL-1+ or Artistic, Expat and public-domain\n\n' +
      'Files: x\nLicense: GPL-2+ with OpenSSL exception\n\nLicense: Apache-2.0\n Text of the license.\n';
    expect(parseCopyrightLicenses(text)).toEqual([
      'GPL-1.0-or-later',
      'Artistic',
      'MIT',
      'public-domain',
      'GPL-2+ with OpenSSL exception',
      'Apache-2.0',
    ]);
  });

  it.each([
    ['GPL-2', 'GPL-2.0-only'],
    ['GPL-2+', 'GPL-2.0-or-later'],
    ['GPL-3.0+', 'GPL-3.0-or-later'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['lgpl-2.1', 'LGPL-2.1-only'],
    ['BSD-3-clause', 'BSD-3-Clause'],
    ['Expat', 'MIT'],
    ['Apache-2.0', 'Apache-2.0'],
    ['public-domain', 'public-domain'],
    ['Artistic', 'Artistic'],
  ])('%s → %s', (name, spdx) => {
    expect(spdxForDebianLicense(name)).toBe(spdx);
  });
});

describe('dpkgAnalyzer', () => {
  it.each([
    ['var/lib/dpkg/status', true],
    ['var/lib/dpkg/status-old', false],
    ['var/lib/dpkg/status.d/libc6', true],
    ['var/lib/dpkg/status.d/libc6.md5sums', false],
    ['var/lib/dpkg/status.d/', false],
    ['var/lib/dpkg/status.d/x/y', false],
    ['usr/share/doc/libc6/copyright', true],
    ['usr/share/doc/libc6/changelog.gz', false],
    ['usr/share/doc/libc6/examples/copyright', false],
  ])('required(%s) = %s', (path, expected) => {
    expect(dpkgAnalyzer.required(path, info)).toBe(expected);
    expect(copyrightPackage('usr/share/doc/libc6/copyright')).toBe('libc6');
  });

  it('returns DEP-5 licenses as a fact for the package the doc folder names', async () => {
    const result = await dpkgAnalyzer.analyze({
      path: 'usr/share/doc/rpm/copyright',
      content: Buffer.from(fixture('rpm-copyright')),
      layer,
    });
    expect(result).toEqual({
      packages: [],
      licenses: [{ type: 'deb', name: 'rpm', licenses: ['GPL-2.0-or-later', 'LGPL-2.0-or-later', 'BSD-3-Clause'] }],
    });
  });

  it('returns nothing for a free-form copyright file', async () => {
    const content = Buffer.from(fixture('base-files-copyright'));
    expect(await dpkgAnalyzer.analyze({ path: 'usr/share/doc/base-files/copyright', content, layer })).toEqual({
      packages: [],
    });
  });

  it('reads a status.d file without Status and reports broken paragraphs', async () => {
    const content = Buffer.from('Package: a\nVersion: 1\nArchitecture: arm64\n\nPackage: b\n');
    expect(await dpkgAnalyzer.analyze({ path: 'var/lib/dpkg/status.d/a', content, layer })).toEqual({
      packages: [
        { type: 'deb', name: 'a', version: '1', qualifiers: { arch: 'arm64' }, source: { name: 'a', version: '1' } },
      ],
      unknowns: ['paragraph at line 5: no Version field'],
    });
  });
});
