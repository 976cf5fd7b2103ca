import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { apkVersioning } from './index.ts';
import { apkTokens } from './parse.ts';

const handTable = compareTable('alpine-versions.txt');

describe('apk order: alpine-versions.txt', () => {
  it.each(handTable)('line $line: $a $op $b', ({ a, op, b }) => {
    expect(apkVersioning.compare(a, b)).toBe(expectedSign(op));
    expect(apkVersioning.compare(b, a)).toBe(0 - expectedSign(op));
  });
});

describe('apk order: alpine-versions-generated.txt', () => {
  it.each(compareTable('alpine-versions-generated.txt'))('line $line: $a $op $b', ({ a, op, b }) => {
    expect(apkVersioning.compare(a, b)).toBe(expectedSign(op));
    expect(apkVersioning.compare(b, a)).toBe(0 - expectedSign(op));
  });
});

describe('apk order: edge cases', () => {
  it.each([
    ['1.0_alpha', '<', '1.0_beta'],
    ['1.0_beta', '<', '1.0_pre'],
    ['1.0_pre', '<', '1.0_rc'],
    ['1.0_rc', '<', '1.0'],
    ['1.0', '<', '1.0_cvs'],
    ['1.0_cvs', '<', '1.0_svn'],
    ['1.0_svn', '<', '1.0_git'],
    ['1.0_git', '<', '1.0_hg'],
    ['1.0_hg', '<', '1.0_p'],
    ['1.0_rc1', '<', '1.0_rc2'],
    ['1.0_rc', '<', '1.0_rc1'],
    ['1.0', '<', '1.0a'],
    ['1.0a', '<', '1.0b'],
    ['1.0a', '<', '1.0.1'],
    ['1.0-r1', '<', '1.0-r2'],
    ['1.0-r9', '<', '1.0-r10'],
    ['1.0', '<', '1.0-r0'],
    ['1.0-r0', '<', '1.0a'],
    ['1.0_p1-r0', '>', '1.0-r5'],
    ['1.05', '<', '1.1'],
    ['1.05', '>', '1.005'],
    ['1.010', '<', '1.02'],
    ['01.1', '=', '1.1'],
    ['1.2~abc', '<', '1.2~abd'],
    ['1.2~abc-r1', '>', '1.2~abc'],
    ['123456789012345678901234567890', '<', '123456789012345678901234567891'],
    ['6.6.2p1-r0', '<', '6.6.2p1-r1'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(apkVersioning.compare(a, b)).toBe(expectedSign(op));
    expect(apkVersioning.compare(b, a)).toBe(0 - expectedSign(op));
  });
});

describe('apk isValid and tokens', () => {
  it.each([
    '1',
    '1.2.3',
    '1.2.3a',
    '6.6.2p1-r0',
    '1.2.3_rc1',
    '1.2_alpha_p2',
    '1.2.3-r10',
    '0.1_git20230101-r0',
    '1.2~0af3-r1',
  ])('accepts %s', (v) => {
    expect(apkVersioning.isValid(v)).toBe(true);
  });

  it.each(['', 'a', '.1', '1.2A', '1.2_blah', '1-ruff', '1.2-1', '1.2a.3', '1.2-r1_p1', '1~', '1~XYZ', '1.2 '])(
    'refuses %j',
    (v) => {
      expect(apkVersioning.isValid(v)).toBe(false);
    },
  );

  it('splits a version into apk tokens', () => {
    expect(apkTokens('1.2a_rc3~beef-r4')).toEqual([
      { kind: 'initialDigit', text: '1' },
      { kind: 'digit', text: '2' },
      { kind: 'letter', text: 'a' },
      { kind: 'suffix', text: 'rc' },
      { kind: 'suffixNumber', text: '3' },
      { kind: 'commitHash', text: 'beef' },
      { kind: 'revision', text: '4' },
      { kind: 'end', text: '' },
    ]);
    expect(apkTokens('1.2_blah')).toEqual([
      { kind: 'initialDigit', text: '1' },
      { kind: 'digit', text: '2' },
      { kind: 'invalid', text: '' },
    ]);
  });
});
