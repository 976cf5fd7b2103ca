/**
 * PyPI packages scanned against the PyPA advisory database's real records (shared/data/osv/pypi, 2,661 PYSEC records,
 * 10 of them withdrawn) and the real GHSA records of shared/data/osv/maven-ghsa, compared with the simplest oracle
 * there is (test/support/oracles/osv-oracle.ts): a package is affected by a record exactly when its version is in the
 * record's explicit `versions` list. Records and names are read with JSON.parse and PEP 503, sharing no code with
 * Lucent.
 *
 * - Sixteen real releases installed as dist-info folders in a directory, scanned as `lucent scan dir:` does: names in
 *   their published spelling (`Django`, `PyYAML`, `Jinja2`), two with a CVE that both a PYSEC and a GHSA record name
 *   (protobuf, avro), four whose withdrawn records list the installed version (aiohttp, redis, selenium, ansible).
 * - A sample of every (name, version) that any record lists: Lucent never misses a listed version. Where it finds
 *   more than the lists, a range of the record holds the version: the lists were written when the record was, and a
 *   later release inside a range (notebook 5.7.14, exiv2 0.15.0) or a pre-release the list left out (tensorflow
 *   1.6.0rc0) is affected all the same; Python's `packaging` confirms each such range holds the version.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { importPaths } from '../src/advisories/import.ts';
import { analyzersByName } from '../src/analyzers/registry.ts';
import type { Package } from '../src/core/package.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { type Finding, matchPackages } from '../src/matcher/match.ts';
import { analyzeImage } from '../src/pipeline/analyze.ts';
import { scanAnalysis } from '../src/pipeline/scan.ts';
import {
  expectedFindings,
  listedIn,
  type OracleRecord,
  pep440RangeHolds,
  pep503,
  readRecords,
} from './support/oracles/osv-oracle.ts';

const OSV_PYPI = '/work/shared/data/osv/pypi';
const OSV_GHSA = '/work/shared/data/osv/maven-ghsa';

/** Real releases, as their projects spell them. */
const INSTALLED: [string, string][] = [
  ['aiohttp', '3.8.1'],
  ['ansible', '2.9.10'],
  ['avro', '1.11.2'],
  ['cryptography', '3.3.1'],
  ['Django', '3.2.12'],
  ['Flask', '0.12.2'],
  ['Jinja2', '2.11.2'],
  ['numpy', '1.21.0'],
  ['Pillow', '8.1.0'],
  ['protobuf', '3.14.0'],
  ['PyYAML', '5.3.1'],
  ['redis', '4.5.3'],
  ['requests', '2.25.1'],
  ['selenium', '4.11.2'],
  ['six', '1.16.0'],
  ['urllib3', '1.26.4'],
];

/** A finding as the oracle writes it, minus fixed versions (a list match names none): `name version id records`. */
const row = (finding: Finding) =>
  `${pep503(finding.packageName)} ${finding.installedVersion} ${finding.id} ${[
    ...new Set(finding.evidence.map((item) => item.recordId)),
  ]
    .sort()
    .join(',')}`;

let dbPath: string;
let records: OracleRecord[];

beforeAll(async () => {
  dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-pypi-db-')), 'advisories.db');
  await importPaths([OSV_PYPI, OSV_GHSA], dbPath);
  records = readRecords(OSV_PYPI, OSV_GHSA);
});

