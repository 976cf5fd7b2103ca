import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../testing/golden.ts';
import { sampleScan } from '../../testing/sample-scan.ts';
import { encodeCycloneDxJsonReport } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const validator = new JsonStrictValidator(Version.v1dot6);

interface CdxDoc {
  components: { 'bom-ref': string; purl?: string }[];
  vulnerabilities: { id: string; affects: { ref: string }[]; [key: string]: unknown }[];
}

const bom = (): CdxDoc => JSON.parse(encodeCycloneDxJsonReport(sampleScan()));

/** Every affects.ref must name a component that has a purl. */
function unresolvedRefs(doc: CdxDoc): string[] {
  const withPurl = new Set(doc.components.filter((component) => component.purl).map((c) => c['bom-ref']));
  return doc.vulnerabilities
    .flatMap((vuln) => vuln.affects.map((affect) => affect.ref))
    .filter((r) => !withPurl.has(r));
}

describe('CycloneDX JSON report', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.cdx.json'), encodeCycloneDxJsonReport(sampleScan()));
  });

  it('validates against the CycloneDX 1.6 strict JSON schema', async () => {
    expect(await validator.validate(encodeCycloneDxJsonReport(sampleScan()))).toBeNull();
  });

  it('is caught by the validator when broken (the schema check is live)', async () => {
    const doc = bom();
    doc.vulnerabilities[0] = {
      ...doc.vulnerabilities[0],
      id: 'CVE-2021-33574',
      affects: [],
      ratings: [{ severity: 'severe' }],
    };
    expect(await validator.validate(JSON.stringify(doc))).not.toBeNull();
  });

  it('points every affects.ref at a component with a purl', () => {
    const doc = bom();
    expect(doc.vulnerabilities.flatMap((vuln) => vuln.affects.map((affect) => affect.ref))).toEqual([
      'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
      'pkg:deb/debian/gzip@1.9-3?arch=amd64&distro=debian-10',
      'pkg:deb/debian/sudo@1.8.27-1?arch=amd64&distro=debian-10',
      'pkg:deb/debian/apt@1.8.2?arch=amd64&distro=debian-10',
      'pkg:deb/debian/dpkg@1.19.7?arch=amd64&distro=debian-10',
      'pkg:deb/debian/tar@1.30+dfsg-6?arch=amd64&distro=debian-10',
      'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
    ]);
    expect(unresolvedRefs(doc)).toEqual([]);
  });

  it('the resolution check is live: a dangling ref is reported', () => {
    const doc = bom();
    doc.components = doc.components.filter((component) => !component['bom-ref'].startsWith('pkg:deb/debian/gzip@'));
    expect(unresolvedRefs(doc)).toEqual(['pkg:deb/debian/gzip@1.9-3?arch=amd64&distro=debian-10']);
  });

  it('adds a component for a finding whose package is not in the inventory', async () => {
    const scan = sampleScan();
    scan.analysis.inventory.packages = scan.analysis.inventory.packages.filter((pkg) => pkg.name !== 'sudo');
    const text = encodeCycloneDxJsonReport(scan);
    const doc: CdxDoc = JSON.parse(text);
    expect(unresolvedRefs(doc)).toEqual([]);
    expect(doc.components.at(-1)).toMatchObject({
      type: 'library',
      name: 'sudo',
      version: '1.8.27-1',
      purl: 'pkg:deb/debian/sudo@1.8.27-1?arch=amd64&distro=debian-10',
    });
    expect(await validator.validate(text)).toBeNull();
  });

  it('writes the scanners of a merged finding and each one’s variant as properties', () => {
    const scan = sampleScan();
    const finding = scan.findings.find((candidate) => candidate.id === 'CVE-2021-33574');
    if (!finding) throw new Error('the sample scan has CVE-2021-33574');
    finding.reportedBy = ['lucent', 'grype'];
    finding.variants = [
      { scanner: 'lucent', id: finding.id, fixedVersions: ['2.28-10+deb10u2'] },
      { scanner: 'grype', id: 'GHSA-x', severity: { level: 'HIGH', source: 'grype' }, fixedVersions: [] },
    ];
    const doc: CdxDoc = JSON.parse(encodeCycloneDxJsonReport(scan));
    const written = doc.vulnerabilities.find((vuln) => vuln.id === 'CVE-2021-33574');
    const properties = ((written?.properties ?? []) as { name: string; value: string }[]).filter(({ name }) =>
      /^lucent:(scanner|variant:)/.test(name),
    );
    expect(properties).toEqual([
      { name: 'lucent:scanner', value: 'lucent' },
      { name: 'lucent:scanner', value: 'grype' },
      { name: 'lucent:variant:0:scanner', value: 'lucent' },
      { name: 'lucent:variant:0:id', value: 'CVE-2021-33574' },
      { name: 'lucent:variant:0:severity', value: 'UNKNOWN' },
      { name: 'lucent:variant:0:fixedVersions', value: '2.28-10+deb10u2' },
      { name: 'lucent:variant:1:scanner', value: 'grype' },
      { name: 'lucent:variant:1:id', value: 'GHSA-x' },
      { name: 'lucent:variant:1:severity', value: 'HIGH' },
    ]);
  });

  it('points an XSA finding (Alpine secdb names some Xen fixes by XSA id alone) at xenbits', async () => {
    const scan = sampleScan();
    const finding = scan.findings.find((candidate) => candidate.id === 'CVE-2021-33574');
    if (!finding) throw new Error('the sample scan has CVE-2021-33574');
    finding.id = 'XSA-207';
    finding.aliases = ['ALPINE-v3.11-main-XSA-207'];
    const text = encodeCycloneDxJsonReport(scan);
    const written = (JSON.parse(text) as CdxDoc).vulnerabilities.find((vuln) => vuln.id === 'XSA-207');
    expect(written).toMatchObject({
      source: { name: 'Xen Project', url: 'https://xenbits.xen.org/xsa/advisory-207.html' },
      references: [
        {
          id: 'ALPINE-v3.11-main-XSA-207',
          source: { name: 'OSV', url: 'https://osv.dev/vulnerability/ALPINE-v3.11-main-XSA-207' },
        },
      ],
    });
    expect(await validator.validate(text)).toBeNull();
  });

  it('writes the source, ratings, references and KEV/EPSS properties', () => {
    const [critical, , kev, , feedOnly, unknown] = bom().vulnerabilities;
    expect(critical).toMatchObject({
      id: 'CVE-2021-33574',
      source: { name: 'OSV', url: 'https://osv.dev/vulnerability/CVE-2021-33574' },
      references: [{ id: 'DLA-3152-1', source: { name: 'OSV', url: 'https://osv.dev/vulnerability/DLA-3152-1' } }],
      ratings: [
        {
          source: { name: 'NVD' },
          score: 9.8,
          severity: 'critical',
          method: 'CVSSv31',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        },
      ],
      description: 'glibc - security update',
      recommendation: 'Upgrade libc6 to 2.28-10+deb10u2',
      affects: [
        {
          ref: 'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
          versions: [{ version: '2.28-10', status: 'affected' }],
        },
      ],
    });
    expect(critical?.properties).toEqual(
      expect.arrayContaining([
        { name: 'lucent:epss:score', value: '0.00795' },
        { name: 'lucent:epss:percentile', value: '0.81234' },
        { name: 'lucent:scanner', value: 'lucent' },
        { name: 'lucent:evidence:0:recordId', value: 'DLA-3152-1' },
      ]),
    );
    expect(kev?.properties).toEqual(
      expect.arrayContaining([
        { name: 'lucent:kev:dateAdded', value: '2022-04-06' },
        { name: 'lucent:kev:dueDate', value: '2022-04-27' },
        { name: 'lucent:kev:knownRansomwareCampaignUse', value: 'Unknown' },
      ]),
    );
    expect(feedOnly?.ratings).toEqual([
      { source: { name: 'DSA-5147-1 (Debian urgency)' }, severity: 'medium', method: 'other' },
    ]);
    expect(unknown).not.toHaveProperty('ratings');
  });

  it.each([
    [
      'vex',
      'not_affected',
      'vulnerable_code_not_present',
      { state: 'not_affected', justification: 'code_not_present' },
    ],
    [
      'vex',
      'not_affected',
      'vulnerable_code_not_in_execute_path',
      { state: 'not_affected', justification: 'code_not_reachable' },
    ],
    ['vex', 'not_affected', 'protected_at_runtime', { state: 'not_affected', justification: 'protected_at_runtime' }],
    ['vex', 'not_affected', 'vulnerable_code_cannot_be_controlled_by_adversary', { state: 'not_affected' }],
    ['vex', 'fixed', undefined, { state: 'resolved' }],
    ['ignore-file', undefined, undefined, {}],
    ['only-fixed', undefined, undefined, {}],
  ] as const)('writes a %s suppression (%s, %s) as a VEX analysis', async (source, status, justification, expected) => {
    const scan = sampleScan();
    const [entry] = scan.suppressed ?? [];
    if (entry) {
      const { justification: _j, status: _s, ...rest } = entry;
      scan.suppressed = [
        { ...rest, source, ...(status ? { status } : {}), ...(justification ? { justification } : {}) },
      ];
    }
    const text = encodeCycloneDxJsonReport(scan);
    const suppressed = JSON.parse(text).vulnerabilities.at(-1);
    expect(suppressed.id).toBe('CVE-2023-4911');
    expect(suppressed.analysis).toEqual({ ...expected, detail: 'the vulnerable code was introduced in glibc 2.34' });
    expect(suppressed.affects[0].versions).toEqual([
      { version: '2.28-10', status: source === 'vex' ? 'unaffected' : 'affected' },
    ]);
    expect(suppressed.properties).toEqual(
      expect.arrayContaining([
        { name: 'lucent:suppression:source', value: source },
        { name: 'lucent:suppression:origin', value: 'vex.openvex.json statements[0]' },
      ]),
    );
    expect(await validator.validate(text)).toBeNull();
  });
});
