import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { rpmvercmp } from './compare.ts';
import { rpmVersioning } from './index.ts';
import { parseRpmVersion } from './parse.ts';

describe('rpm order: redhat-versions.txt', () => {
  it.each(compareTable('redhat-versions.txt'))('line $line: $a $op $b', ({ a, op, b }) => {
    expect(Math.sign(rpmVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(rpmVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('rpm order: edge cases', () => {
  it.each([
    ['1.0~rc1', '<', '1.0'],
    ['1.0~~', '<', '1.0~'],
    ['1.0', '<', '1.0^'],
    ['1.0^', '<', '1.0.1'],
    ['1.0^git1~1', '<', '1.0^git1'],
    ['1.0', '<', '1.0a'],
    ['1.0a', '<', '1.0.1'],
    ['1.a', '<', '1.1'],
    ['1.0', '=', '1_0'],
    ['1.0', '=', '1..0'],
    ['007', '=', '7'],
    ['123456789012345678901234567890', '<', '123456789012345678901234567891'],
    ['0:1.0-1', '=', '1.0-1'],
    [':1.0', '=', '0:1.0'],
    ['1:1.0', '>', '2.0'],
    ['1.0', '<', '1.0-1'],
    ['1.0-1', '<', '1.0-1.el8'],
    ['1.0-1.el8', '<', '1.0-1.el8_1'],
    ['2.17-326.el7_9', '<', '2.17-326.el7_9.3'],
    ['1:3.10.0-1160.el7', '>', '3.10.0-1160.99.1.el7'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(rpmVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(rpmVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });

  it('rpmvercmp returns -1, 0 or 1', () => {
    expect([rpmvercmp('1', '2'), rpmvercmp('2', '2'), rpmvercmp('10', '9')]).toEqual([-1, 0, 1]);
  });
});

describe('rpm parse and isValid', () => {
  it.each([
    ['1.0', { epoch: undefined, version: '1.0', release: undefined }],
    ['2:1.0-3.el9', { epoch: '2', version: '1.0', release: '3.el9' }],
    [':1.0', { epoch: '0', version: '1.0', release: undefined }],
    ['1.0-', { epoch: undefined, version: '1.0', release: '' }],
    ['1.0-1-2', { epoch: undefined, version: '1.0-1', release: '2' }],
    ['a:1-2', { epoch: undefined, version: 'a:1', release: '2' }],
    ['1.m+e2:1', { epoch: undefined, version: '1.m+e2:1', release: undefined }],
  ])('splits %s', (evr, expected) => {
    expect(parseRpmVersion(evr)).toEqual(expected);
  });

  it.each(['1.0', '0:2.17-326.el7_9.3', '1.0^git1~pre', 'a'])('accepts %s', (v) => {
    expect(rpmVersioning.isValid(v)).toBe(true);
  });

  it.each(['', ' ', '1.0 1'])('refuses %j', (v) => {
    expect(rpmVersioning.isValid(v)).toBe(false);
    expect(() => rpmVersioning.compare(v, '1.0')).toThrow('invalid RPM version');
  });
});
