import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { nugetVersioning } from './index.ts';
import { parseNuGetVersion } from './parse.ts';

describe('nugetVersioning against nuget-versions.txt', () => {
  it.each(compareTable('nuget-versions.txt'))(`line $line: $a $op $b`, ({ a, op, b }) => {
    expect(Math.sign(nugetVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(nugetVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('nugetVersioning', () => {
  it.each([
    ['1', true],
    ['1.0', true],
    ['1.0.0.0', true],
    ['1.0.0-beta.1+build.5', true],
    [' 1.0.0 ', true],
    ['', false],
    ['v1.0.0', false],
    ['1.0.0.0.0', false],
    ['1.0.0-', false],
    ['1.0.0-beta..1', false],
    ['1.0.0+', false],
    ['1.0.0-beta_1', false],
  ])('isValid(%j) is %s', (version, valid) => {
    expect(nugetVersioning.isValid(version)).toBe(valid);
  });

  it('throws on an invalid version', () => {
    expect(() => nugetVersioning.compare('1.0', 'one')).toThrow(/invalid NuGet version/);
  });

  it.each([
    // The fourth part counts, and missing parts are zero.
    ['1.0.0.0', '=', '1'],
    ['1.2.3.4', '>', '1.2.3'],
    // Numeric labels sort before alphanumeric ones, and by value.
    ['1.0.0-2', '<', '1.0.0-alpha'],
    ['1.0.0-beta.2', '<', '1.0.0-beta.10'],
    // Labels ignore case; metadata is ignored.
    ['1.0.0-RC.1', '=', '1.0.0-rc.1+sha.abc'],
    // A longer label list wins over its prefix; a release wins over its prereleases.
    ['1.0.0-rc', '<', '1.0.0-rc.1'],
    ['1.0.0-rc.1', '<', '1.0.0'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(nugetVersioning.compare(a, b))).toBe(expectedSign(op));
  });

  it('parses the parts and labels', () => {
    expect(parseNuGetVersion('1.02.3-Beta.4+x')).toEqual({ parts: [1n, 2n, 3n, 0n], prerelease: ['Beta', '4'] });
  });
});
