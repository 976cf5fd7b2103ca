import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { semverVersioning } from './index.ts';

const table = compareTable('semver-versions.txt');

describe('semver order: semver-versions.txt', () => {
  it.each(table)('line $line: $a $op $b', ({ a, op, b }) => {
    expect(Math.sign(semverVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(semverVersioning.compare(b, a))).toBe(0 - expectedSign(op));
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

  it.each(['', 'x.y.z', '1.2.x', '^1.2.3', '>=1.0.0', 'latest', '1.2.3-.', '1.2.3+', '1..2', 'v', '1.2.3-a..b'])(
    'refuses %j',
    (v) => {
      expect(semverVersioning.isValid(v)).toBe(false);
      expect(() => semverVersioning.compare(v, '1.0.0')).toThrow(TypeError);
    },
  );
});

describe('semver order: SemVer-like versions npm refuses (OSV SEMVER ranges)', () => {
  it.each([
    // Missing numbers count as 0; extra ones keep ordering; numbers of any size.
    ['1', '=', '1.0.0'],
    ['1.2', '<', '1.2.1'],
    ['1.2.3.4', '>', '1.2.3'],
    ['1.2.3.4', '<', '1.2.3.10'],
    ['1.2.3.4-rc.1', '<', '1.2.3.4'],
    ['9007199254740993.0.0', '>', '9007199254740992.0.0'],
    ['18446744073709551616.0.0', '>', '18446744073709551615.0.0'],
    ['1.2.3-alpha.18446744073709551616', '>', '1.2.3-alpha.9'],
    ['1.2.3-alpha.9', '<', '1.2.3-alpha.x'],
    ['v1.2', '=', '1.2.0+build'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(semverVersioning.isValid(a) && semverVersioning.isValid(b)).toBe(true);
    expect(Math.sign(semverVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(semverVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});
