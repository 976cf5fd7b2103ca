import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { osReleaseAnalyzer } from './index.ts';
import { parseDebianVersion, parseOsRelease, parseOsReleaseVariables } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseOsRelease', () => {
  it.each([
    [
      'debian12-os-release',
      { id: 'debian', versionId: '12', versionCodename: 'bookworm', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
    ],
    ['alpine311-os-release', { id: 'alpine', versionId: '3.11.5', prettyName: 'Alpine Linux v3.11' }],
  ])('%s', (name, expected) => {
    expect(parseOsRelease(fixture(name))).toEqual(expected);
  });

  it('unquotes values and unescapes double-quoted ones', () => {
    expect(parseOsReleaseVariables('A="x \\"y\\""\nB=\'z\'\n# C=no\nD=plain\n')).toEqual({
      A: 'x "y"',
      B: 'z',
      D: 'plain',
    });
  });

  it('reads ID_LIKE as a list', () => {
    expect(parseOsRelease('ID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"')).toEqual({
      id: 'ubuntu',
      versionId: '22.04',
      idLike: ['debian'],
    });
  });
});

describe('parseDebianVersion', () => {
  it.each([
    ['12.5\n', { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12' }],
    ['8.0\n', { id: 'debian', versionId: '8', prettyName: 'Debian GNU/Linux 8' }],
    ['bookworm/sid\n', { id: 'debian' }],
  ])('%j', (text, expected) => {
    expect(parseDebianVersion(text)).toEqual(expected);
  });
});

describe('osReleaseAnalyzer', () => {
  it('asks only for the OS identification files', () => {
    const info = { size: 100, mode: 0o644 };
    expect(
      ['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/debian_version'].map((p) =>
        osReleaseAnalyzer.required(p, info),
      ),
    ).toEqual([true, true, true, true]);
    expect(osReleaseAnalyzer.required('etc/os-release.bak', info)).toBe(false);
  });

  it('reports a file without ID as an unknown', async () => {
    const result = await osReleaseAnalyzer.analyze({
      path: 'etc/os-release',
      content: Buffer.from('NAME=x\n'),
      layer: { index: 0, diffId: 'd' },
    });
    expect(result).toEqual({ packages: [], unknowns: ['no ID in the file'] });
  });
});
