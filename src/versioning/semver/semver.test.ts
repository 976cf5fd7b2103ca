import { describe, expect, it } from 'vitest';
import { type CompareCase, compareTable, expectedSign } from '../testing/compare-table.ts';
import { semverVersioning } from './index.ts';

/**
 * Lines of osv-scalibr's table that npm and Cargo both refuse: osv-scalibr's own lenient semver orders them, but
 * `semver` (and Cargo's `semver` crate, which needs exactly three u64 components) does not parse them, so the matcher
 * never sees such a version for npm or crates.io. They are checked as invalid below instead.
 */
const big = '999999999999999999999999999991';
const refusedLines: Readonly<Record<string, string>> = {
  [`${big} < 999999999999999999999999999999`]:
    'a single 30-digit component: not MAJOR.MINOR.PATCH, and above MAX_SAFE_INTEGER (npm) and u64 (Cargo)',
  [`${big}.${big}.${big} < 999999999999999999999999999999.${big}.${big}`]:
    'components above Number.MAX_SAFE_INTEGER (npm: "Invalid major version") and u64 (Cargo)',
  '1.1.3.4.5 = 1.1.3.4.5': 'five components: SemVer has exactly three, and npm and Cargo refuse it even in loose mode',
};

const table = compareTable('semver-versions.txt');
const isRefused = (c: CompareCase) => `${c.a} ${c.op} ${c.b}` in refusedLines;

describe('semver order: semver-versions.txt', () => {
  it.each(table.filter((c) => !isRefused(c)))('line $line: $a $op $b', ({ a, op, b }) => {
    expect(Math.sign(semverVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(semverVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });

  it('refuses exactly the listed lines, which npm rejects too', () => {
    const refused = table.filter(isRefused);
    expect(refused.map((c) => `${c.a} ${c.op} ${c.b}`)).toEqual(Object.keys(refusedLines));
    for (const { a, b } of refused) {
      expect(semverVersioning.isValid(a) && semverVersioning.isValid(b)).toBe(false);
      expect(() => semverVersioning.compare(a, b)).toThrow(TypeError);
    }
  });
});

describe('semver order: edge cases', () => {
  it.each([
    ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
    ['1.0.0-alpha.1', '<', '1.0.0-alpha.beta'],
    ['1.0.0-beta.11', '<', '1.0.0-rc.1'],
    ['1.0.0-rc.1', '<', '1.0.0'],
    ['1.0.0-0', '<', '1.0.0-alpha'],
    ['1.0.0-1', '<', '1.0.0-01a'],
    ['1.2.3+a', '=', '1.2.3+b'],
    ['1.2.3-rc.1+a', '=', '1.2.3-rc.1'],
    ['v1.2.3', '=', '=1.2.3'],
    [' 1.2.3 ', '=', '1.2.3'],
    ['1.2.3-01', '=', '1.2.3-1'],
    ['0.0.1', '<', '0.1.0'],
    ['9007199254740990.0.0', '>', '1.0.0'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(semverVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(semverVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('semver isValid', () => {
  it.each([
    '1.2.3',
    'v1.2.3',
    '=1.2.3',
    '1.2.3-beta.1+build.7',
    '0.0.0-0',
    '1.2.3-5-foo',
    '2.0.0+incompatible',
    '1.2.3beta',
  ])('accepts %s', (v) => {
    expect(semverVersioning.isValid(v)).toBe(true);
  });

  it.each(['', '1', '1.2', '1.2.3.4', 'x.y.z', '1.2.x', '^1.2.3', '>=1.0.0', 'latest', '1.2.3-.', '1.2.3+', '0'])(
    'refuses %j',
    (v) => {
      expect(semverVersioning.isValid(v)).toBe(false);
      expect(() => semverVersioning.compare(v, '1.0.0')).toThrow(TypeError);
    },
  );
});
