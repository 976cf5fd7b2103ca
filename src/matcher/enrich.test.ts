import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildDatabase } from '../advisories/db/build.ts';
import { openAdvisoryDb } from '../advisories/db/queries.ts';
import { createBatchWriter } from '../advisories/db/write.ts';
import { debianTrackerImporter } from '../advisories/importers/debian-tracker/index.ts';
import { parseKev } from '../advisories/importers/kev/parse.ts';
import { type OsvRecord, osvRecordSchema } from '../advisories/osv/schema.ts';
import type { EpssScore, KevEntry } from '../advisories/records.ts';
import { advisorySources, type EnrichmentSources, enrichFindings } from './enrich.ts';
import { type Finding, matchPackages } from './match.ts';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
}

function record(file: string): OsvRecord {
  return osvRecordSchema.parse(JSON.parse(fixture(file).toString('utf8')));
}

const GHSA_FILES = [
  'GHSA-p836-389h-j692.json',
  'GHSA-269q-hmxg-m83q.json',
  'GHSA-5mcr-gq6c-3hq2.json',
  'GHSA-56h3-78gp-v83r.json',
  'GHSA-3jx9-mgwx-4q83.json',
];
const UBUNTU_FILES = ['UBUNTU-CVE-2016-20013.json', 'UBUNTU-CVE-2020-36325.json'];
/** Real DSA list lines, read by the importer. */
const DSA_RECORDS = debianTrackerImporter.parse('list', fixture('DSA-urgency-excerpt.txt')).records ?? [];
const RECORDS = [...[...GHSA_FILES, ...UBUNTU_FILES, 'PYSEC-2005-1.json'].map(record), ...DSA_RECORDS];
/** The one real KEV entry (CVE-2016-4437, Apache Shiro), from the 2025-08-25 catalog. */
const KEV = parseKev(fixture('kev-CVE-2016-4437.json').toString('utf8')).kev ?? [];
/** No real EPSS file is at hand: a score in the published shape. */
const EPSS: EpssScore[] = [{ cveId: 'CVE-2005-4644', epss: 0.01234, percentile: 0.5 }];

/** In-memory sources over the fixtures, without the alias table unless asked. */
function sourcesOf(records: OsvRecord[], withAliasTable = false): EnrichmentSources {
  const byId = new Map(records.map((item) => [item.id, item]));
  const sources: EnrichmentSources = {
    recordById: (id) => byId.get(id),
    kevFor: (cve) => KEV.find((entry) => entry.cveId === cve),
    epssFor: (cve) => EPSS.find((entry) => entry.cveId === cve),
  };
  if (withAliasTable) {
    sources.aliasesOf = (id) =>
      records.filter((item) => item.id === id || (item.aliases ?? []).includes(id)).map((item) => item.id);
  }
  return sources;
}

/** A finding as the matcher makes it, with one evidence entry per (record, ecosystem). */
function finding(id: string, aliases: string[], evidence: [string, string][]): Finding {
  return {
    id,
    aliases,
    packagePurl: 'pkg:generic/x@1',
    packageName: 'x',
    installedVersion: '1',
    fixedVersions: [],
    evidence: evidence.map(([recordId, ecosystem]) => ({
      recordId,
      ecosystem,
      kind: 'range',
      comparator: 'test',
      comparedVersion: '1',
    })),
  };
}

const SHIRO_KEV: KevEntry = {
  cveId: 'CVE-2016-4437',
  vendorProject: 'Apache',
  product: 'Shiro',
  dateAdded: '2021-11-03',
  dueDate: '2022-05-03',
  knownRansomwareCampaignUse: 'Unknown',
};

