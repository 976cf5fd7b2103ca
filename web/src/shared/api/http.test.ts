import { describe, expect, it } from 'vitest';
import { filenameFrom, serializeQuery } from './http.ts';

describe('serializeQuery', () => {
  it('repeats array values and skips empty ones', () => {
    expect(serializeQuery({ 'a[is]': ['x', 'y'], b: 2, c: '', d: undefined, e: null, f: true })).toBe(
      'a%5Bis%5D=x&a%5Bis%5D=y&b=2&f=true',
    );
    expect(serializeQuery(new URLSearchParams('z=1&z=2'))).toBe('z=1&z=2');
    expect(serializeQuery(undefined)).toBe('');
  });
});

describe('filenameFrom', () => {
  it.each([
    ['attachment; filename="vulnerabilities.csv"', 'vulnerabilities.csv'],
    ['attachment; filename=packages.csv', 'packages.csv'],
    ["attachment; filename*=UTF-8''nginx%201.25.cdx.json", 'nginx 1.25.cdx.json'],
    [null, undefined],
  ])('%s → %s', (header, expected) => {
    expect(filenameFrom(header)).toBe(expected);
  });
});