describe('installed distributions in a directory', () => {
  let findings: Finding[];
  let expected: string[];

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'lucent-pypi-root-'));
    for (const [name, version] of INSTALLED) {
      // The folder name as wheels write it (https://packaging.python.org/specifications/recording-installed-packages/).
      const folder = join(root, 'usr/lib/python3/dist-packages', `${name.replace(/-/g, '_')}-${version}.dist-info`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`);
    }
    const image = await openImage(root);
    const db = await openAdvisoryDb(dbPath);
    try {
      findings = scanAnalysis(await analyzeImage(image, { cache: noLayerCache, analyzers: analyzersByName() }), db);
    } finally {
      db.close();
      await image.close();
    }
    expected = expectedFindings(
      records,
      INSTALLED.map(([name, version]) => ({ ecosystem: 'PyPI', name: pep503(name), version })),
      listedIn,
      pep503,
    ).map((line) => line.replace(/^(\S+ \S+ \S+) \S* /, '$1 '));
  });

  it('reports exactly the oracle’s 69 findings', () => {
    expect(expected).toHaveLength(69);
    expect(findings.map(row).sort()).toEqual(expected);
    const perPackage = Object.fromEntries(
      INSTALLED.map(([name]) => [name, findings.filter((finding) => finding.packageName === pep503(name)).length]),
    );
    expect(perPackage).toEqual({
      aiohttp: 6,
      ansible: 10,
      avro: 1,
      cryptography: 3,
      Django: 14,
      Flask: 3,
      Jinja2: 1,
      numpy: 0,
      Pillow: 23,
      protobuf: 1,
      PyYAML: 1,
      redis: 1,
      requests: 1,
      selenium: 1,
      six: 0,
      urllib3: 3,
    });
  });

  it('merges a PYSEC record and a GHSA record of the same CVE into one finding', () => {
    const merged = findings.filter((finding) => finding.evidence.length > 1);
    expect(merged.map((finding) => [finding.packageName, finding.id, finding.aliases, finding.fixedVersions])).toEqual([
      ['avro', 'CVE-2023-39410', ['GHSA-rhrv-645h-fjfh', 'PYSEC-2023-188'], ['1.11.3']],
      ['protobuf', 'CVE-2021-22570', ['GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48'], ['3.15.0']],
    ]);
    expect(merged.map((finding) => finding.evidence.map((item) => item.recordId).sort())).toEqual([
      ['GHSA-rhrv-645h-fjfh', 'PYSEC-2023-188'],
      ['GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48'],
    ]);
  });

  it('ignores withdrawn records, though their lists name the installed versions', () => {
    const withdrawn = records.filter((record) => record.withdrawn);
    expect(withdrawn).toHaveLength(10);
    const listing = withdrawn.flatMap((record) =>
      INSTALLED.filter(([name, version]) =>
        (record.affected ?? []).some(
          (entry) => pep503(entry.package?.name ?? '') === pep503(name) && entry.versions?.includes(version),
        ),
      ).map(([name, version]) => `${record.id} ${name} ${version}`),
    );
    expect(listing.sort()).toEqual([
      'PYSEC-2020-221 ansible 2.9.10',
      'PYSEC-2021-125 ansible 2.9.10',
      'PYSEC-2022-43059 aiohttp 3.8.1',
      'PYSEC-2023-101 selenium 4.11.2',
      'PYSEC-2023-73 redis 4.5.3',
    ]);
    const reported = new Set(findings.flatMap((finding) => [finding.id, ...finding.aliases]));
    for (const record of withdrawn) expect(reported.has(record.id)).toBe(false);
  });
});

describe('every 20th (name, version) pair the records list', () => {
  it('misses no listed version; every other match comes from a range that holds the version', async () => {
    const listed = new Map<string, Set<string>>();
    for (const record of records) {
      if (record.withdrawn) continue;
      for (const entry of record.affected ?? []) {
        if (entry.package?.ecosystem !== 'PyPI') continue;
        const name = pep503(entry.package.name);
        for (const version of entry.versions ?? []) listed.set(name, (listed.get(name) ?? new Set()).add(version));
      }
    }
    const pairs = [...listed].flatMap(([name, versions]) => [...versions].map((version) => ({ name, version })));
    const sample = pairs.filter((_, index) => index % 20 === 0);
    expect([pairs.length, sample.length]).toEqual([35_013, 1751]);
    const packages: Package[] = sample.map(({ name, version }) => ({
      type: 'pypi',
      name,
      version,
      purl: `pkg:pypi/${name}@${version}`,
      foundBy: ['python'],
      locations: [],
    }));
    const db = await openAdvisoryDb(dbPath);
    let findings: Finding[];
    try {
      findings = matchPackages(packages, undefined, advisoryLookup(db));
    } finally {
      db.close();
    }
    // Compared per (package, record): a finding may hold a listed record and a range-only one together.
    const oracle = expectedFindings(
      records,
      sample.map((pair) => ({ ecosystem: 'PyPI', ...pair })),
      listedIn,
      pep503,
    ).flatMap((line) => {
      const [name, version, , , ids = ''] = line.split(' ');
      return ids.split(',').map((id) => `${name} ${version} ${id}`);
    });
    const matched = new Map<string, string>();
    for (const finding of findings) {
      for (const item of finding.evidence) {
        matched.set(`${finding.packageName} ${finding.installedVersion} ${item.recordId}`, item.kind);
      }
    }
    const listedSet = new Set(oracle);
    expect(oracle.filter((triple) => !matched.has(triple))).toEqual([]);
    const extra = [...matched].filter(([triple]) => !listedSet.has(triple));
    expect(extra.filter(([, kind]) => kind !== 'range')).toEqual([]);
    expect([new Set(oracle).size, matched.size, extra.length]).toEqual([7123, 7275, 152]);
    // Those 152 checked by Python's `packaging`, PEP 440's reference implementation: a range holds each version.
    const byId = new Map(records.map((record) => [record.id, record]));
    const questions = extra.map(([triple]) => {
      const [name = '', version = '', id = ''] = triple.split(' ');
      const entries = (byId.get(id)?.affected ?? []).filter((entry) => pep503(entry.package?.name ?? '') === name);
      const ranges = entries.flatMap((entry) => entry.ranges ?? []).filter((range) => range.type === 'ECOSYSTEM');
      return { version, ranges: ranges.map((range) => range.events) };
    });
    const answers = pep440RangeHolds(questions);
    if (!answers) console.warn('scan-real-data-pypi: python3 with `packaging` is missing: range check skipped');
    else expect(extra.filter((_, index) => !answers[index])).toEqual([]);
  });
});
