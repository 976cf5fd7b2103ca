/**
 * Alpine matching on real data, against an oracle that shares no code with Lucent's secdb importer, apk versioning or
 * matcher (test/support/oracles/alpine-secdb.ts and apk-order.ts): secdb YAML read with the `yaml` package, the
 * packages of each image from its ground-truth list (read from the image's own /lib/apk/db/installed, not by Lucent's
 * analyzers), and the APKBUILD version grammar ordered field by field. The expected set is every (package, CVE,
 * fixed version) where the origin package's installed version is below the fixed one.
 *
 * - alpine:3.10 (3.10.4) against secdb v3.10 and alpine:3.11 (3.11.5) against v3.11 (snapshot of June 2020, main and
 *   community): both images were current when the snapshot was taken, so the oracle's set is empty for both; the
 *   closest calls (installed version equal to a fix) are listed so the boundary is visibly exercised.
 * - The 3.10 image against a database holding both branches: only the v3.10 data applies (v3.11's would report
 *   openssl and musl).
 * - Every fixed version secdb v3.10 and v3.11 list, installed as its own origin package: thousands of real
 *   (package, version) pairs on both sides of each fix.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import type { OsInfo, Package } from '../src/core/package.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { fixtureImage } from './support/fixtures.ts';
import { expectedAlpineFindings, type InstalledApk, secdbFixes } from './support/oracles/alpine-secdb.ts';
import { compareApk, isStrictApkVersion } from './support/oracles/apk-order.ts';
import { groundTruthPackages } from './support/oracles/debian-lists.ts';

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const secdb = (branch: string) => ['main', 'community'].map((repo) => fixture(`alpine-secdb/${branch}/${repo}.yaml`));

/** A finding as the oracle writes it: `name version id fixed1,fixed2` (fixed versions sorted as strings). */
const row = (finding: Finding) =>
  `${finding.packageName} ${finding.installedVersion} ${finding.id} ${[...finding.fixedVersions].sort().join(',')}`;

async function importDb(paths: string[]): Promise<string> {
  const dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-alpine-')), 'advisories.db');
  await importPaths(paths, dbPath);
  return dbPath;
}

async function match(dbPath: string, packages: readonly Package[], os: OsInfo | undefined): Promise<Finding[]> {
  const db = await openAdvisoryDb(dbPath);
  try {
    return matchPackages(packages, os, advisoryLookup(db));
  } finally {
    db.close();
  }
}

async function analyze(image: string) {
  const opened = await openImage(fixtureImage(image));
  try {
    return (await analyzeImage(opened, { cache: noLayerCache, analyzers: analyzersByName() })).inventory;
  } finally {
    await opened.close();
  }
}

function groundTruth(name: string): InstalledApk[] {
  return groundTruthPackages(fixture(`ground-truth/images/${name}.packages.tsv`)).map((pkg) => ({
    name: pkg.name,
    version: pkg.version,
    origin: pkg.sourceName,
    originVersion: pkg.sourceVersion,
  }));
}

describe('the oracle’s apk order', () => {
  // Every line of osv-scalibr's Alpine tables whose two versions fit the strict grammar must hold. The tables'
  // other lines probe invalid versions (`1-r-1`, `0..8`), on which apk-tools releases disagree.
  it.each([
    ['alpine-versions.txt', 745, 33],
    ['alpine-versions-generated.txt', 13_979, 0],
  ])('agrees with %s (%i lines checked, %i outside the grammar)', (file, checked, skipped) => {
    const results = { checked: 0, skipped: 0, wrong: [] as string[] };
    for (const line of readFileSync(fixture(`version-compare/${file}`), 'utf8').split('\n')) {
      const parsed = /^(\S+) ([<=>]) (\S+)$/.exec(line.trim());
      if (!parsed || line.startsWith('#')) continue;
      const [, a = '', op = '', b = ''] = parsed;
      if (!isStrictApkVersion(a) || !isStrictApkVersion(b)) {
        results.skipped++;
        continue;
      }
      results.checked++;
      if (Math.sign(compareApk(a, b)) !== { '<': -1, '=': 0, '>': 1 }[op]) results.wrong.push(line);
    }
    expect(results).toEqual({ checked, skipped, wrong: [] });
  });
});

