/**
 * Ubuntu matching on real OSV records (test/fixtures/osv-ubuntu: five UBUNTU-CVE records and USN-5614-1, as Canonical
 * publishes them): OSV names Ubuntu releases `Ubuntu:22.04:LTS` (and `Ubuntu:Pro:16.04:LTS` for fixes past standard
 * support), while os-release gives `VERSION_ID="22.04"`. Packages match on their source package, and the expected
 * set comes from an oracle apart from Lucent's matcher: the records' ECOSYSTEM ranges for the release (stock and Pro)
 * read with JSON.parse, `dpkg --compare-versions` deciding "lower", one finding per CVE the record is about (its
 * `upstream`, followed through other records: USN-5614-1 → UBUNTU-CVE-2021-3782 → CVE-2021-3782).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import type { OsInfo, Package } from '../src/core/package.ts';
import { advisorySources, enrichFindings } from '../src/matcher/enrich.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { dpkgLessThan } from './support/oracles/debian-lists.ts';
import { type OracleRecord, readRecords } from './support/oracles/osv-oracle.ts';

const RECORDS = fileURLToPath(new URL('./fixtures/osv-ubuntu/', import.meta.url));

/** A dpkg-installed binary package of an Ubuntu image, with its source package. */
function deb(name: string, version: string, source: string, sourceVersion = version, distro = 'ubuntu-22.04'): Package {
  return {
    type: 'deb',
    namespace: 'ubuntu',
    name,
    version,
    source: { name: source, version: sourceVersion },
    purl: `pkg:deb/ubuntu/${name}@${version}?arch=amd64&distro=${distro}`,
    foundBy: ['dpkg'],
    locations: [{ path: '/var/lib/dpkg/status', layerIndex: 0 }],
  };
}