describe('enrichFindings', () => {
  it('rates a matched Maven package from its GHSA vector and adds its KEV entry', () => {
    const matched = matchPackages(
      [
        {
          type: 'maven',
          namespace: 'org.apache.shiro',
          name: 'shiro-core',
          version: '1.2.4',
          purl: 'pkg:maven/org.apache.shiro/shiro-core@1.2.4',
          foundBy: ['test'],
          locations: [{ path: '/app/lib/shiro-core-1.2.4.jar' }],
        },
      ],
      undefined,
      {
        recordsFor: (ecosystem, name) =>
          RECORDS.filter((item) =>
            item.affected?.some((entry) => entry.package?.ecosystem === ecosystem && entry.package.name === name),
          ),
      },
    );
    const [enriched] = enrichFindings(matched, sourcesOf(RECORDS));
    expect(enriched).toMatchObject({
      id: 'CVE-2016-4437',
      aliases: ['GHSA-p836-389h-j692'],
      severity: {
        level: 'CRITICAL',
        score: 9.8,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        source: 'CVSS_V3 vector of GHSA-p836-389h-j692',
      },
      kev: SHIRO_KEV,
    });
    expect(enriched?.epss).toBeUndefined();
  });

  it('takes the highest among the evidence records (two GHSAs of CVE-2021-21290: 5.5 and 6.2)', () => {
    const netty = finding(
      'CVE-2021-21290',
      ['GHSA-269q-hmxg-m83q', 'GHSA-5mcr-gq6c-3hq2'],
      [
        ['GHSA-269q-hmxg-m83q', 'Maven'],
        ['GHSA-5mcr-gq6c-3hq2', 'Maven'],
      ],
    );
    expect(enrichFindings([netty], sourcesOf(RECORDS))[0]?.severity).toEqual({
      level: 'MEDIUM',
      score: 6.2,
      vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
      source: 'CVSS_V3 vector of GHSA-5mcr-gq6c-3hq2',
    });
  });

  it('leaves a finding unrated when no record rates it, and adds its EPSS score', () => {
    const trac = finding('CVE-2005-4644', ['PYSEC-2005-1'], [['PYSEC-2005-1', 'PyPI']]);
    const [enriched] = enrichFindings([trac], sourcesOf(RECORDS));
    expect(enriched?.severity).toBeUndefined();
    expect(enriched?.kev).toBeUndefined();
    expect(enriched?.epss).toEqual({ cveId: 'CVE-2005-4644', epss: 0.01234, percentile: 0.5 });
  });

  it('looks KEV up through a CVE alias when the id is not a CVE', () => {
    const shiro = finding('GHSA-p836-389h-j692', ['CVE-2016-4437'], [['GHSA-p836-389h-j692', 'Maven']]);
    expect(enrichFindings([shiro], sourcesOf(RECORDS))[0]?.kev).toEqual(SHIRO_KEV);
  });
});

describe('distro rule', () => {
  it("an Ubuntu package takes Ubuntu's priority over the CVSS vector of the same record", () => {
    const glibc = finding('CVE-2016-20013', ['UBUNTU-CVE-2016-20013'], [['UBUNTU-CVE-2016-20013', 'Ubuntu:14.04:LTS']]);
    expect(enrichFindings([glibc], sourcesOf(RECORDS))[0]?.severity).toEqual({
      level: 'NEGLIGIBLE',
      source: 'Ubuntu priority of UBUNTU-CVE-2016-20013',
    });
  });

  it('a distro rating beats a higher CVSS score of another evidence record in the distro', () => {
    const mixed = finding(
      'CVE-2016-20013',
      ['UBUNTU-CVE-2016-20013', 'UBUNTU-CVE-2020-36325'],
      [
        ['UBUNTU-CVE-2020-36325', 'Ubuntu:Pro:14.04:LTS'],
        ['UBUNTU-CVE-2016-20013', 'Ubuntu:14.04:LTS'],
      ],
    );
    expect(enrichFindings([mixed], sourcesOf(RECORDS))[0]?.severity?.level).toBe('NEGLIGIBLE');
  });

  it('a Debian urgency wins over the CVE record that the sources also know', () => {
    // A CVE record rated CRITICAL under the DSA's CVE id; the DSA's "(low)" still wins.
    const cveRecord: OsvRecord = { ...record('GHSA-p836-389h-j692.json'), id: 'CVE-2005-4803', aliases: [] };
    const graphviz = finding('CVE-2005-4803', ['DSA-857-1'], [['DSA-857-1', 'Debian:3.1']]);
    expect(enrichFindings([graphviz], sourcesOf([...RECORDS, cveRecord]))[0]?.severity).toEqual({
      level: 'LOW',
      source: 'urgency of DSA-857-1',
    });
  });

  it('a DSA without urgency falls back to the CVE record found by the finding id', () => {
    const cveRecord: OsvRecord = { ...record('GHSA-56h3-78gp-v83r.json'), id: 'CVE-2022-40149', aliases: [] };
    const jettison = finding('CVE-2022-40149', ['DSA-5312-1'], [['DSA-5312-1', 'Debian:11']]);
    expect(enrichFindings([jettison], sourcesOf([...RECORDS, cveRecord]))[0]?.severity).toEqual({
      level: 'MEDIUM',
      score: 6.5,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H',
      source: 'CVSS_V3 vector of CVE-2022-40149',
    });
  });

  it('a DSA without urgency falls back to the GHSAs that alias its CVE, and to no other CVE of the DSA', () => {
    // DSA-4885-1 fixes seven netty CVEs; only CVE-2021-21290's GHSAs may rate this finding.
    const netty = finding('CVE-2021-21290', ['DSA-4885-1'], [['DSA-4885-1', 'Debian:10']]);
    const otherCve: OsvRecord = {
      ...record('GHSA-p836-389h-j692.json'),
      id: 'GHSA-test-other',
      aliases: ['CVE-2020-7238'],
    };
    const sources = sourcesOf([...RECORDS, otherCve], true);
    // The alias walk reaches the other CVE's record through the DSA, as the DB's transitive walk does.
    sources.aliasesOf = () => [
      'DSA-4885-1',
      'GHSA-269q-hmxg-m83q',
      'GHSA-5mcr-gq6c-3hq2',
      'CVE-2020-7238',
      'GHSA-test-other',
    ];
    expect(enrichFindings([netty], sources)[0]?.severity).toEqual({
      level: 'MEDIUM',
      score: 6.2,
      vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
      source: 'CVSS_V3 vector of GHSA-5mcr-gq6c-3hq2',
    });
  });

  it('keeps UNKNOWN from an unassigned urgency when nothing else rates the CVE', () => {
    const real = DSA_RECORDS.find((item) => item.id === 'DSA-857-1') as OsvRecord;
    const unassigned: OsvRecord = {
      ...real,
      affected: (real.affected ?? []).map((entry) => ({
        ...entry,
        database_specific: { urgency: 'not yet assigned' },
      })),
    };
    const graphviz = finding('CVE-2005-4803', ['DSA-857-1'], [['DSA-857-1', 'Debian:3.1']]);
    expect(enrichFindings([graphviz], sourcesOf([unassigned]))[0]?.severity).toEqual({
      level: 'UNKNOWN',
      source: 'urgency of DSA-857-1',
    });
  });
});