describe.each([
  {
    image: 'trivy/alpine-310.tar.gz',
    truth: 'trivy_alpine-310',
    branch: 'v3.10',
    versionId: '3.10.4',
    // musl 1.1.22-r3 is the v3.10 fix of CVE-2019-14697: installed = fixed, so not affected.
    closest: ['musl 1.1.22-r3 CVE-2019-14697 1.1.22-r3', 'musl-utils 1.1.22-r3 CVE-2019-14697 1.1.22-r3'],
  },
  {
    image: 'trivy/alpine-311.tar.gz',
    truth: 'trivy_alpine-311',
    branch: 'v3.11',
    versionId: '3.11.5',
    // openssl 1.1.1d-r3 is the v3.11 fix of CVE-2019-1551, installed by both of its binary packages.
    closest: ['libcrypto1.1 1.1.1d-r3 CVE-2019-1551 1.1.1d-r3', 'libssl1.1 1.1.1d-r3 CVE-2019-1551 1.1.1d-r3'],
  },
])('$image (Alpine $versionId) against secdb $branch', ({ image, truth, branch, versionId, closest }) => {
  let findings: Finding[];
  let os: OsInfo | undefined;
  beforeAll(async () => {
    const inventory = await analyze(image);
    os = inventory.os;
    findings = await match(await importDb(secdb(branch)), inventory.packages, inventory.os);
  });

  it('reports exactly the oracle’s set, which is empty', () => {
    const expected = expectedAlpineFindings(groundTruth(truth), secdbFixes(...secdb(branch)));
    expect(expected).toEqual([]);
    expect(findings.map(row)).toEqual(expected);
    expect(os).toMatchObject({ id: 'alpine', versionId });
  });

  it('has its closest calls at a fix equal to the installed origin version', () => {
    const packages = groundTruth(truth);
    const fixes = secdbFixes(...secdb(branch));
    const equal = packages.flatMap((pkg) =>
      fixes
        .filter((fix) => fix.origin === pkg.origin && compareApk(pkg.originVersion, fix.fixed) === 0)
        .map((fix) => `${pkg.name} ${pkg.version} ${fix.id} ${fix.fixed}`),
    );
    expect(equal.sort()).toEqual(closest);
  });
});

describe('the branch decides which secdb data applies', () => {
  it('the 3.10 image is matched against v3.10 only, not v3.11 in the same database', async () => {
    const inventory = await analyze('trivy/alpine-310.tar.gz');
    const findings = await match(
      await importDb([...secdb('v3.10'), ...secdb('v3.11')]),
      inventory.packages,
      inventory.os,
    );
    expect(findings).toEqual([]);
    // The v3.11 data alone would report openssl (CVE-2019-1551 is fixed there in 1.1.1d-r3; v3.10 lists no fix) and
    // musl (its CVE-2019-14697 fix there is 1.1.23-r2).
    expect(expectedAlpineFindings(groundTruth('trivy_alpine-310'), secdbFixes(...secdb('v3.11')))).toEqual([
      'libcrypto1.1 1.1.1d-r2 CVE-2019-1551 1.1.1d-r3',
      'libssl1.1 1.1.1d-r2 CVE-2019-1551 1.1.1d-r3',
      'musl 1.1.22-r3 CVE-2019-14697 1.1.23-r2',
      'musl-utils 1.1.22-r3 CVE-2019-14697 1.1.23-r2',
    ]);
  });
});

describe.each([
  // Origins left out: secdb lists a version outside apk's grammar for them (phpmyadmin `4.8.0.-r1`, python2
  // `2.7.16-33`, xen `4.10-1-r1`), which the oracle refuses to order.
  { branch: 'v3.10', pairs: 651, expected: 5619, skipped: ['phpmyadmin'], nonCve: 179 },
  { branch: 'v3.11', pairs: 701, expected: 5712, skipped: ['phpmyadmin', 'python2', 'xen'], nonCve: 0 },
])('every fixed version of secdb $branch, installed', ({ branch, pairs, expected, skipped, nonCve }) => {
  it(`gives the oracle's ${expected} findings for ${pairs} (origin, version) pairs`, async () => {
    const fixes = secdbFixes(...secdb(branch));
    const versions = new Map<string, Set<string>>();
    for (const fix of fixes) versions.set(fix.origin, (versions.get(fix.origin) ?? new Set()).add(fix.fixed));
    const outside = [...versions].filter(([, set]) => [...set].some((v) => !isStrictApkVersion(v))).map(([o]) => o);
    expect(outside.sort()).toEqual(skipped);
    const installed = [...versions]
      .filter(([origin]) => !outside.includes(origin))
      .flatMap(([origin, set]) =>
        [...set].map((version) => ({ name: origin, version, origin, originVersion: version })),
      );
    expect(installed).toHaveLength(pairs);
    const packages: Package[] = installed.map((pkg) => ({
      type: 'apk',
      name: pkg.name,
      version: pkg.version,
      purl: `pkg:apk/alpine/${pkg.name}@${pkg.version}`,
      foundBy: ['apk'],
      locations: [],
    }));
    const findings = await match(await importDb(secdb(branch)), packages, {
      id: 'alpine',
      versionId: `${branch.slice(1)}.0`,
    });
    const oracle = expectedAlpineFindings(installed, fixes);
    expect(oracle).toHaveLength(expected);
    // The oracle reads CVE ids only. Xen's secfixes also name Xen advisories alone (`XSA-295`): Lucent reports
    // those too, under the XSA id, with the secdb record's per-file id as alias.
    const others = findings.filter((finding) => !finding.id.startsWith('CVE-'));
    expect(others).toHaveLength(nonCve);
    for (const finding of others) {
      expect(finding.id).toMatch(/^XSA-\d+$/);
      expect(finding.aliases).toEqual([`ALPINE-${branch}-main-${finding.id}`]);
    }
    expect(
      findings
        .filter((finding) => finding.id.startsWith('CVE-'))
        .map(row)
        .sort(),
    ).toEqual(oracle);
  });
});
