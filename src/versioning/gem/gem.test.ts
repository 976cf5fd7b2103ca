import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { gemVersioning } from './index.ts';
import { gemCanonicalSegments } from './parse.ts';

const tables = ['rubygems-versions.txt', 'rubygems-versions-generated.txt'];

describe.each(tables)('gemVersioning against %s', (file) => {
  it.each(compareTable(file))(`line $line: $a $op $b`, ({ a, op, b }) => {
    expect(Math.sign(gemVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(gemVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('gemVersioning', () => {
  it.each([
    ['1.0', true],
    ['1.0.0.rc1', true],
    ['1.0-beta-2', true],
    [' 1.2.3 ', true],
    // Gem::Version refuses a first segment with letters; OSV's table orders `1beta`, so it is accepted.
    ['1beta', true],
    ['', false],
    ['v1.0', false],
    ['1..0', false],
    ['1.0-', false],
    ['1.0+build', false],
  ])('isValid(%j) is %s', (version, valid) => {
    expect(gemVersioning.isValid(version)).toBe(valid);
  });

  it('throws on an invalid version', () => {
    expect(() => gemVersioning.compare('1.0', 'x')).toThrow(/invalid RubyGems version/);
  });

  it.each([
    // `-` reads as `.pre.`: a hyphenated version is a prerelease.
    ['1.0-1', '<', '1.0'],
    ['1.0-1', '=', '1.0.pre.1'],
    // Trailing zeros are dropped from both parts.
    ['1.0.a.0', '=', '1.a'],
    ['1.0.0', '=', '1'],
    // Letter runs compare byte-wise, so upper case sorts first.
    ['1.0.RC1', '<', '1.0.rc1'],
    // Numbers beyond 64 bits.
    ['1.99999999999999999999', '<', '1.100000000000000000000'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(gemVersioning.compare(a, b))).toBe(expectedSign(op));
  });

  it('splits letter/digit changes into segments', () => {
    expect(gemCanonicalSegments('1.0.0.beta12.0')).toEqual([1n, 'beta', 12n]);
    expect(gemCanonicalSegments('2.0-rc1')).toEqual([2n, 'pre', 'rc', 1n]);
  });
});