describe('purity', () => {
  it('returns new objects and leaves its input as it was', () => {
    const input = [
      finding('CVE-2016-4437', ['GHSA-p836-389h-j692'], [['GHSA-p836-389h-j692', 'Maven']]),
      finding('CVE-2005-4644', ['PYSEC-2005-1'], [['PYSEC-2005-1', 'PyPI']]),
    ];
    const before = structuredClone(input);
    const output = enrichFindings(input, sourcesOf(RECORDS));
    expect(input).toEqual(before);
    expect(output).toHaveLength(2);
    expect(output[0]).not.toBe(input[0]);
    expect(output[0]?.severity?.level).toBe('CRITICAL');
    expect(input[0]).not.toHaveProperty('severity');
    expect(input[0]).not.toHaveProperty('kev');
    expect(input[1]).not.toHaveProperty('epss');
  });
});

describe('advisorySources', () => {
  it('answers from a real advisory DB, alias table included', async () => {
    const dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-enrich-')), 'advisories.db');
    await rebuildDatabase(dbPath, (handle) => {
      const writer = createBatchWriter(handle);
      writer.write({ feed: 'osv', records: RECORDS, problems: [] }, '/fixtures/osv');
      writer.write({ feed: 'kev', kev: KEV, problems: [] }, '/fixtures/kev.json');
      writer.write({ feed: 'epss', epss: EPSS, problems: [] }, '/fixtures/epss.csv');
      return writer.finish(new Date('2025-08-26T00:00:00Z'));
    });
    const db = await openAdvisoryDb(dbPath);
    try {
      const sources = advisorySources(db);
      expect(sources.recordById('GHSA-p836-389h-j692')?.aliases).toEqual(['CVE-2016-4437']);
      expect(sources.kevFor('CVE-2016-4437')).toEqual(SHIRO_KEV);
      expect(sources.epssFor('CVE-2005-4644')).toEqual(EPSS[0]);
      const netty = finding('CVE-2021-21290', ['DSA-4885-1'], [['DSA-4885-1', 'Debian:10']]);
      expect(enrichFindings([netty], sources)[0]?.severity).toMatchObject({
        level: 'MEDIUM',
        score: 6.2,
        source: 'CVSS_V3 vector of GHSA-5mcr-gq6c-3hq2',
      });
      expect(sources.recordsAliasing?.('CVE-2021-21290')).toEqual([
        'DSA-4885-1',
        'GHSA-269q-hmxg-m83q',
        'GHSA-5mcr-gq6c-3hq2',
      ]);
      // The one-way lookup rates every finding as the transitive walk does.
      const findings = [
        netty,
        finding('CVE-2016-4437', [], [['GHSA-p836-389h-j692', 'Maven']]),
        ...DSA_RECORDS.slice(0, 40).flatMap((item) =>
          (item.aliases ?? []).map((cve) =>
            finding(cve, [item.id], [[item.id, item.affected?.[0]?.package?.ecosystem ?? '']]),
          ),
        ),
      ];
      const { recordsAliasing: _oneWay, ...transitive } = sources;
      expect(enrichFindings(findings, sources)).toEqual(enrichFindings(findings, transitive));
      // Prefetching (a few batch queries) answers as the one-by-one lookups of fresh sources do.
      const { prefetch: _batch, ...oneByOne } = advisorySources(db);
      expect(enrichFindings(findings, sources)).toEqual(enrichFindings(findings, oneByOne));
      expect(enrichFindings(findings, sources).filter((item) => item.kev || item.epss).length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('follows OSV upstream like aliases: a CVE finding reaches the Ubuntu record that names it upstream', async () => {
    // Real records (test/fixtures/osv-ubuntu, from Canonical's OSV export): USN-5614-1 names UBUNTU-CVE-2021-3782
    // upstream, and that record names CVE-2021-3782; neither lists an alias.
    const ubuntu = ['USN-5614-1.json', 'UBUNTU-CVE-2021-3782.json'].map((file) =>
      osvRecordSchema.parse(
        JSON.parse(readFileSync(new URL(`../../test/fixtures/osv-ubuntu/${file}`, import.meta.url), 'utf8')),
      ),
    );
    expect(ubuntu.map((item) => [item.id, item.aliases, item.upstream])).toEqual([
      ['USN-5614-1', [], ['UBUNTU-CVE-2021-3782']],
      ['UBUNTU-CVE-2021-3782', [], ['CVE-2021-3782']],
    ]);
    const dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-enrich-')), 'advisories.db');
    await rebuildDatabase(dbPath, (handle) => {
      const writer = createBatchWriter(handle);
      writer.write({ feed: 'osv', records: ubuntu, problems: [] }, '/fixtures/osv-ubuntu');
      return writer.finish(new Date('2026-04-23T00:00:00Z'));
    });
    const db = await openAdvisoryDb(dbPath);
    try {
      const sources = advisorySources(db);
      expect(sources.recordsAliasing?.('CVE-2021-3782')).toEqual(['UBUNTU-CVE-2021-3782']);
      expect(sources.aliasesOf?.('CVE-2021-3782')).toEqual(['UBUNTU-CVE-2021-3782', 'USN-5614-1']);
      expect(sources.aliasesOf?.('USN-5614-1')).toEqual(['CVE-2021-3782', 'UBUNTU-CVE-2021-3782']);
      // A finding of the CVE whose own evidence rates nothing (a record the sources do not hold) takes the rating of
      // the Ubuntu record that names the CVE upstream.
      const wayland = finding('CVE-2021-3782', [], [['DLA-0000-1', 'Debian:11']]);
      expect(enrichFindings([wayland], sources)[0]?.severity).toMatchObject({
        level: 'MEDIUM',
        source: expect.stringMatching(/UBUNTU-CVE-2021-3782/),
      });
    } finally {
      db.close();
    }
  });

  it('rates from the CVSS scores the database stored on import, without computing them again', async () => {
    // A vector no other test uses, so the process has not scored it yet; its real base score is 1.6.
    const vector = 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';
    const rated: OsvRecord = { ...record('PYSEC-2005-1.json'), severity: [{ type: 'CVSS_V3', score: vector }] };
    const dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-enrich-')), 'advisories.db');
    await rebuildDatabase(dbPath, (handle) => {
      const writer = createBatchWriter(handle);
      writer.write({ feed: 'osv', records: [rated], problems: [] }, '/fixtures/osv');
      const stored = handle.prepare('SELECT score FROM cvss_scores WHERE vector = ?').get(vector);
      expect(stored).toEqual({ score: 1.6 });
      // Changed behind the scorer's back: a scan that reads 9.1 took the stored score.
      handle.prepare('UPDATE cvss_scores SET score = 9.1 WHERE vector = ?').run(vector);
      return writer.finish(new Date('2025-08-26T00:00:00Z'));
    });
    const db = await openAdvisoryDb(dbPath);
    try {
      const pysec = finding('CVE-2005-4644', [], [['PYSEC-2005-1', 'PyPI']]);
      expect(enrichFindings([pysec], advisorySources(db))[0]?.severity).toMatchObject({ score: 9.1, vector });
    } finally {
      db.close();
    }
  });
});
