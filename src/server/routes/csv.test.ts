import { describe, expect, it } from 'vitest';
import { cellText, columnsOf, csvField, encodeCsv, preferredType } from './csv.ts';

describe('CSV fields', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', '"\'\rcmd"'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones too, and nothing for NaN', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('joins lists with | and leaves absent values empty', () => {
    expect(cellText(['a', 'b'])).toBe('a|b');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('encodeCsv', () => {
  it('writes a header and one CRLF record per item, nested fields as dotted columns', () => {
    const items = [
      { name: 'app, one', counts: { high: 2 }, labels: ['a=b', 'c=d'] },
      { name: '=cmd', counts: { high: 0 }, labels: [] },
    ];
    expect(encodeCsv(columnsOf(['name', 'counts.high', 'labels']), items)).toBe(
      'name,counts.high,labels\r\n"app, one",2,a=b|c=d\r\n\'=cmd,0,\r\n',
    );
  });
});

describe('preferredType', () => {
  const offered = ['application/json', 'text/csv'];
  it.each([
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/csv, */*;q=0.1', 'text/csv'],
    ['application/json, text/csv', 'application/json'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'application/json'],
    ['image/png', undefined],
  ])('%j → %j', (accept, expected) => {
    expect(preferredType(accept, offered)).toBe(expected);
  });
});
