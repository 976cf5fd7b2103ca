import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { pep440Versioning } from './index.ts';
import { legacyKey } from './legacy.ts';

const tables = ['pypi-versions.txt', 'pypi-versions-generated.txt'];

function expectOrder(a: string, op: '<' | '=' | '>', b: string): void {
  expect(Math.sign(pep440Versioning.compare(a, b))).toBe(expectedSign(op));
  expect(Math.sign(pep440Versioning.compare(b, a))).toBe(0 - expectedSign(op));
}

describe.each(tables)('pep440 order: %s', (file) => {
  it.each(compareTable(file))('line $line: $a $op $b', ({ a, op, b }) => {
    expectOrder(a, op, b);
  });
});

describe('pep440 order: normalisation and edge cases', () => {
  it.each([
    ['1.0.0', '=', '1'],
    ['1.0a1', '=', '1.0.0a1'],
    ['1.0a1', '=', '1.0.0-alpha.1'],
    ['1.0RC1', '=', '1.0c1'],
    ['1.0-1', '=', '1.0.post1'],
    ['1.0.rev2', '=', '1.0.post2'],
    ['v1.0', '=', '1.0'],
    [' 1.0 ', '=', '1.0'],
    ['0!1.0', '=', '1.0'],
    ['1!0.1', '>', '99.0'],
    ['1.0.dev0', '<', '1.0a0'],
    ['1.0a0', '<', '1.0b0'],
    ['1.0b0', '<', '1.0rc0'],
    ['1.0rc0', '<', '1.0'],
    ['1.0', '<', '1.0.post0.dev0'],
    ['1.0.post0.dev0', '<', '1.0.post0'],
    ['1.0', '<', '1.0+local'],
    ['1.0+abc', '<', '1.0+1'],
    ['1.0+1.2', '<', '1.0+1.10'],
    ['1.0+ubuntu-1', '=', '1.0+ubuntu.1'],
    ['1.0+local', '<', '1.0.post1'],
    ['1.0.1', '>', '1.0+local'],
    ['2.0.dev1', '<', '2.0a1.dev1'],
  ] as const)('%s %s %s', expectOrder);
});

describe('pep440 order: legacy (non-PEP 440) versions', () => {
  it.each([
    ['0.7.11p1', '<', '0.1'],
    ['trunk', '<', '0.0.0.dev0'],
    ['2013-01-21T20:33:09+0100', '<', '2013-01-23T17:11:52+0100'],
    ['1.0-final', '=', '1.0-FINAL'],
    ['0.3m1', '<', '0.3m2'],
    ['1.0.0-STAGING', '=', '1-staging'],
    ['0.9-rc1x', '<', '0.9-x'],
    ['100000000x', '<', '99999999x'],
  ] as const)('%s %s %s', expectOrder);

  it('builds packaging 21.3 keys', () => {
    expect(legacyKey('1.0-dev_x')).toEqual(['00000001', '*@', '*_', '*x', '*final']);
    expect(legacyKey('0.7.4.svn.r2010')).toEqual([
      '00000000',
      '00000007',
      '00000004',
      '*svn',
      '*r',
      '00002010',
      '*final',
    ]);
    expect(legacyKey('2.0.1rc2-git')).toEqual([
      '00000002',
      '00000000',
      '00000001',
      '*c',
      '00000002',
      '*final-',
      '*git',
      '*final',
    ]);
  });
});

describe('pep440 isValid', () => {
  it.each(['1.0', '1!2.0.post1.dev3+abc.1', 'v1.0', '1.0.0-alpha.1', '0.7.11p1', '2013-01-21T20:33:09+0100', 'trunk'])(
    'accepts %s',
    (v) => {
      expect(pep440Versioning.isValid(v)).toBe(true);
    },
  );

  it.each(['', ' ', '1.0 beta', 'see the changelog'])('refuses %j', (v) => {
    expect(pep440Versioning.isValid(v)).toBe(false);
    expect(() => pep440Versioning.compare(v, '1.0')).toThrow(`invalid PyPI version '${v}'`);
    expect(() => pep440Versioning.compare('1.0', v)).toThrow(`invalid PyPI version '${v}'`);
  });
});
