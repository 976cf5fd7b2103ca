import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { osvRecordSchema } from '../../osv/schema.ts';
import { alpineSecdbImporter } from './index.ts';
import { parseSecfixEntry, SECDB_UNDATED } from './parse.ts';

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`__fixtures__/${name}`, import.meta.url));
}

function parseFixture(name: string) {
  return alpineSecdbImporter.parse(name, fixture(name));
}

function recordOf(name: string, id: string) {
  return parseFixture(name).records?.find((record) => record.id === id);
}

describe('alpine secdb v3.11/main (real file)', () => {
  const batch = parseFixture('v3.11-main.yaml');

  // Counted independently with PyYAML: 175 packages, 502 secfixes versions, 1204 entries naming 1109 distinct CVEs
  // and 14 stand-alone Xen advisories (XSA-207 … XSA-295) = 1123 ids; 1179 (id, package) pairs.
  it('reads every package and id', () => {
    expect(batch.problems).toEqual([]);
    expect(batch.records).toHaveLength(1123);
    expect(batch.records?.filter((record) => record.aliases?.[0]?.startsWith('CVE-'))).toHaveLength(1109);
    expect(batch.records?.reduce((sum, record) => sum + (record.affected?.length ?? 0), 0)).toBe(1179);
    const packages = new Set(batch.records?.flatMap((record) => record.affected?.map((a) => a.package?.name)));
    expect(packages.size).toBe(175);
    const fixes = new Set(
      batch.records?.flatMap((record) =>
        record.affected?.flatMap((a) => a.ranges?.map((range) => `${a.package?.name} ${range.events[1]?.fixed}`)),
      ),
    );
    expect(fixes.size).toBe(502);
  });

  it('produces valid OSV records', () => {
    for (const record of batch.records ?? []) expect(osvRecordSchema.safeParse(record).success).toBe(true);
  });

  it('turns one CVE into one record for the branch', () => {
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2019-14904')).toEqual({
      schema_version: '1.6.0',
      id: 'ALPINE-v3.11-main-CVE-2019-14904',
      modified: SECDB_UNDATED,
      aliases: ['CVE-2019-14904'],
      affected: [
        {
          package: { ecosystem: 'Alpine:v3.11', name: 'ansible' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.9.3-r0' }] }],
        },
      ],
      database_specific: { source: 'alpine-secdb', distroversion: 'v3.11', reponame: 'main' },
    });
  });

  it('keeps a CVE listed under two fixed versions (an inherited backport) as two ranges', () => {
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2019-5747')?.affected).toEqual([
      {
        package: { ecosystem: 'Alpine:v3.11', name: 'busybox' },
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.30.1-r2' }] },
          { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.29.3-r10' }] },
        ],
      },
    ]);
  });

  it('keeps the text after the CVE id as a note, and other ids as related', () => {
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2018-10105')?.affected).toEqual([
      {
        package: { ecosystem: 'Alpine:v3.11', name: 'tcpdump' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.9.3-r0' }] }],
        database_specific: { notes: ['CVE-2018-10105 (SMB - too unreliably reproduced, SMB printing disabled)'] },
      },
    ]);
    const talos = recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2017-12122');
    expect(talos?.related).toEqual(['TALOS-2017-0488']);
    expect(talos?.affected?.[0]?.database_specific).toEqual({ notes: ['CVE-2017-12122 TALOS-2017-0488'] });
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-XSA-295')?.aliases).toEqual(['XSA-295']);
  });

  it('points a Xen advisory named by its XSA id alone, or next to its CVE, at its page on xenbits', () => {
    // xen 4.7.1-r5 lists `XSA-207` alone and `CVE-2017-2615 XSA-208`.
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-XSA-207')).toMatchObject({
      aliases: ['XSA-207'],
      references: [{ type: 'ADVISORY', url: 'https://xenbits.xen.org/xsa/advisory-207.html' }],
      affected: [
        {
          package: { ecosystem: 'Alpine:v3.11', name: 'xen' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.7.1-r5' }] }],
        },
      ],
    });
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2017-2615')).toMatchObject({
      aliases: ['CVE-2017-2615'],
      related: ['XSA-208'],
      references: [{ type: 'ADVISORY', url: 'https://xenbits.xen.org/xsa/advisory-208.html' }],
    });
    const xsaOnly = batch.records?.filter((record) => record.aliases?.[0]?.startsWith('XSA-')) ?? [];
    expect(xsaOnly).toHaveLength(14);
    for (const record of xsaOnly) {
      const number = Number(record.aliases?.[0]?.slice(4));
      expect(record.references).toEqual([
        { type: 'ADVISORY', url: `https://xenbits.xen.org/xsa/advisory-${number}.html` },
      ]);
    }
    expect(recordOf('v3.11-main.yaml', 'ALPINE-v3.11-main-CVE-2019-14904')?.references).toBeUndefined();
  });
});

