import { describe, expect, it } from 'vitest';
import { compareTable, expectedSign } from '../testing/compare-table.ts';
import { mavenVersioning } from './index.ts';
import { parseMavenVersion } from './parse.ts';

const tables = ['maven-versions.txt', 'maven-versions-generated.txt'];

describe.each(tables)('mavenVersioning against %s', (file) => {
  it.each(compareTable(file))(`line $line: $a $op $b`, ({ a, op, b }) => {
    expect(Math.sign(mavenVersioning.compare(a, b))).toBe(expectedSign(op));
    expect(Math.sign(mavenVersioning.compare(b, a))).toBe(0 - expectedSign(op));
  });
});

describe('mavenVersioning', () => {
  it.each([
    ['1.0', true],
    ['1.0-SNAPSHOT', true],
    ['anything-goes', true],
    ['', false],
    ['1.0 beta', false],
  ])('isValid(%j) is %s', (version, valid) => {
    expect(mavenVersioning.isValid(version)).toBe(valid);
  });

  it('throws on an invalid version', () => {
    expect(() => mavenVersioning.compare('', '1')).toThrow(/invalid Maven version/);
  });

  it.each([
    // Qualifier order: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp.
    ['1-alpha', '<', '1-beta'],
    ['1-beta', '<', '1-milestone'],
    ['1-milestone', '<', '1-rc'],
    ['1-rc', '=', '1-cr'],
    ['1-rc', '<', '1-snapshot'],
    ['1-snapshot', '<', '1'],
    ['1', '=', '1-ga'],
    ['1-final', '=', '1-release'],
    ['1', '<', '1-sp'],
    // Unknown qualifiers come after every known one, in lexical order.
    ['1-sp', '<', '1-abc'],
    ['1-abc', '<', '1-abd'],
    // A letter without a following digit is not a shorthand.
    ['1-a', '>', '1-alpha'],
    ['1a1', '=', '1-alpha-1'],
    // Numbers beyond 64 bits.
    ['1.99999999999999999999', '<', '1.100000000000000000000'],
    // MNG-6964: a trailing list compares by all of its items.
    ['1-0.1', '>', '1'],
    // A null between hyphens is trimmed, as the POM reference's spec says (ComparableVersion keeps a nested list).
    ['1-1', '=', '1-ga-1'],
    ['1-1', '=', '1-final-1'],
    ['1-1', '=', '1--1'],
    ['1-ga-ga-1', '=', '1-1'],
    ['1-ga-1', '<', '1-ga-2'],
    ['1-ga-1', '>', '1'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(Math.sign(mavenVersioning.compare(a, b))).toBe(expectedSign(op));
  });

  it('trims trailing nulls inside each list', () => {
    expect(parseMavenVersion('1.0.0-ga-0')).toEqual({ kind: 'list', items: [{ kind: 'number', value: 1n }] });
    expect(parseMavenVersion('1.2-rc1')).toEqual({
      kind: 'list',
      items: [
        { kind: 'number', value: 1n },
        { kind: 'number', value: 2n },
        {
          kind: 'list',
          items: [
            { kind: 'string', value: 'rc' },
            { kind: 'list', items: [{ kind: 'number', value: 1n }] },
          ],
        },
      ],
    });
  });
});
