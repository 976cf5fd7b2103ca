/**
 * Debian matching on real data, against an oracle that shares no code with Lucent's importer, deb versioning or
 * matcher (test/support/oracles/debian-lists.ts): the DSA and DLA `list` files of the Debian security tracker
 * (snapshot of April 2023) read line by line, the packages of the Debian 10 nginx image from its ground-truth list
 * (read from the image's own dpkg status, not by Lucent's analyzers), and `dpkg --compare-versions` deciding "lower".
 * The expected set is every (binary package, CVE, fixed versions) where the package's source version is lower than a
 * `[buster] - <source> <version>` line of an advisory naming the CVE.
 *
 * The image predates most buster updates, so there are many findings, all found through source packages (libc6 and
 * libc-bin through glibc, bsdutils through util-linux, …).
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
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
import type { Inventory } from '../src/inventory/build-inventory.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { fixtureImage } from './support/fixtures.ts';
import {
  debianFixLines,
  dpkgLessThan,
  expectedDebianFindings,
  groundTruthPackages,
} from './support/oracles/debian-lists.ts';

const importers = fileURLToPath(new URL('../src/advisories/importers/', import.meta.url));
const NGINX_TRUTH = fileURLToPath(
  new URL('./fixtures/ground-truth/images/snyk-docker-plugin_docker-save_nginx.packages.tsv', import.meta.url),
);

/** A finding as the oracle writes it: `name version id fixed1,fixed2` (fixed versions sorted as strings). */
const row = (finding: Finding) =>
  `${finding.packageName} ${finding.installedVersion} ${finding.id} ${[...finding.fixedVersions].sort().join(',')}`;

let lists: Record<'DSA' | 'DLA', { path: string; text: string }>;
let inventory: Inventory;

async function findingsFor(feeds: string[]): Promise<Finding[]> {
  const dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-match-')), 'advisories.db');
  await importPaths(feeds, dbPath);
  const db = await openAdvisoryDb(dbPath);
  try {
    return matchPackages(inventory.packages, inventory.os, advisoryLookup(db));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-feeds-'));
  const entries = await Promise.all(
    (['DSA', 'DLA'] as const).map(async (name) => {
      const path = join(dir, `${name}-list.txt`);
      const source = join(importers, 'debian-tracker/__fixtures__', `${name}-list.txt.gz`);
      await pipeline(createReadStream(source), createGunzip(), createWriteStream(path));
      return [name, { path, text: readFileSync(path, 'utf8') }] as const;
    }),
  );
  lists = Object.fromEntries(entries) as typeof lists;
  const opened = await openImage(fixtureImage('snyk-docker-plugin/docker-save_nginx.tar'));
  ({ inventory } = await analyzeImage(opened, { cache: noLayerCache, analyzers: analyzersByName() }));
  await opened.close();
});

describe('the oracle', () => {
  it('uses dpkg’s own order (epochs, tildes, Debian revisions)', () => {
    expect(dpkgLessThan('2.28-10', '2.28-10+deb10u1')).toBe(true);
    expect(dpkgLessThan('1:1.0', '2.0')).toBe(false);
    expect(dpkgLessThan('1.0~rc1', '1.0')).toBe(true);
    expect(dpkgLessThan('1.19.7', '1.19.7')).toBe(false);
  });

  it('reads every [buster] line of both lists, none of them a marker', () => {
    const dsa = debianFixLines(lists.DSA.text, 'buster');
    const dla = debianFixLines(lists.DLA.text, 'buster');
    // SOURCES.md: 623 [buster] lines in DSA, 322 in DLA.
    expect([dsa.fixes.length, dsa.markers.length, dla.fixes.length, dla.markers.length]).toEqual([623, 0, 322, 0]);
  });
});

describe('Debian 10 nginx image against the DLA [buster] lines', () => {
  let findings: Finding[];
  let expected: string[];
  beforeAll(async () => {
    findings = await findingsFor([lists.DLA.path]);
    expected = expectedDebianFindings(groundTruthPackages(NGINX_TRUTH), debianFixLines(lists.DLA.text, 'buster').fixes);
  });

  it('reports exactly the oracle’s 43 findings', () => {
    expect(expected).toHaveLength(43);
    expect(findings.map(row)).toEqual(expected);
  });

  it('finds libc6 through its source package glibc, from DLA-3152-1 and DLA-2525-1 among others', () => {
    // DLA-3152-1 fixes glibc 2.28-10+deb10u2 in buster; the image has 2.28-10, which dpkg orders lower.
    expect(expected).toContain('libc6 2.28-10 CVE-2021-3326 2.28-10+deb10u2');
    expect(expected).toContain('libc-bin 2.28-10 CVE-2021-3326 2.28-10+deb10u2');
    const glibc = findings.find((finding) => finding.packageName === 'libc6' && finding.id === 'CVE-2021-3326');
    expect(glibc?.evidence.map((item) => [item.recordId, item.comparedVersion, item.fixed])).toEqual([
      ['DLA-3152-1', '2.28-10', '2.28-10+deb10u2'],
    ]);
  });
});

describe('Debian 10 nginx image against the DSA and DLA lists', () => {
  let findings: Finding[];

  beforeAll(async () => {
    findings = await findingsFor([lists.DSA.path, lists.DLA.path]);
  });

  it('reports exactly the oracle’s 71 findings, one per CVE, fixes merged across advisories', () => {
    const fixes = [
      ...debianFixLines(lists.DSA.text, 'buster').fixes,
      ...debianFixLines(lists.DLA.text, 'buster').fixes,
    ];
    const expected = expectedDebianFindings(groundTruthPackages(NGINX_TRUTH), fixes);
    expect(expected).toHaveLength(71);
    expect(findings.map(row)).toEqual(expected);
    expect(expected).toEqual(
      expect.arrayContaining([
        'apt 1.8.2 CVE-2020-27350 1.8.2.2',
        'apt 1.8.2 CVE-2020-3810 1.8.2.1',
        'dpkg 1.19.7 CVE-2022-1664 1.19.8',
        'gzip 1.9-3 CVE-2022-1271 1.9-3+deb10u1',
      ]),
    );
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
