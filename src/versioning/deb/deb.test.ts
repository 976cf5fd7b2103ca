import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { debVersioning } from './index.ts';
import { parseDebVersion } from './parse.ts';

const tables = ['debian-versions.txt', 'debian-versions-generated.txt'];

describe.each(tables)('deb order: %s', (file) => {
  it.each(compareTable(file))('line $line: $a $op $b', ({ a, op, b }) => {
    expect(Math.sign(debVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(debVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('deb order: edge cases', () => {
  it.each([
    ['1.0~rc1', '<', '1.0'],
    ['1.0~~', '<', '1.0~'],
    ['1.0~', '<', '1.0'],
    ['1.0', '<', '1.0a'],
    ['1.0a', '<', '1.0+'],
    ['1.0+', '<', '1.0.'],
    ['1.0', '<', '1.0+dfsg'],
    ['1.0-1', '<', '1.0-1+b1'],
    ['1.0-1~bpo1', '<', '1.0-1'],
    ['1:0.1', '>', '9.9'],
    ['0:1.0', '=', '1.0'],
    ['1.0', '=', '1.0-0'],
    ['1.001', '=', '1.1'],
    ['1.2.3-4-5', '>', '1.2.3-4-4'],
    ['1:2:3', '<', '1:2:4'],
    ['123456789012345678901234567890', '<', '123456789012345678901234567891'],
    ['2.4.2-6+lenny1', '<', '2.8.6-1'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(debVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(debVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('deb parse and isValid', () => {
  it('splits epoch, upstream and the revision after the last hyphen', () => {
    expect(parseDebVersion('2:1.2-3-4')).toEqual({ epoch: 2, upstream: '1.2-3', revision: '4' });
    expect(parseDebVersion(' 1.0 ')).toEqual({ epoch: 0, upstream: '1.0', revision: '' });
  });

  it.each(['1.0', '1:1.0-1', '1.0+dfsg-1ubuntu0.1~18.04', '2:8.2.3995-1+deb12u2', 'abc'])('accepts %s', (v) => {
    expect(debVersioning.isValid(v)).toBe(true);
  });

  it.each([
    ['', 'version string is empty'],
    ['1 0', 'version string has embedded spaces'],
    [':1.0', 'epoch in version is empty'],
    ['a:1.0', 'epoch in version is not number'],
    ['4294967296:1.0', 'epoch in version is too big'],
    ['1:', 'nothing after colon in version number'],
    ['1.0-', 'revision number is empty'],
    ['-1', 'version number is empty'],
  ])('refuses %j (%s)', (v, reason) => {
    expect(debVersioning.isValid(v)).toBe(false);
    expect(parseDebVersion(v)).toBe(reason);
    expect(() => debVersioning.compare(v, '1.0')).toThrow(reason);
  });
});
