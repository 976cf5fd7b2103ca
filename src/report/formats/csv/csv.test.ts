import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../testing/golden.ts';
import { sampleScan } from '../../testing/sample-scan.ts';
import { CSV_COLUMNS, csvField, encodeCsv } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);

/** A minimal RFC 4180 reader for the round trip: quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    i += 1;
    if (quoted && char === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i += 1;
    } else {
      field += char;
    }
  }
  return records;
}

describe('CSV report', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.csv'), encodeCsv(sampleScan()));
  });

  it('writes a header and one CRLF record per finding, in report order, then the suppressed ones', () => {
    const text = encodeCsv(sampleScan());
    expect(text.split('\r\n')).toHaveLength(9);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(0, 6).map((row) => row.slice(0, 8))).toEqual([
      ['libc6', '2.28-10', '2.28-10+deb10u2', 'CVE-2021-33574', 'CRITICAL', 'lucent', 'false', '0.00795'],
      ['gzip', '1.9-3', '1.9-3+deb10u1', 'CVE-2022-1271', 'HIGH', 'lucent', 'false', '0.12345'],
      ['sudo', '1.8.27-1', '1.8.27-1+deb10u3', 'CVE-2021-3156', 'HIGH', 'lucent', 'true', '0.97123'],
      ['apt', '1.8.2', '1.8.2.2', 'CVE-2020-27350', 'MEDIUM', 'lucent', 'false', '0.00042'],
      ['dpkg', '1.19.7', '1.19.8', 'CVE-2022-1664', 'MEDIUM', 'lucent', 'false', ''],
      ['tar', '1.30+dfsg-6', '', 'CVE-2022-48303', 'UNKNOWN', 'lucent', 'false', ''],
    ]);
    expect(rows[0]?.slice(8)).toEqual([
      '9.8',
      '0.81234',
      'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
      'DLA-3152-1',
      '',
      '',
      '',
      '',
    ]);
    expect(rows[6]?.slice(0, 5)).toEqual(['libc6', '2.28-10', '', 'CVE-2023-4911', 'HIGH']);
    expect(rows[6]?.slice(12)).toEqual([
      'vex:not_affected',
      'vulnerable_code_not_present',
      'the vulnerable code was introduced in glibc 2.34',
      'vex.openvex.json statements[0]',
    ]);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
  ])('quotes %j as %j (RFC 4180 §2.6–2.7)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('round-trips fields that need quoting', () => {
    const scan = sampleScan();
    const critical = scan.findings.find((finding) => finding.id === 'CVE-2021-33574');
    if (critical) critical.packageName = 'odd "name", with\r\nbreaks';
    const [, row] = parseCsv(encodeCsv(scan));
    expect(row?.[0]).toBe('odd "name", with\r\nbreaks');
    expect(row).toHaveLength(CSV_COLUMNS.length);
  });
});
