import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../testing/golden.ts';
import { sampleScan } from '../../testing/sample-scan.ts';
import { encodeTable } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const ESC = '\u001b[';

describe('table report', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.txt'), encodeTable(sampleScan(), {}));
  });

  it('matches the coloured golden file', async () => {
    await expectGolden(fixture('sample.golden.color.txt'), encodeTable(sampleScan(), { color: true }));
  });

  it('groups by severity, highest first, then by package, with KEV and EPSS columns', () => {
    const lines = encodeTable(sampleScan(), {}).split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual([
      'NAME',
      'INSTALLED',
      'FIXED-IN',
      'VULNERABILITY',
      'SEVERITY',
      'SCANNERS',
      'KEV',
      'EPSS',
    ]);
    expect(lines.slice(1, 7).map((line) => line.split(/\s+/))).toEqual([
      ['libc6', '2.28-10', '2.28-10+deb10u2', 'CVE-2021-33574', 'CRITICAL', 'lucent', '0.8%'],
      ['gzip', '1.9-3', '1.9-3+deb10u1', 'CVE-2022-1271', 'HIGH', 'lucent', '12.3%'],
      ['sudo', '1.8.27-1', '1.8.27-1+deb10u3', 'CVE-2021-3156', 'HIGH', 'lucent', 'KEV', '97.1%'],
      ['apt', '1.8.2', '1.8.2.2', 'CVE-2020-27350', 'MEDIUM', 'lucent', '<0.1%'],
      ['dpkg', '1.19.7', '1.19.8', 'CVE-2022-1664', 'MEDIUM', 'lucent'],
      ['tar', '1.30+dfsg-6', 'CVE-2022-48303', 'UNKNOWN', 'lucent'],
    ]);
    expect(lines.slice(7)).toEqual([
      '',
      'Suppressed (1):',
      'NAME   INSTALLED  VULNERABILITY  SEVERITY  SUPPRESSED-BY                                   REASON',
      'libc6  2.28-10    CVE-2023-4911  HIGH      vex not_affected (vulnerable_code_not_present)  the vulnerable code was introduced in glibc 2.34 [vex.openvex.json statements[0]]',
      '',
      '6 vulnerabilities: 1 CRITICAL, 2 HIGH, 2 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 1 UNKNOWN; 5 fixable, 1 KEV; 1 suppressed',
      '',
    ]);
  });

  it('without the suppressed findings listed, only counts them', () => {
    const lines = encodeTable({ ...sampleScan(), suppressed: [], suppressedCount: 3 }, {}).split('\n');
    expect(lines.slice(7)).toEqual([
      '',
      '6 vulnerabilities: 1 CRITICAL, 2 HIGH, 2 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 1 UNKNOWN; 5 fixable, 1 KEV; 3 suppressed',
      '',
    ]);
  });

  it('aligns columns: every row has its cells at the header offsets', () => {
    const [header, ...rows] = encodeTable(sampleScan(), {}).split('\n').slice(0, 7);
    const offsets = ['INSTALLED', 'VULNERABILITY', 'SCANNERS'].map((name) => header?.indexOf(name));
    for (const row of rows) for (const offset of offsets) expect(row[(offset ?? 0) - 1]).toBe(' ');
    expect(rows.map((row) => row.indexOf('lucent'))).toEqual(rows.map(() => header?.indexOf('SCANNERS')));
  });

  it('colours only when asked, and the coloured table reads the same without its escape codes', () => {
    const plain = encodeTable(sampleScan(), {});
    const color = encodeTable(sampleScan(), { color: true });
    expect(plain).not.toContain(ESC);
    expect(color).toContain(`${ESC}1m${ESC}31mCRITICAL`);
    expect(color).toContain(`${ESC}31mHIGH`);
    expect(color).toContain(`${ESC}33mMEDIUM`);
    expect(stripVTControlCharacters(color)).toBe(plain);
  });

  it('reads the scanners from the evidence', () => {
    const scan = sampleScan();
    const [first] = scan.findings;
    const [evidence] = first?.evidence ?? [];
    if (first && evidence)
      first.evidence.push({ ...evidence, recordId: 'GHSA-x', reportedBy: 'grype' } as typeof evidence);
    expect(encodeTable(scan, {})).toMatch(/CVE-2020-27350 +MEDIUM +grype, lucent/);
  });

  it('lists the scanners of a merged finding in reportedBy order (built-in first, then --scanners order)', () => {
    const scan = sampleScan();
    const [first] = scan.findings;
    if (first) first.reportedBy = ['lucent', 'trivy', 'dependency-track'];
    expect(encodeTable(scan, {})).toMatch(/CVE-2020-27350 +MEDIUM +lucent, trivy, dependency-track +<0.1%\n/);
  });

  it('says so when there is nothing to report', () => {
    expect(encodeTable({ ...sampleScan(), findings: [], suppressed: [] }, {})).toBe(
      'No vulnerabilities found.\n\n0 vulnerabilities: 0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 0 UNKNOWN; 0 fixable, 0 KEV\n',
    );
  });
});
