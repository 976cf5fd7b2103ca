/**
 * A small, fixed scan for the report format tests, built from real data: a Debian 10 image (the nginx image's base
 * packages, plus sudo) and findings as `matchPackages` gives them against the DSA/DLA lists (ids, fixes and records
 * are the tracker's; CVSS vectors are NVD's; the KEV entries are CISA's; EPSS values are illustrative). Every field a
 * report writes appears at least once: a CRITICAL 9.8 finding with a vector, a KEV one with EPSS, one with a feed
 * severity and no score, one with no severity and no fix, and a suppressed KEV one.
 */
import type { Package } from '../../core/package.ts';
import type { Image, Layer } from '../../image/image.ts';
import type { Finding, FindingEvidence } from '../../matcher/match.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import type { ScanReportInput } from '../encode.ts';

const LAYER0 = 'sha256:2db44bce66cde56fca25aeeb7d09dc924b748e3adfe58c9cc3eb2bd2f68a1b68';
const LAYER1 = 'sha256:16d1b1dd2a23a7a79426299fde8be008f59b1e3bbf3c8d2d4e2d1f6d3b8a6e11';
const DPKG_STATUS = '/var/lib/dpkg/status';
const DISTRO = 'distro=debian-10';

function layer(index: number, diffId: string): Layer {
  return {
    index,
    digest: `sha256:${String(index + 4).repeat(64)}`,
    diffId,
    mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    size: 27_000_000 + index,
    entries: () => {
      throw new Error('the sample image has no layer contents');
    },
  };
}

function deb(name: string, version: string, source: string, layerIndex = 0): Package {
  return {
    type: 'deb',
    namespace: 'debian',
    name,
    version,
    qualifiers: { arch: 'amd64' },
    purl: `pkg:deb/debian/${name}@${version}?arch=amd64&${DISTRO}`,
    source: { name: source, version },
    foundBy: ['dpkg'],
    locations: [{ path: DPKG_STATUS, layerDiffId: layerIndex === 0 ? LAYER0 : LAYER1, layerIndex }],
  };
}

/** A fixed analysis result: a Debian 10 image with a handful of OS packages. */
export function sampleAnalysis(): AnalysisResult {
  const layers = [layer(0, LAYER0), layer(1, LAYER1)];
  const image: Image = {
    source: { kind: 'docker-archive', reference: 'docker-save_nginx.tar' },
    name: 'nginx:1.17',
    manifest: { digest: `sha256:${'e'.repeat(64)}`, mediaType: 'application/vnd.docker.distribution.manifest.v2+json' },
    configDigest: `sha256:${'f'.repeat(64)}`,
    platform: { os: 'linux', architecture: 'amd64' },
    config: {},
    history: [],
    layers,
    repoTags: ['nginx:1.17'],
    warnings: [],
    close: async () => undefined,
  };
  return {
    image,
    warnings: [],
    inventory: {
      os: { id: 'debian', versionId: '10', versionCodename: 'buster', prettyName: 'Debian GNU/Linux 10 (buster)' },
      layers,
      unknowns: [],
      packages: [
        deb('apt', '1.8.2', 'apt'),
        deb('dpkg', '1.19.7', 'dpkg'),
        deb('gzip', '1.9-3', 'gzip'),
        deb('libc6', '2.28-10', 'glibc'),
        deb('sudo', '1.8.27-1', 'sudo', 1),
        deb('tar', '1.30+dfsg-6', 'tar'),
      ],
    },
  };
}

function evidence(
  recordId: string,
  comparedVersion: string,
  fixed: string | undefined,
  layerIndex = 0,
): FindingEvidence {
  return {
    kind: 'range',
    rangeType: 'ECOSYSTEM',
    introduced: '0',
    ...(fixed ? { fixed } : {}),
    comparator: 'deb',
    recordId,
    ecosystem: 'Debian:10',
    comparedVersion,
    location: { path: DPKG_STATUS, layerDiffId: layerIndex === 0 ? LAYER0 : LAYER1, layerIndex },
  };
}

const purl = (name: string, version: string) => `pkg:deb/debian/${name}@${version}?arch=amd64&${DISTRO}`;

