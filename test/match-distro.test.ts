/**
 * Matching end to end on real data: distro advisories imported into a real advisory DB, and the packages the
 * analyzers find in real images matched against them.
 * - Debian 10 (the trimmed nginx image) against the Debian security tracker's DSA and DLA lists (snapshot of April
 *   2023): the image predates most buster updates, so it has many findings, all on source packages.
 * - alpine:3.11 (Alpine 3.11.5) against secdb v3.11/main (snapshot of June 2020): every fix secdb lists is already in
 *   the image, so there must be no finding at all.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { fixtureImage } from './support/fixtures.ts';

const importers = new URL('../src/advisories/importers/', import.meta.url).pathname;

async function gunzipTo(source: string, target: string): Promise<string> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
  return target;
}

async function findingsFor(image: string, feeds: string[]): Promise<Finding[]> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-match-'));
  const dbPath = join(dir, 'advisories.db');
  await importPaths(feeds, dbPath);
  const opened = await openImage(image);
  const { inventory } = await analyzeImage(opened, { cache: noLayerCache, analyzers: analyzersByName() });
  await opened.close();
  const db = await openAdvisoryDb(dbPath);
  try {
    return matchPackages(inventory.packages, inventory.os, advisoryLookup(db));
  } finally {
    db.close();
  }
}

describe('Debian 10 nginx image against the DSA and DLA lists', () => {
  let findings: Finding[];
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-feeds-'));
    const feeds = await Promise.all(
      ['DSA-list.txt', 'DLA-list.txt'].map((name) =>
        gunzipTo(join(importers, 'debian-tracker/__fixtures__', `${name}.gz`), join(dir, name)),
      ),
    );
    findings = await findingsFor(fixtureImage('snyk-docker-plugin/docker-save_nginx.tar'), feeds);
  });

  it('finds every fixed advisory newer than the installed source versions, one finding per CVE', () => {
    expect(findings).toHaveLength(71);
    const row = (finding: Finding) =>
      `${finding.packageName} ${finding.installedVersion} ${finding.id} ${finding.fixedVersions.join(',')} ${finding.evidence.map((item) => item.recordId).join(',')}`;
    expect(findings.map(row)).toEqual(
      expect.arrayContaining([
        'apt 1.8.2 CVE-2020-27350 1.8.2.2 DSA-4808-1',
        'apt 1.8.2 CVE-2020-3810 1.8.2.1 DSA-4685-1',
        'dpkg 1.19.7 CVE-2022-1664 1.19.8 DSA-5147-1',
        'libc6 2.28-10 CVE-2021-3326 2.28-10+deb10u2 DLA-3152-1',
        'gzip 1.9-3 CVE-2022-1271 1.9-3+deb10u1 DSA-5122-1',
      ]),
    );
    expect(findings.filter((finding) => finding.packageName === 'libc6')).toHaveLength(14);
  });

  it('compares with dpkg order in the release’s ecosystem, and keeps the evidence', () => {
    for (const finding of findings) {
      expect(finding.evidence[0]).toMatchObject({
        ecosystem: 'Debian:10',
        comparator: 'deb',
        kind: 'range',
        introduced: '0',
      });
      expect(finding.fixedVersions.length).toBeGreaterThan(0);
    }
    const libc = findings.find((finding) => finding.packageName === 'libc6');
    expect(libc?.evidence[0]?.location).toMatchObject({ path: '/var/lib/dpkg/status' });
  });
});

describe('alpine:3.11 against secdb v3.11/main', () => {
  it('has no finding: every fix secdb lists is already installed', async () => {
    const findings = await findingsFor(fixtureImage('trivy/alpine-311.tar.gz'), [
      join(importers, 'alpine-secdb/__fixtures__/v3.11-main.yaml'),
    ]);
    expect(findings).toEqual([]);
  });
});
