import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { epssImporter } from './index.ts';
import { scoreDate } from './parse.ts';

// No real EPSS file is at hand: the fixture is hand-written in FIRST's published layout (see __fixtures__/README.md).
function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`__fixtures__/${name}`, import.meta.url));
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const EXPECTED = [
  { cveId: 'CVE-1999-0001', epss: 0.00383, percentile: 0.72477 },
  { cveId: 'CVE-1999-0002', epss: 0.02091, percentile: 0.88751 },
  { cveId: 'CVE-2014-0160', epss: 0.97491, percentile: 0.9998 },
  { cveId: 'CVE-2019-14904', epss: 0.00089, percentile: 0.3764 },
  { cveId: 'CVE-2021-44228', epss: 0.97565, percentile: 0.99996 },
  { cveId: 'CVE-2023-1393', epss: 0.00044, percentile: 0.10211 },
];

describe('EPSS CSV', () => {
  it.each(['epss_scores-2024-03-04.csv', 'epss_scores-2024-03-04.csv.gz'])('%s', (name) => {
    expect(epssImporter.parse(name, fixture(name))).toEqual({
      feed: 'epss',
      epss: EXPECTED,
      feedTimestamp: '2024-03-04T00:00:00.000Z',
      problems: [],
    });
  });

  it('recognises gzip by its magic bytes, whatever the name', () => {
    const gzipped = gzipSync(fixture('epss_scores-2024-03-04.csv'));
    expect(epssImporter.parse('scores.bin', gzipped).epss).toEqual(EXPECTED);
  });

  it('reads a file without the comment line, with CRLF line ends', () => {
    const batch = epssImporter.parse('x.csv', encode('cve,epss,percentile\r\nCVE-2021-44228,0.97565,0.99996\r\n'));
    expect(batch).toEqual({
      feed: 'epss',
      epss: [{ cveId: 'CVE-2021-44228', epss: 0.97565, percentile: 0.99996 }],
      problems: [],
    });
  });
});

describe('scoreDate', () => {
  it.each([
    ['#model_version:v2023.03.01,score_date:2024-03-04T00:00:00+0000', '2024-03-04T00:00:00.000Z'],
    ['#model_version:v2025.03.14,score_date:2025-03-16T12:55:00Z', '2025-03-16T12:55:00.000Z'],
    ['#model_version:v2025.03.14,score_date:2025-03-16', '2025-03-16T00:00:00.000Z'],
    ['#score_date:2024-03-04T02:00:00+02:00,model_version:v2023.03.01', '2024-03-04T00:00:00.000Z'],
    ['#model_version:v2023.03.01', undefined],
    ['#model_version:v2023.03.01,score_date:yesterday', undefined],
  ])('%s', (comment, expected) => {
    expect(scoreDate(comment)).toBe(expected);
  });
});

describe('bad input', () => {
  it('skips bad rows with their line numbers and keeps the rest', () => {
    const text = [
      '#model_version:v2023.03.01,score_date:2024-03-04T00:00:00+0000',
      'cve,epss,percentile',
      'CVE-2021-44228,0.97565,0.99996',
      'CVE-2021-1,0.5,0.5',
      'CVE-2022-0001,1.5,0.5',
      'CVE-2022-0002,,0.5',
      'CVE-2014-0160,0.97491,0.99980',
    ].join('\n');
    const batch = epssImporter.parse('x.csv', encode(text));
    expect(batch.epss?.map((score) => score.cveId)).toEqual(['CVE-2021-44228', 'CVE-2014-0160']);
    expect(batch.problems).toEqual([
      'line 4: not a cve,epss,percentile row: "CVE-2021-1,0.5,0.5"',
      'line 5: not a cve,epss,percentile row: "CVE-2022-0001,1.5,0.5"',
      'line 6: not a cve,epss,percentile row: "CVE-2022-0002,,0.5"',
    ]);
  });

  it('counts bad rows past the first 20 instead of listing them', () => {
    const rows = Array.from({ length: 25 }, (_, n) => `bad-${n},0.1,0.1`);
    const batch = epssImporter.parse('x.csv', encode(['cve,epss,percentile', ...rows].join('\n')));
    expect(batch.epss).toEqual([]);
    expect(batch.problems).toHaveLength(21);
    expect(batch.problems[20]).toBe('… and 5 more unreadable rows');
  });

  it('rejects a CSV without the EPSS header', () => {
    expect(epssImporter.parse('x.csv', encode('name,score\nCVE-2021-44228,0.9\n'))).toEqual({
      feed: 'epss',
      epss: [],
      problems: ['line 1: expected the header cve,epss,percentile'],
    });
  });

  it('reports a broken gzip stream', () => {
    const batch = epssImporter.parse('x.csv.gz', new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    expect(batch.epss).toEqual([]);
    expect(batch.problems[0]).toMatch(/^unreadable gzip: /);
  });
});

describe('detect', () => {
  it.each([
    ['scores.csv', '#model_version:v2023.03.01,score_date:2024-03-04T00:00:00+0000\n', true],
    ['scores.csv', 'cve,epss,percentile\n', true],
    ['epss_scores-current.csv.gz', '\u001f\ufffd\b', true],
    ['packages.csv', 'name,version\n', false],
    ['GHSA-1.json', '{"id":"GHSA-1"}', false],
  ])('%s', (name, head, expected) => {
    expect(epssImporter.detect(name, head)).toBe(expected);
  });
});
