import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CompareCase, expectedSign } from '../testing/compare-table.ts';
import { goVersioning } from './index.ts';
import { parseGoVersion } from './parse.ts';

/** Reads __fixtures__/go-versions.txt, in the format compare-table.ts reads (`#` and `//` comments). */
function goTable(): CompareCase[] {
  const text = readFileSync(new URL('./__fixtures__/go-versions.txt', import.meta.url), 'utf8');
  return text.split('\n').flatMap((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('//')) return [];
    const match = /^(\S+) ([<=>]) (\S+)$/.exec(line);
    if (!match) throw new Error(`go-versions.txt:${index + 1}: not a comparison: ${line}`);
    return [{ a: match[1] as string, op: match[2] as CompareCase['op'], b: match[3] as string, line: index + 1 }];
  });
}

function expectOrder(a: string, op: CompareCase['op'], b: string): void {
  expect(Math.sign(goVersioning.compare(a, b))).toBe(expectedSign(op));
  expect(Math.sign(goVersioning.compare(b, a))).toBe(0 - expectedSign(op));
}

describe('go order: go-versions.txt', () => {
  const table = goTable();

  it('has the examples', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
  });

  it.each(table)('line $line: $a $op $b', ({ a, op, b }) => {
    expectOrder(a, op, b);
  });
});

describe('go order: edge cases', () => {
  it.each([
    // x/mod/semver compares numbers of any length, as text of equal length
    ['v1.99999999999999999999.0', '>', 'v1.99999999999999999998.0'],
    ['v1.0.0-99999999999999999999', '>', 'v1.0.0-99999999999999999998'],
    // upper case sorts before lower case (ASCII), as OSV's `2.12.0-RC.1` needs
    ['v2.12.0-RC.1', '<', 'v2.12.0-rc.1'],
    // a bare two-part version from 1.21 on is gover's language version; with a v it is x/mod's shorthand
    ['1.22', '<', '1.22.0-0'],
    ['v1.22', '=', 'v1.22.0'],
    ['1.22', '<', 'v1.22'],
    // gover's major-only form, and OSV's "0" read literally (the matcher treats introduced "0" itself)
    ['0', '=', 'v0.0.0'],
    ['v0.0.0-20191109021931-daa7c04131f5', '<', '0'],
  ] as const)('%s %s %s', expectOrder);
});

describe('go parse and isValid', () => {
  it('reads module, toolchain and language versions', () => {
    expect(parseGoVersion('v2.0.2-0.20190802080134-634605d06e73+incompatible')).toEqual({
      major: '2',
      minor: '0',
      patch: '2',
      prerelease: ['0', '20190802080134-634605d06e73'],
      language: false,
      build: 'incompatible',
    });
    expect(parseGoVersion('go1.21rc2')).toMatchObject({ minor: '21', patch: '0', prerelease: ['rc', '2'] });
    expect(parseGoVersion('1.21')).toMatchObject({ patch: '0', prerelease: [], language: true });
    expect(parseGoVersion('1.20')).toMatchObject({ patch: '0', prerelease: [], language: false });
  });

  it.each([
    'v1.2.3',
    'v1',
    'v1.2',
    'v2.0.0+incompatible',
    'v0.0.0-20191109021931-daa7c04131f5',
    'v1.2.3-456-789',
    'v1.2.3+meta-pre.sha.256a',
    '1.2.3',
    '0.0.0-20191109021931-daa7c04131f5',
    'go1.21.3',
    'go1.21rc2',
    '1.21rc2',
    'go1',
    '1.9.2rc2',
  ])('accepts %s', (v) => {
    expect(goVersioning.isValid(v)).toBe(true);
  });

  // the invalid examples of x/mod/semver's tests, then leading zeros, an upper-case V and gover's rules
  it.each([
    '',
    'bad',
    'v1-alpha.beta.gamma',
    'v1-pre',
    'v1+meta',
    'v1-pre+meta',
    'v1.2-pre',
    'v1.2+meta',
    'v1.2-pre+meta',
    'v01.2.3',
    'v1.02.3',
    'v1.2.3-01',
    'v1.2.3-pre..1',
    'v1.2.3+',
    'V1.2.3',
    'v1.21rc1',
    'go1.21RC1',
    'go1.21rc01',
    'go1rc1',
    'go1.21.3 X:boringcrypto',
    'devel go1.22-abcdef',
  ])('refuses %j', (v) => {
    expect(goVersioning.isValid(v)).toBe(false);
    expect(() => goVersioning.compare(v, 'v1.0.0')).toThrow(`invalid Go version '${v}'`);
  });
});