/** The reported findings, in the matcher's order (package name, then id). */
export function sampleFindings(): Finding[] {
  return [
    {
      id: 'CVE-2020-27350',
      aliases: ['DSA-4808-1'],
      packagePurl: purl('apt', '1.8.2'),
      packageName: 'apt',
      installedVersion: '1.8.2',
      fixedVersions: ['1.8.2.2'],
      summary: 'apt - security update',
      evidence: [evidence('DSA-4808-1', '1.8.2', '1.8.2.2')],
      severity: {
        level: 'MEDIUM',
        score: 5.7,
        vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:L',
        source: 'NVD',
      },
      epss: { cveId: 'CVE-2020-27350', epss: 0.00042, percentile: 0.05122 },
    },
    {
      id: 'CVE-2022-1664',
      aliases: ['DSA-5147-1'],
      packagePurl: purl('dpkg', '1.19.7'),
      packageName: 'dpkg',
      installedVersion: '1.19.7',
      fixedVersions: ['1.19.8'],
      summary: 'dpkg - security update',
      evidence: [evidence('DSA-5147-1', '1.19.7', '1.19.8')],
      severity: { level: 'MEDIUM', source: 'DSA-5147-1 (Debian urgency)' },
    },
    {
      id: 'CVE-2022-1271',
      aliases: ['DSA-5122-1'],
      packagePurl: purl('gzip', '1.9-3'),
      packageName: 'gzip',
      installedVersion: '1.9-3',
      fixedVersions: ['1.9-3+deb10u1'],
      summary: 'gzip - security update',
      evidence: [evidence('DSA-5122-1', '1.9-3', '1.9-3+deb10u1')],
      severity: { level: 'HIGH', score: 8.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', source: 'NVD' },
      epss: { cveId: 'CVE-2022-1271', epss: 0.12345, percentile: 0.95321 },
    },
    {
      id: 'CVE-2021-33574',
      aliases: ['DLA-3152-1'],
      packagePurl: purl('libc6', '2.28-10'),
      packageName: 'libc6',
      installedVersion: '2.28-10',
      fixedVersions: ['2.28-10+deb10u2'],
      summary: 'glibc - security update',
      evidence: [evidence('DLA-3152-1', '2.28-10', '2.28-10+deb10u2')],
      severity: {
        level: 'CRITICAL',
        score: 9.8,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        source: 'NVD',
      },
      epss: { cveId: 'CVE-2021-33574', epss: 0.00795, percentile: 0.81234 },
    },
    {
      id: 'CVE-2021-3156',
      aliases: ['DSA-4839-1'],
      packagePurl: purl('sudo', '1.8.27-1'),
      packageName: 'sudo',
      installedVersion: '1.8.27-1',
      fixedVersions: ['1.8.27-1+deb10u3'],
      summary: 'sudo - security update',
      evidence: [evidence('DSA-4839-1', '1.8.27-1', '1.8.27-1+deb10u3', 1)],
      severity: { level: 'HIGH', score: 7.8, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', source: 'NVD' },
      kev: {
        cveId: 'CVE-2021-3156',
        vendorProject: 'Sudo',
        product: 'Sudo',
        dateAdded: '2022-04-06',
        dueDate: '2022-04-27',
        knownRansomwareCampaignUse: 'Unknown',
      },
      epss: { cveId: 'CVE-2021-3156', epss: 0.97123, percentile: 0.99856 },
    },
    {
      id: 'CVE-2022-48303',
      aliases: [],
      packagePurl: purl('tar', '1.30+dfsg-6'),
      packageName: 'tar',
      installedVersion: '1.30+dfsg-6',
      fixedVersions: [],
      evidence: [{ ...evidence('CVE-2022-48303', '1.30+dfsg-6', undefined) }],
    },
  ];
}

/** A suppressed finding: glibc's "Looney Tunables", in KEV, but the vulnerable code is newer than buster's glibc. */
export function sampleSuppressed(): NonNullable<ScanReportInput['suppressed']> {
  return [
    {
      finding: {
        id: 'CVE-2023-4911',
        aliases: [],
        packagePurl: purl('libc6', '2.28-10'),
        packageName: 'libc6',
        installedVersion: '2.28-10',
        fixedVersions: [],
        summary: 'glibc: buffer overflow in ld.so leading to privilege escalation',
        evidence: [evidence('CVE-2023-4911', '2.28-10', undefined)],
        severity: { level: 'HIGH', score: 7.8, vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', source: 'NVD' },
        kev: { cveId: 'CVE-2023-4911', vendorProject: 'GNU', product: 'GNU C Library', dateAdded: '2023-11-21' },
      },
      source: 'vex',
      reason: 'the vulnerable code was introduced in glibc 2.34',
      justification: 'vulnerable_code_not_present',
      status: 'not_affected',
      origin: 'vex.openvex.json statements[0]',
    },
  ];
}

/** The report input for the sample, with the timestamp and serial number fixed for golden files. */
export function sampleScan(): ScanReportInput {
  return {
    analysis: sampleAnalysis(),
    findings: sampleFindings(),
    suppressed: sampleSuppressed(),
    tool: { name: 'lucent', version: '0.1.0' },
    timestamp: new Date('2024-05-01T12:00:00.000Z'),
    serialNumber: 'urn:uuid:6f0c3d1e-2b4a-4c8e-9a57-3d2f1e0b9c84',
  };
}
