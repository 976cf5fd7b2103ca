import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { composerVersioning } from './index.ts';
import { phpCanonicalizeVersion, phpVersionCompare } from './php-version-compare.ts';

const tables = ['packagist-versions.txt', 'packagist-versions-generated.txt'];

describe.each(tables)('composerVersioning against %s', (file) => {
  it.each(compareTable(file))(`line $line: $a $op $b`, ({ a, op, b }) => {
    expect(Math.sign(composerVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(composerVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('composerVersioning', () => {
  it.each([
    ['1.0.0', true],
    ['v2.3.4', true],
    ['1.0.0-beta2', true],
    ['4.3-2RC1', true],
    ['2.1.x-dev', true],
    ['dev-main', true],
    ['', false],
    ['main', false],
    ['1.0 beta', false],
    ['dev-', false],
  ])('isValid(%j) is %s', (version, valid) => {
    expect(composerVersioning.isValid(version)).toBe(valid);
  });

  it('throws on an invalid version', () => {
    expect(() => composerVersioning.compare('1.0', 'latest')).toThrow(/invalid Composer version/);
  });

  it.each([
    // dev < alpha = a < beta = b < RC = rc < number < patch = pl = p.
    ['1.0-dev', '<', '1.0-alpha'],
    ['1.0alpha1', '=', '1.0a1'],
    ['1.0b1', '=', '1.0-beta.1'],
    ['1.0RC1', '=', '1.0-rc1'],
    ['1.0rc1', '<', '1.0'],
    ['1.0', '<', '1.0-patch1'],
    ['1.0-p1', '=', '1.0pl1'],
    // Unknown words weigh below dev; their case matters (`RC` and `rc` only).
    ['1.0-foo', '<', '1.0-dev'],
    ['1.0-Rc1', '<', '1.0-dev'],
    // The `v` prefix is ignored; a missing number part is below a present one, even 0.
    ['v1.2.3', '=', '1.2.3'],
    ['1.0', '<', '1.0.0'],
    // Branches: the same branch is equal, two branches are ordered by name, and a branch is below any version.
    ['dev-main', '=', 'dev-main'],
    ['dev-feature', '<', 'dev-main'],
    ['dev-main', '<', '0.0.1'],
    // Numbers beyond 64 bits.
    ['1.99999999999999999999', '<', '1.100000000000000000000'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(composerVersioning.compare(a, b))).toBe(expectedSign(op));
  });

  it('canonicalises as PHP does, keeping `#`', () => {
    expect(phpCanonicalizeVersion('1.0.0-beta_2+build')).toBe('1.0.0.beta.2.build');
    expect(phpCanonicalizeVersion('4.3-2RC1')).toBe('4.3.2.RC.1');
    expect(phpCanonicalizeVersion('1.2.3.#.p3')).toBe('1.2.3.#.p.3');
  });

  it('is reflexive even for a trailing dot, which PHP orders below itself', () => {
    expect(phpVersionCompare('1.0.', '1.0.')).toBe(0);
    expect(phpVersionCompare('1.0.', '1.0')).toBe(-1);
    expect(phpVersionCompare('1.0', '1.0.')).toBe(1);
  });
});