describe('not-affected ("0") entries (v3.8/main excerpt)', () => {
  it('gives the package no affected entry and names it under not_affected', () => {
    const batch = parseFixture('v3.8-main-excerpt.yaml');
    expect(batch.problems).toEqual([]);
    expect(batch.records?.map((record) => record.id)).toEqual([
      'ALPINE-v3.8-main-CVE-2013-4122',
      'ALPINE-v3.8-main-CVE-2016-0682',
      'ALPINE-v3.8-main-CVE-2016-0689',
      'ALPINE-v3.8-main-CVE-2016-0692',
      'ALPINE-v3.8-main-CVE-2016-0694',
      'ALPINE-v3.8-main-CVE-2016-3418',
      'ALPINE-v3.8-main-CVE-2019-12749',
    ]);
    expect(recordOf('v3.8-main-excerpt.yaml', 'ALPINE-v3.8-main-CVE-2016-0682')).toEqual({
      schema_version: '1.6.0',
      id: 'ALPINE-v3.8-main-CVE-2016-0682',
      modified: SECDB_UNDATED,
      aliases: ['CVE-2016-0682'],
      affected: [],
      database_specific: { source: 'alpine-secdb', distroversion: 'v3.8', reponame: 'main', not_affected: ['db'] },
    });
  });

  it('reads the JSON encoding into the same records', () => {
    expect(parseFixture('v3.8-main-excerpt.json')).toEqual(parseFixture('v3.8-main-excerpt.yaml'));
  });
});

describe('parseSecfixEntry', () => {
  it.each([
    ['CVE-2019-14904', { ids: ['CVE-2019-14904'], related: [] }],
    ['CVE_2019-2426', { ids: ['CVE-2019-2426'], related: [], note: 'CVE_2019-2426' }],
    ['CVE 2018-16859', { ids: ['CVE-2018-16859'], related: [], note: 'CVE 2018-16859' }],
    ['CVE-2017-8073.patch', { ids: ['CVE-2017-8073'], related: [], note: 'CVE-2017-8073.patch' }],
    ['CVE-2017-17434-1', { ids: ['CVE-2017-17434'], related: [], note: 'CVE-2017-17434-1' }],
    ['CVE-2017-8904 XSA-214', { ids: ['CVE-2017-8904'], related: ['XSA-214'], note: 'CVE-2017-8904 XSA-214' }],
    [
      'CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 XSA-254 XPTI',
      {
        ids: ['CVE-2017-5753', 'CVE-2017-5715', 'CVE-2017-5754'],
        related: ['XSA-254'],
        note: 'CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 XSA-254 XPTI',
      },
    ],
    ['CVE-????-?????  XSA-295', { ids: ['XSA-295'], related: [], note: 'CVE-????-?????  XSA-295' }],
    ['wnpa-sec-2017-21', { ids: ['wnpa-sec-2017-21'], related: [] }],
    ['CVE-????-?????', undefined],
  ])('%s', (text, expected) => {
    expect(parseSecfixEntry(text)).toEqual(expected);
  });
});

describe('bad input', () => {
  it('reports a file that is not a secdb document', () => {
    const batch = alpineSecdbImporter.parse('x.yaml', new TextEncoder().encode('just: text\n'));
    expect(batch.records).toEqual([]);
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(/^not a secdb file: .*distroversion/s);
  });

  it('skips a malformed package and keeps the rest', () => {
    const text =
      'distroversion: v3.11\nreponame: main\npackages:\n  - pkg: {}\n  - pkg:\n      name: zlib\n      secfixes:\n        1.2.11-r4:\n          - CVE-2022-37434\n';
    const batch = alpineSecdbImporter.parse('x.yaml', new TextEncoder().encode(text));
    expect(batch.records?.map((record) => record.id)).toEqual(['ALPINE-v3.11-main-CVE-2022-37434']);
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(/^packages\[0\]: /);
  });
});

describe('detect', () => {
  it.each([
    ['v3.11/main.yaml', '---\ndistroversion: v3.11\nreponame: main\n', true],
    ['main.json', '{"apkurl": "{{urlprefix}}", "distroversion": "v3.11"', true],
    ['GHSA-xxxx.json', '{"id": "GHSA-xxxx", "modified": "2024-01-01T00:00:00Z"', false],
    ['main.txt', 'distroversion: v3.11\n', false],
  ])('%s', (name, head, expected) => {
    expect(alpineSecdbImporter.detect(name, head)).toBe(expected);
  });
});
