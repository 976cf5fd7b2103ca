import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../testing/golden.ts';
import { sampleScan } from '../../testing/sample-scan.ts';
import { encodeJson } from './encode.ts';
import { jsonReportSchema } from './schema.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const report = () => JSON.parse(encodeJson(sampleScan()));

describe('JSON report', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.json'), encodeJson(sampleScan()));
  });

  it('conforms to schema version 1 (strict: no undocumented field)', () => {
    expect(jsonReportSchema.safeParse(report()).success).toBe(true);
  });

  it.each([
    ['an undocumented field', (doc: Record<string, never>) => Object.assign(doc, { extra: 1 })],
    ['a missing key', (doc: { findings: { epss?: unknown }[] }) => delete doc.findings[0]?.epss],
    [
      'a wrong severity',
      (doc: { findings: { severity: { level: string } }[] }) => {
        if (doc.findings[0]) doc.findings[0].severity.level = 'SEVERE';
      },
    ],
  ])('is caught by the schema with %s (the check is live)', (_name, breakIt) => {
    const doc = report();
    breakIt(doc);
    expect(jsonReportSchema.safeParse(doc).success).toBe(false);
  });

  it('writes the source, the OS and the summary', () => {
    const doc = report();
    expect(doc.schemaVersion).toBe(1);
    expect(doc.source).toEqual({
      kind: 'docker-archive',
      reference: 'docker-save_nginx.tar',
      name: 'nginx:1.17',
      manifestDigest: `sha256:${'e'.repeat(64)}`,
      configDigest: `sha256:${'f'.repeat(64)}`,
      platform: 'linux/amd64',
      tags: ['nginx:1.17'],
    });
    expect(doc.os).toEqual({
      id: 'debian',
      versionId: '10',
      codename: 'buster',
      prettyName: 'Debian GNU/Linux 10 (buster)',
    });
    expect(doc.summary).toEqual({
      total: 6,
      bySeverity: { CRITICAL: 1, HIGH: 2, MEDIUM: 2, LOW: 0, NEGLIGIBLE: 0, UNKNOWN: 1 },
      fixable: 5,
      kev: 1,
      suppressed: 1,
    });
  });

  it('writes findings in report order with package, severity, KEV, EPSS and evidence', () => {
    const doc = report();
    expect(doc.findings.map((finding: { id: string }) => finding.id)).toEqual([
      'CVE-2021-33574',
      'CVE-2022-1271',
      'CVE-2021-3156',
      'CVE-2020-27350',
      'CVE-2022-1664',
      'CVE-2022-48303',
    ]);
    expect(doc.findings[0]).toEqual({
      id: 'CVE-2021-33574',
      aliases: ['DLA-3152-1'],
      summary: 'glibc - security update',
      url: 'https://osv.dev/vulnerability/CVE-2021-33574',
      package: {
        name: 'libc6',
        version: '2.28-10',
        purl: 'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
        type: 'deb',
        locations: [
          { path: '/var/lib/dpkg/status', layerDiffId: expect.stringMatching(/^sha256:2db4/), layerIndex: 0 },
        ],
      },
      fixedVersions: ['2.28-10+deb10u2'],
      severity: {
        level: 'CRITICAL',
        score: 9.8,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        source: 'NVD',
      },
      kev: null,
      epss: { score: 0.00795, percentile: 0.81234 },
      scanners: ['lucent'],
      variants: [],
      evidence: [
        {
          recordId: 'DLA-3152-1',
          ecosystem: 'Debian:10',
          comparator: 'deb',
          comparedVersion: '2.28-10',
          kind: 'range',
          rangeType: 'ECOSYSTEM',
          introduced: '0',
          fixed: '2.28-10+deb10u2',
          lastAffected: null,
          limit: null,
          location: { path: '/var/lib/dpkg/status', layerDiffId: expect.any(String), layerIndex: 0 },
        },
      ],
    });
    expect(doc.findings[2].kev).toEqual({
      dateAdded: '2022-04-06',
      dueDate: '2022-04-27',
      knownRansomwareCampaignUse: 'Unknown',
    });
    expect(doc.findings[5].severity).toEqual({ level: 'UNKNOWN', score: null, vector: null, source: null });
  });

  it('lists suppressed findings with the reason and justification', () => {
    const [suppressed] = report().suppressed;
    expect(suppressed).toMatchObject({
      id: 'CVE-2023-4911',
      package: { name: 'libc6' },
      kev: { dateAdded: '2023-11-21', dueDate: null },
      suppression: {
        source: 'vex',
        reason: 'the vulnerable code was introduced in glibc 2.34',
        justification: 'vulnerable_code_not_present',
        status: 'not_affected',
        origin: 'vex.openvex.json statements[0]',
      },
    });
  });

  it('counts suppressed findings that are not listed (without --show-suppressed)', () => {
    const doc = JSON.parse(encodeJson({ ...sampleScan(), suppressed: [], suppressedCount: 4 }));
    expect(doc.summary.suppressed).toBe(4);
    expect(doc.suppressed).toEqual([]);
  });

  it('takes the package type from the purl when the package is not in the inventory', () => {
    const scan = sampleScan();
    scan.analysis.inventory.packages = [];
    const doc = JSON.parse(encodeJson(scan));
    expect(doc.findings[0].package.type).toBe('deb');
    expect(doc.findings[0].package.locations).toEqual([
      { path: '/var/lib/dpkg/status', layerDiffId: expect.any(String), layerIndex: 0 },
    ]);
  });

  it('writes the scanners that reported a finding and each one’s variant (docs/scanners.md)', () => {
    const scan = sampleScan();
    const first = scan.findings.find((finding) => finding.id === 'CVE-2021-33574');
    if (!first) throw new Error('the sample scan has CVE-2021-33574');
    first.reportedBy = ['lucent', 'grype'];
    first.variants = [
      {
        scanner: 'lucent',
        id: first.id,
        ...(first.severity ? { severity: first.severity } : {}),
        fixedVersions: first.fixedVersions,
      },
      {
        scanner: 'grype',
        id: first.id,
        severity: { level: 'HIGH', source: 'grype:debian:distro:debian:10' },
        fixedVersions: [],
      },
    ];
    const doc = JSON.parse(encodeJson(scan));
    expect(jsonReportSchema.safeParse(doc).success).toBe(true);
    const written = doc.findings.find((finding: { id: string }) => finding.id === first.id);
    expect(written.scanners).toEqual(['lucent', 'grype']);
    expect(written.variants).toEqual([
      {
        scanner: 'lucent',
        id: 'CVE-2021-33574',
        severity: {
          level: 'CRITICAL',
          score: 9.8,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          source: 'NVD',
        },
        fixedVersions: ['2.28-10+deb10u2'],
      },
      {
        scanner: 'grype',
        id: 'CVE-2021-33574',
        severity: { level: 'HIGH', score: null, vector: null, source: 'grype:debian:distro:debian:10' },
        fixedVersions: [],
      },
    ]);
  });
});