const JAMMY: OsInfo = { id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.4 LTS' };
const XENIAL: OsInfo = { id: 'ubuntu', versionId: '16.04', prettyName: 'Ubuntu 16.04.7 LTS' };

/** The CVEs a record is about, following `upstream` through other records (USN → UBUNTU-CVE → CVE). */
function upstreamCves(records: OracleRecord[], id: string): string[] {
  if (id.startsWith('CVE-')) return [id];
  const record = records.find((candidate) => candidate.id === id);
  return ((record as { upstream?: string[] } | undefined)?.upstream ?? []).flatMap((up) => upstreamCves(records, up));
}

/** `name version id fixed…` for every (package, upstream CVE) a range of the release holds, by dpkg order. */
function oracle(records: OracleRecord[], packages: Package[], ecosystems: string[]): string[] {
  const found = new Map<string, Set<string>>();
  for (const pkg of packages) {
    for (const record of records) {
      const upstream = upstreamCves(records, record.id);
      for (const entry of record.affected ?? []) {
        if (!ecosystems.includes(entry.package?.ecosystem ?? '') || entry.package?.name !== pkg.source?.name) continue;
        for (const range of entry.ranges ?? []) {
          const introduced = range.events.find((event) => event.introduced !== undefined)?.introduced;
          const fixed = range.events.find((event) => event.fixed !== undefined)?.fixed;
          const version = pkg.source?.version ?? pkg.version;
          if (introduced !== '0' || (fixed !== undefined && !dpkgLessThan(version, fixed))) continue;
          for (const id of upstream.length > 0 ? upstream : [record.id]) {
            const key = `${pkg.name} ${pkg.version} ${id}`;
            const fixes = found.get(key) ?? new Set<string>();
            if (fixed) fixes.add(fixed);
            found.set(key, fixes);
          }
        }
      }
    }
  }
  return [...found].map(([key, fixes]) => `${key} ${[...fixes].sort().join(',')}`).sort();
}

const row = (finding: Finding) =>
  `${finding.packageName} ${finding.installedVersion} ${finding.id} ${[...finding.fixedVersions].sort().join(',')}`;

let dbPath: string;
let records: OracleRecord[];

async function scan(packages: Package[], os: OsInfo): Promise<Finding[]> {
  const db = await openAdvisoryDb(dbPath);
  try {
    return enrichFindings(matchPackages(packages, os, advisoryLookup(db)), advisorySources(db));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-ubuntu-')), 'advisories.db');
  await importPaths([RECORDS], dbPath);
  records = readRecords(RECORDS);
});

describe('Ubuntu 22.04 (jammy)', () => {
  const packages = [
    deb('libwayland-client0', '1.20.0-1', 'wayland'),
    deb('libwayland-server0', '1.20.0-1ubuntu0.1', 'wayland'),
    deb('libc6', '2.35-0ubuntu3.13', 'glibc'),
    deb('libc-bin', '2.35-0ubuntu3.13', 'glibc'),
    deb('sssd-common', '2.6.3-1ubuntu3.6', 'sssd'),
  ];
  let findings: Finding[];
  beforeAll(async () => {
    findings = await scan(packages, JAMMY);
  });

  it('matches in Ubuntu:22.04:LTS, exactly the oracle’s findings', () => {
    const expected = oracle(records, packages, ['Ubuntu:22.04:LTS', 'Ubuntu:Pro:22.04:LTS']);
    expect(expected).toEqual([
      'libc-bin 2.35-0ubuntu3.13 CVE-2016-20013 ',
      'libc6 2.35-0ubuntu3.13 CVE-2016-20013 ',
      'libwayland-client0 1.20.0-1 CVE-2021-3782 1.20.0-1ubuntu0.1',
      'sssd-common 2.6.3-1ubuntu3.6 CVE-2016-20013 ',
    ]);
    expect(findings.map(row).sort()).toEqual(expected);
    expect(findings.flatMap((finding) => finding.evidence.map((item) => item.ecosystem))).not.toContain('Ubuntu:22.04');
  });

  it('makes the notice and the Ubuntu CVE record one finding under the CVE', () => {
    const wayland = findings.find((finding) => finding.packageName === 'libwayland-client0');
    expect(wayland).toMatchObject({
      id: 'CVE-2021-3782',
      aliases: ['UBUNTU-CVE-2021-3782', 'USN-5614-1'],
      fixedVersions: ['1.20.0-1ubuntu0.1'],
      summary: 'wayland vulnerability',
    });
    expect(wayland?.evidence.map((item) => [item.recordId, item.ecosystem, item.comparedVersion, item.fixed])).toEqual([
      ['UBUNTU-CVE-2021-3782', 'Ubuntu:22.04:LTS', '1.20.0-1', '1.20.0-1ubuntu0.1'],
      ['USN-5614-1', 'Ubuntu:22.04:LTS', '1.20.0-1', '1.20.0-1ubuntu0.1'],
    ]);
  });

  it('rates by Ubuntu’s priority, which wins over the records’ CVSS vectors for an OS package', () => {
    const severities = Object.fromEntries(findings.map((finding) => [finding.packageName, finding.severity]));
    expect(severities['libwayland-client0']).toEqual({
      level: 'MEDIUM',
      source: 'Ubuntu priority of UBUNTU-CVE-2021-3782',
    });
    // UBUNTU-CVE-2016-20013 has a CVSS 7.5 vector, and Ubuntu's priority `negligible`.
    expect(severities.libc6).toEqual({ level: 'NEGLIGIBLE', source: 'Ubuntu priority of UBUNTU-CVE-2016-20013' });
  });
});

describe('Ubuntu 16.04 (xenial), past standard support', () => {
  it('is affected below the Ubuntu Pro fix (ESM), which is the one offered', async () => {
    const packages = [
      deb('libwayland-client0', '1.12.0-1~ubuntu16.04.3', 'wayland', undefined, 'ubuntu-16.04'),
      deb('libwayland-server0', '1.12.0-1~ubuntu16.04.3+esm1', 'wayland', undefined, 'ubuntu-16.04'),
    ];
    const findings = await scan(packages, XENIAL);
    const expected = oracle(records, packages, ['Ubuntu:16.04:LTS', 'Ubuntu:Pro:16.04:LTS']);
    expect(expected).toEqual(['libwayland-client0 1.12.0-1~ubuntu16.04.3 CVE-2021-3782 1.12.0-1~ubuntu16.04.3+esm1']);
    expect(findings.map(row)).toEqual(expected);
    expect(findings[0]?.evidence.map((item) => item.ecosystem)).toEqual(['Ubuntu:Pro:16.04:LTS']);
  });
});

describe('a release without records', () => {
  it('Ubuntu 24.10 (not LTS) looks up Ubuntu:24.10, where these records have nothing', async () => {
    const os: OsInfo = { id: 'ubuntu', versionId: '24.10', prettyName: 'Ubuntu 24.10' };
    expect(await scan([deb('libc6', '2.40-1ubuntu3', 'glibc', undefined, 'ubuntu-24.10')], os)).toEqual([]);
  });
});
