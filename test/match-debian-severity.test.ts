/**
 * Severity of Debian findings, end to end: the Debian 10 nginx image matched against the real DSA and DLA lists (which
 * rate nothing), the tracker's JSON export for five of its CVEs (per-release urgencies; hand-written in the published
 * format, test/fixtures/debian-severity/README.md) and OSV records carrying NVD's CVSS vectors for two of them.
 *
 * The rule (src/matcher/severity.ts, enrich.ts; docs/reports.md): for an OS package, the distro's own rating for the
 * package's release wins; when the tracker has not rated it (`not yet assigned`), a CVSS vector of another record of
 * the same CVE is used; with neither, UNKNOWN.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { advisorySources, enrichFindings } from '../src/matcher/enrich.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { fixtureImage } from './support/fixtures.ts';

const importers = fileURLToPath(new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/debian-severity/', import.meta.url));

let findings: Finding[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-debian-severity-'));
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(importers, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  const dbPath = join(dir, 'advisories.db');
  await importPaths([...lists, join(fixtures, 'tracker-buster.json'), join(fixtures, 'osv')], dbPath);
  const image = await openImage(fixtureImage('snyk-docker-plugin/docker-save_nginx.tar'));
  const { inventory } = await analyzeImage(image, { cache: noLayerCache, analyzers: analyzersByName() });
  await image.close();
  const db = await openAdvisoryDb(dbPath);
  try {
    findings = enrichFindings(matchPackages(inventory.packages, inventory.os, advisoryLookup(db)), advisorySources(db));
  } finally {
    db.close();
  }
});

function severityOf(packageName: string, id: string) {
  const finding = findings.find((candidate) => candidate.packageName === packageName && candidate.id === id);
  if (!finding) throw new Error(`no finding ${id} for ${packageName}`);
  return finding.severity;
}

describe('Debian findings’ severity', () => {
  it('the tracker records match too, so the finding set is the DSA/DLA one', () => {
    expect(findings).toHaveLength(71);
    expect(
      findings
        .find((finding) => finding.id === 'CVE-2021-3326' && finding.packageName === 'libc6')
        ?.evidence.map((item) => item.recordId),
    ).toEqual(['DEBIAN-CVE-2021-3326', 'DLA-3152-1']);
  });

  it('`low*` for buster: LOW, over bullseye’s `high` and over NVD’s 7.5', () => {
    expect(severityOf('libc6', 'CVE-2021-3326')).toEqual({ level: 'LOW', source: 'urgency of DEBIAN-CVE-2021-3326' });
  });

  it('`medium**`: MEDIUM; `unimportant`: NEGLIGIBLE', () => {
    expect(severityOf('apt', 'CVE-2020-27350')).toEqual({
      level: 'MEDIUM',
      source: 'urgency of DEBIAN-CVE-2020-27350',
    });
    expect(severityOf('libc-bin', 'CVE-2016-10228')).toEqual({
      level: 'NEGLIGIBLE',
      source: 'urgency of DEBIAN-CVE-2016-10228',
    });
  });

  it('`not yet assigned` with a CVSS vector elsewhere: the vector’s level', () => {
    expect(severityOf('zlib1g', 'CVE-2022-37434')).toEqual({
      level: 'CRITICAL',
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      source: 'CVSS_V3 vector of CVE-2022-37434',
    });
  });

  it('`not yet assigned` and no vector, or no tracker data at all: UNKNOWN', () => {
    expect(severityOf('dpkg', 'CVE-2022-1664')).toEqual({
      level: 'UNKNOWN',
      source: 'urgency of DEBIAN-CVE-2022-1664',
    });
    expect(severityOf('gzip', 'CVE-2022-1271')).toBeUndefined();
    const rated = findings.filter((finding) => finding.severity && finding.severity.level !== 'UNKNOWN');
    expect(rated.map((finding) => `${finding.packageName} ${finding.id} ${finding.severity?.level}`)).toEqual([
      'apt CVE-2020-27350 MEDIUM',
      'libapt-pkg5.0 CVE-2020-27350 MEDIUM',
      'libc-bin CVE-2016-10228 NEGLIGIBLE',
      'libc-bin CVE-2021-3326 LOW',
      'libc6 CVE-2016-10228 NEGLIGIBLE',
      'libc6 CVE-2021-3326 LOW',
      'zlib1g CVE-2022-37434 CRITICAL',
    ]);
  });
});
