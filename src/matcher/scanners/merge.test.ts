import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../match.ts';
import { parseDependencyTrackFindings } from './dependency-track/parse.ts';
import { parseGrypeOutput } from './grype/parse.ts';
import { addExploitData, mergeScannerFindings, type ScannerReport } from './merge.ts';
import type { ScannerFinding } from './scanner.ts';
import { SAMPLE_PURLS, scannerSampleAnalysis } from './testing/scanner-sample.ts';
import { parseTrivyOutput } from './trivy/parse.ts';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const grype = parseGrypeOutput(fixture('./grype/__fixtures__/grype-sbom-scan.json'));
const trivy = parseTrivyOutput(fixture('./trivy/__fixtures__/trivy-sbom-scan.json'));
const dtrack = parseDependencyTrackFindings(
  JSON.parse(fixture('./dependency-track/__fixtures__/findings-project.json')),
);
const packages = scannerSampleAnalysis().inventory.packages;

const LODASH_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H';
const MINIMIST_VECTOR = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';

/** What the built-in matcher and enrichment give for lodash and minimist (the minimist record rated lower on purpose). */
function builtinFindings(): Finding[] {
  const evidence = (recordId: string, fixed: string, comparedVersion: string) => ({
    kind: 'range' as const,
    rangeType: 'SEMVER',
    introduced: '0',
    fixed,
    comparator: 'semver',
    recordId,
    ecosystem: 'npm',
    comparedVersion,
  });
  return [
    {
      id: 'CVE-2021-23337',
      aliases: ['GHSA-35jh-r3h4-6jhm'],
      packagePurl: SAMPLE_PURLS.lodash,
      packageName: 'lodash',
      installedVersion: '4.17.20',
      fixedVersions: ['4.17.21'],
      summary: 'Command Injection in lodash',
      evidence: [evidence('GHSA-35jh-r3h4-6jhm', '4.17.21', '4.17.20')],
      severity: { level: 'HIGH', score: 7.2, vector: LODASH_VECTOR, source: 'GHSA-35jh-r3h4-6jhm' },
    },
    {
      id: 'CVE-2021-44906',
      aliases: ['GHSA-xvch-5gv4-984h'],
      packagePurl: SAMPLE_PURLS.minimist,
      packageName: 'minimist',
      installedVersion: '1.2.5',
      fixedVersions: ['1.2.6'],
      summary: 'Prototype Pollution in minimist',
      evidence: [evidence('GHSA-xvch-5gv4-984h', '1.2.6', '1.2.5')],
      severity: {
        level: 'MEDIUM',
        score: 5.6,
        vector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L',
        source: 'GHSA-xvch-5gv4-984h',
      },
    },
  ];
}

const reports: ScannerReport[] = [
  { scanner: 'grype', findings: grype },
  { scanner: 'trivy', findings: trivy },
  { scanner: 'dependency-track', findings: dtrack },
];

describe('mergeScannerFindings', () => {
  it('merges the built-in findings with Grype, Trivy and Dependency-Track by id or alias and package', () => {
    const [lodash, minimist] = builtinFindings();
    const { findings, unmapped } = mergeScannerFindings([lodash as Finding, minimist as Finding], reports, packages);
    expect(unmapped).toEqual([]);
    expect(findings).toEqual([
      {
        // Found by Grype and Trivy only: the higher rating (Trivy's LOW over Grype's NEGLIGIBLE), no fix.
        id: 'CVE-2023-5678',
        aliases: [],
        packagePurl: SAMPLE_PURLS.libssl3,
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: [],
        evidence: [],
        severity: { level: 'LOW', source: 'trivy:debian' },
        summary:
          'Issue summary: Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow.',
        reportedBy: ['grype', 'trivy'],
        variants: [
          {
            scanner: 'grype',
            id: 'CVE-2023-5678',
            severity: { level: 'NEGLIGIBLE', source: 'grype:debian:distro:debian:12' },
            fixedVersions: [],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2023-5678',
            severity: { level: 'LOW', source: 'trivy:debian' },
            fixedVersions: [],
          },
        ],
      },
      {
        // Same level from both: the one with a CVSS score (Trivy's); the fix from the first scanner naming one.
        id: 'CVE-2024-0727',
        aliases: [],
        packagePurl: SAMPLE_PURLS.libssl3,
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: ['3.0.13-1~deb12u1'],
        evidence: [],
        severity: {
          level: 'MEDIUM',
          score: 5.5,
          vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H',
          source: 'trivy:nvd',
        },
        summary:
          'Issue summary: Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash leading to a potential Denial of Service attack',
        reportedBy: ['grype', 'trivy'],
        variants: [
          {
            scanner: 'grype',
            id: 'CVE-2024-0727',
            severity: { level: 'MEDIUM', source: 'grype:debian:distro:debian:12' },
            fixedVersions: ['3.0.13-1~deb12u1'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2024-0727',
            severity: {
              level: 'MEDIUM',
              score: 5.5,
              vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H',
              source: 'trivy:nvd',
            },
            fixedVersions: ['3.0.13-1~deb12u1'],
          },
        ],
      },
      {
        // Everyone agrees; the built-in finding leads and keeps its evidence.
        ...lodash,
        reportedBy: ['lucent', 'grype', 'trivy', 'dependency-track'],
        variants: [
          { scanner: 'lucent', id: 'CVE-2021-23337', severity: lodash?.severity, fixedVersions: ['4.17.21'] },
          {
            scanner: 'grype',
            id: 'GHSA-35jh-r3h4-6jhm',
            severity: { level: 'HIGH', score: 7.2, vector: LODASH_VECTOR, source: 'grype:github:language:javascript' },
            fixedVersions: ['4.17.21'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2021-23337',
            severity: { level: 'HIGH', score: 7.2, vector: LODASH_VECTOR, source: 'trivy:ghsa' },
            fixedVersions: ['4.17.21'],
          },
          {
            scanner: 'dependency-track',
            id: 'GHSA-35jh-r3h4-6jhm',
            severity: { level: 'HIGH', score: 7.2, vector: LODASH_VECTOR, source: 'dependency-track:GITHUB' },
            fixedVersions: [],
          },
        ],
      },
      {
        // The scanners rate it CRITICAL, the built-in MEDIUM: the built-in's is shown, the others kept as variants.
        ...minimist,
        reportedBy: ['lucent', 'grype', 'trivy', 'dependency-track'],
        variants: [
          { scanner: 'lucent', id: 'CVE-2021-44906', severity: minimist?.severity, fixedVersions: ['1.2.6'] },
          {
            scanner: 'grype',
            id: 'GHSA-xvch-5gv4-984h',
            severity: {
              level: 'CRITICAL',
              score: 9.8,
              vector: MINIMIST_VECTOR,
              source: 'grype:github:language:javascript',
            },
            fixedVersions: ['1.2.6'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2021-44906',
            severity: { level: 'CRITICAL', score: 9.8, vector: MINIMIST_VECTOR, source: 'trivy:ghsa' },
            fixedVersions: ['1.2.6', '0.2.4'],
          },
          {
            scanner: 'dependency-track',
            id: 'CVE-2021-44906',
            severity: { level: 'CRITICAL', score: 9.8, vector: MINIMIST_VECTOR, source: 'dependency-track:NVD' },
            fixedVersions: [],
          },
        ],
      },
      {
        // No built-in finding: the CVE (Trivy's id) is preferred over Grype's and Dependency-Track's GHSA.
        id: 'CVE-2023-32681',
        aliases: ['GHSA-j8r2-6x86-q33q'],
        packagePurl: SAMPLE_PURLS.requests,
        packageName: 'requests',
        installedVersion: '2.25.0',
        fixedVersions: ['2.31.0'],
        evidence: [],
        severity: {
          level: 'MEDIUM',
          score: 6.1,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
          source: 'grype:github:language:python',
        },
        summary: 'Unintended leak of Proxy-Authorization header in requests',
        reportedBy: ['grype', 'trivy', 'dependency-track'],
        variants: [
          {
            scanner: 'grype',
            id: 'GHSA-j8r2-6x86-q33q',
            severity: {
              level: 'MEDIUM',
              score: 6.1,
              vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
              source: 'grype:github:language:python',
            },
            fixedVersions: ['2.31.0'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2023-32681',
            severity: {
              level: 'MEDIUM',
              score: 6.1,
              vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
              source: 'trivy:ghsa',
            },
            fixedVersions: ['2.31.0'],
          },
          {
            scanner: 'dependency-track',
            id: 'GHSA-j8r2-6x86-q33q',
            severity: {
              level: 'MEDIUM',
              score: 6.1,
              vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
              source: 'dependency-track:GITHUB',
            },
            fixedVersions: [],
          },
        ],
      },
    ]);
  });

  it('reports a finding of one scanner alone without variants, and built-in findings as they are', () => {
    const [lodash] = builtinFindings();
    const { findings } = mergeScannerFindings([lodash as Finding], [{ scanner: 'grype', findings: [] }], packages);
    expect(findings).toEqual([{ ...lodash, reportedBy: ['lucent'] }]);
    const requests = grype.filter((finding) => finding.packageName === 'requests');
    expect(mergeScannerFindings(undefined, [{ scanner: 'grype', findings: requests }], packages).findings).toEqual([
      expect.objectContaining({ id: 'CVE-2023-32681', aliases: ['GHSA-j8r2-6x86-q33q'], reportedBy: ['grype'] }),
    ]);
    expect(
      mergeScannerFindings(undefined, [{ scanner: 'grype', findings: requests }], packages).findings[0],
    ).not.toHaveProperty('variants');
  });

  it('maps findings to inventory packages by bom-ref, canonical purl or merge key, and counts the rest', () => {
    const base: ScannerFinding = {
      id: 'CVE-2024-0727',
      aliases: [],
      packageName: 'libssl3',
      installedVersion: '3.0.11-1~deb12u2',
      fixedVersions: [],
    };
    const { findings, unmapped } = mergeScannerFindings(
      undefined,
      [
        // A repeated purl's bom-ref (`|2`), another distro spelling of the purl, an unknown package, and no purl at all.
        { scanner: 'trivy', findings: [{ ...base, bomRef: `${SAMPLE_PURLS.libssl3}|2` }] },
        {
          scanner: 'grype',
          findings: [{ ...base, purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=12.5' }],
        },
        {
          scanner: 'dependency-track',
          findings: [
            {
              ...base,
              id: 'CVE-2020-1',
              purl: 'pkg:npm/Left-Pad@1.3.0',
              packageName: 'left-pad',
              installedVersion: '1.3.0',
            },
            { ...base, id: 'CVE-2020-2', packageName: 'mystery' },
          ],
        },
      ],
      packages,
    );
    expect(findings.map((finding) => [finding.id, finding.packagePurl, finding.reportedBy])).toEqual([
      // An unmapped finding keeps its own purl, canonical.
      ['CVE-2020-1', 'pkg:npm/left-pad@1.3.0', ['dependency-track']],
      ['CVE-2024-0727', SAMPLE_PURLS.libssl3, ['trivy', 'grype']],
    ]);
    expect(unmapped).toEqual([{ scanner: 'dependency-track', count: 2 }]);
  });

  it('never joins two CVEs through a shared distro advisory id, but joins one scanner’s GHSA and CVE reports', () => {
    const base = {
      packageName: 'libssl3',
      installedVersion: '3.0.11-1~deb12u2',
      fixedVersions: [],
      purl: SAMPLE_PURLS.libssl3,
    };
    const { findings } = mergeScannerFindings(
      undefined,
      [
        {
          scanner: 'trivy',
          findings: [
            { ...base, id: 'CVE-2024-1', aliases: ['DSA-5000-1'] },
            { ...base, id: 'CVE-2024-2', aliases: ['DSA-5000-1'] },
          ],
        },
        {
          scanner: 'grype',
          findings: [
            { ...base, id: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2024-1'], fixedVersions: ['1'] },
            { ...base, id: 'CVE-2024-1', aliases: [], fixedVersions: ['2'] },
          ],
        },
      ],
      packages,
    );
    expect(
      findings.map((finding) => [
        finding.id,
        finding.aliases,
        finding.variants?.map((v) => [v.scanner, v.id, v.fixedVersions]),
      ]),
    ).toEqual([
      [
        'CVE-2024-1',
        ['DSA-5000-1', 'GHSA-aaaa-bbbb-cccc'],
        [
          ['trivy', 'CVE-2024-1', []],
          ['grype', 'GHSA-aaaa-bbbb-cccc', ['1', '2']],
        ],
      ],
      ['CVE-2024-2', ['DSA-5000-1'], undefined],
    ]);
  });

  it('takes the highest scanner severity when the built-in rated the finding UNKNOWN', () => {
    const [lodash] = builtinFindings();
    const unrated = { ...(lodash as Finding), severity: { level: 'UNKNOWN' as const, source: 'DSA-1' } };
    const { findings } = mergeScannerFindings([unrated], [{ scanner: 'trivy', findings: trivy }], packages);
    expect(findings.find((finding) => finding.packageName === 'lodash')?.severity).toEqual({
      level: 'HIGH',
      score: 7.2,
      vector: LODASH_VECTOR,
      source: 'trivy:ghsa',
    });
  });
});

describe('addExploitData', () => {
  it('adds KEV and EPSS by CVE id or alias where a finding has none', () => {
    const kev = { cveId: 'CVE-2023-32681', dateAdded: '2024-01-01' } as never;
    const epss = { cveId: 'CVE-2023-32681', epss: 0.5, percentile: 0.9, date: '2024-01-02' } as never;
    const finding = {
      id: 'GHSA-j8r2-6x86-q33q',
      aliases: ['CVE-2023-32681'],
      packagePurl: SAMPLE_PURLS.requests,
      packageName: 'requests',
      installedVersion: '2.25.0',
      fixedVersions: [],
      evidence: [],
    };
    const sources = {
      kevFor: (id: string) => (id === 'CVE-2023-32681' ? kev : undefined),
      epssFor: (id: string) => (id === 'CVE-2023-32681' ? epss : undefined),
    };
    expect(addExploitData([finding], sources)).toEqual([{ ...finding, kev, epss }]);
  });
});
