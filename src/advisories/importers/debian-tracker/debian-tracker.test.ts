import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { osvRecordSchema } from '../../osv/schema.ts';
import { debianTrackerImporter } from './index.ts';
import { TRACKER_UNDATED } from './tracker-json.ts';

function fixture(name: string): Uint8Array {
  const bytes = readFileSync(new URL(`__fixtures__/${name}`, import.meta.url));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function parseFixture(name: string) {
  return debianTrackerImporter.parse(name, fixture(name));
}

const fixed = (version: string) => [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] }];
const unfixed = [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }];

describe('DSA list excerpt (real lines)', () => {
  const batch = parseFixture('DSA-excerpt.txt');
  const byId = new Map(batch.records?.map((record) => [record.id, record]));

  it('reads every advisory', () => {
    expect(batch.problems).toEqual([]);
    expect([...byId.keys()]).toEqual([
      'DSA-5380-1',
      'DSA-5376-1',
      'DSA-5356-2',
      'DSA-3699-1',
      'DSA-2275-1',
      'DSA-1011-1',
      'DSA-827-1',
    ]);
  });

  it('gives the id, its CVEs as aliases, and a fixed version per release', () => {
    expect(byId.get('DSA-5380-1')).toEqual({
      schema_version: '1.6.0',
      id: 'DSA-5380-1',
      modified: '2023-03-29T00:00:00Z',
      published: '2023-03-29T00:00:00Z',
      summary: 'xorg-server - security update',
      aliases: ['CVE-2023-1393'],
      affected: [{ package: { ecosystem: 'Debian:11', name: 'xorg-server' }, ranges: fixed('2:1.20.11-1+deb11u6') }],
      database_specific: { source: 'debian-security-tracker' },
    });
    expect(byId.get('DSA-5376-1')?.aliases).toEqual([
      'CVE-2006-20001',
      'CVE-2022-36760',
      'CVE-2022-37436',
      'CVE-2023-25690',
      'CVE-2023-27522',
    ]);
    expect(byId.get('DSA-1011-1')?.affected).toEqual([
      { package: { ecosystem: 'Debian:3.1', name: 'kernel-patch-vserver' }, ranges: fixed('1.9.5.4') },
      { package: { ecosystem: 'Debian:3.1', name: 'util-vserver' }, ranges: fixed('0.30.204-5sarge3') },
    ]);
  });

  it('keeps an advisory without CVEs (a regression update) under its own id', () => {
    expect(byId.get('DSA-5356-2')?.aliases).toEqual([]);
    expect(byId.get('DSA-5356-2')?.affected).toEqual([
      { package: { ecosystem: 'Debian:11', name: 'sox' }, ranges: fixed('14.4.2+git20190427-2+deb11u2') },
    ]);
  });

  it('reads <end-of-life> as affected with no fix, <not-affected> as no entry', () => {
    expect(byId.get('DSA-3699-1')?.affected).toEqual([
      {
        package: { ecosystem: 'Debian:8', name: 'virtualbox' },
        ranges: unfixed,
        database_specific: { status: 'end-of-life' },
      },
    ]);
    expect(byId.get('DSA-2275-1')).toMatchObject({
      affected: [{ package: { ecosystem: 'Debian:6', name: 'openoffice.org' }, ranges: fixed('1:3.2.1-11+squeeze3') }],
      database_specific: {
        source: 'debian-security-tracker',
        not_affected: [{ ecosystem: 'Debian:5', name: 'openoffice.org', reason: 'Vulnerable code not present' }],
      },
    });
  });

  it('keeps the urgency and NOTE lines', () => {
    expect(byId.get('DSA-827-1')).toMatchObject({
      affected: [
        {
          package: { ecosystem: 'Debian:3.1', name: 'backupninja' },
          ranges: fixed('0.5-3sarge1'),
          database_specific: { urgency: 'medium' },
        },
      ],
      database_specific: { notes: ['not fixed in testing at time of DSA (too young 1/2 days)'] },
    });
  });
});

describe('full DSA and DLA lists (real files)', () => {
  // Counts from SOURCES.md (5406 DSA, 3534 DLA; 623 [buster] and 410 [bullseye] lines in DSA, 322 [buster] in DLA).
  it.each([
    ['DSA-list.txt.gz', 5406, { 'Debian:10': 623, 'Debian:11': 410 }],
    ['DLA-list.txt.gz', 3534, { 'Debian:10': 322, 'Debian:11': 0 }],
  ])('%s', (name, advisories, perRelease) => {
    const batch = parseFixture(name);
    expect(batch.problems).toEqual([]);
    expect(batch.records).toHaveLength(advisories);
    const affected = batch.records?.flatMap((record) => record.affected ?? []) ?? [];
    for (const [ecosystem, count] of Object.entries(perRelease)) {
      expect(affected.filter((entry) => entry.package?.ecosystem === ecosystem)).toHaveLength(count);
    }
    for (const record of batch.records ?? []) expect(osvRecordSchema.safeParse(record).success).toBe(true);
  });

  it('reads the newest DLA', () => {
    expect(parseFixture('DLA-list.txt.gz').records?.[0]).toMatchObject({
      id: 'DLA-3380-1',
      published: '2023-04-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Debian:10', name: 'firmware-nonfree' },
          ranges: fixed('20190114+really20220913-0+deb10u1'),
        },
      ],
    });
  });
});

describe('tracker JSON (hand-written fixture in the published format; no real export is at hand)', () => {
  const batch = parseFixture('tracker.json');

  it('makes one record per CVE across source packages', () => {
    expect(batch.records).toEqual([
      {
        schema_version: '1.6.0',
        id: 'DEBIAN-CVE-2023-38545',
        modified: TRACKER_UNDATED,
        aliases: ['CVE-2023-38545'],
        summary: 'SOCKS5 heap buffer overflow',
        affected: [
          {
            package: { ecosystem: 'Debian:12', name: 'curl' },
            ranges: fixed('7.88.1-10+deb12u4'),
            database_specific: { urgency: 'not yet assigned' },
          },
          {
            package: { ecosystem: 'Debian:13', name: 'curl-embedded' },
            ranges: unfixed,
            database_specific: { status: 'undetermined', urgency: 'not yet assigned' },
          },
        ],
        database_specific: {
          source: 'debian-security-tracker',
          // fixed_version "0" and status "not-affected" both mean never affected.
          not_affected: [
            { ecosystem: 'Debian:11', name: 'curl' },
            { ecosystem: 'Debian:12', name: 'curl-embedded' },
          ],
        },
      },
      {
        schema_version: '1.6.0',
        id: 'DEBIAN-CVE-2023-28320',
        modified: TRACKER_UNDATED,
        aliases: ['CVE-2023-28320'],
        summary: 'siglongjmp race condition may lead to crash',
        affected: [
          {
            package: { ecosystem: 'Debian:12', name: 'curl' },
            ranges: unfixed,
            database_specific: { urgency: 'unimportant' },
          },
          {
            package: { ecosystem: 'Debian:11', name: 'curl' },
            ranges: unfixed,
            database_specific: { urgency: 'low', nodsa: 'Minor issue', nodsa_reason: 'postponed' },
          },
        ],
        database_specific: { source: 'debian-security-tracker' },
      },
    ]);
  });

  it('accepts `"releases": []` as no releases: no problem, and no record for an id with nothing else', () => {
    expect(batch.records?.some((record) => record.id === 'DEBIAN-CVE-2023-46218')).toBe(false);
    expect(batch.problems.some((problem) => problem.includes('CVE-2023-46218'))).toBe(false);
    const mixed = debianTrackerImporter.parse(
      'json',
      new TextEncoder().encode(
        JSON.stringify({
          curl: { 'CVE-2023-46218': { releases: [] } },
          'curl-embedded': {
            'CVE-2023-46218': { releases: { bookworm: { status: 'open', urgency: 'medium' } } },
          },
        }),
      ),
    );
    expect(mixed.problems).toEqual([]);
    expect(mixed.records?.map((record) => [record.id, record.affected?.map((entry) => entry.package?.name)])).toEqual([
      ['DEBIAN-CVE-2023-46218', ['curl-embedded']],
    ]);
  });

  it('skips and reports an entry without releases', () => {
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(/^curl-embedded TEMP-0000000-A1B2C3: .*releases/s);
  });
});

describe('bad input', () => {
  it.each([
    [
      '\t[bullseye] - zlib 1:1.2.11.dfsg-2+deb11u2\n',
      ['line 1: no advisory header before "[bullseye] - zlib 1:1.2.11.dfsg-2+deb11u2"'],
    ],
    [
      '[01 Apr 2023] DLA-1-1 zlib - security update\n\t[hamm] - zlib 1.0\n\t[buster] - zlib <maybe>\n\tgarbage\n',
      [
        'line 2 (DLA-1-1): unknown release "hamm"',
        'line 3 (DLA-1-1): unknown marker <maybe>',
        'line 4 (DLA-1-1): unreadable line "garbage"',
      ],
    ],
  ])('list %#', (text, problems) => {
    expect(debianTrackerImporter.parse('list', new TextEncoder().encode(text)).problems).toEqual(problems);
  });

  it('reports unreadable JSON', () => {
    const batch = debianTrackerImporter.parse('json', new TextEncoder().encode('{"zlib": {"CVE-1'));
    expect(batch.records).toEqual([]);
    expect(batch.problems[0]).toMatch(/^unreadable JSON: /);
  });
});

describe('detect', () => {
  it.each([
    ['list', '[29 Mar 2023] DSA-5380-1 xorg-server - security update\n', true],
    ['DLA-list.txt', '[01 Apr 2023] DLA-3380-1 firmware-nonfree - security update\n', true],
    ['json', '{"0ad":{"CVE-2020-24614":{"description":"…', true],
    ['GHSA-1.json', '{"id":"GHSA-1","modified":"2024-01-01T00:00:00Z"}', false],
    ['notes.txt', 'DSA-5380-1 fixed xorg-server\n', false],
  ])('%s', (name, head, expected) => {
    expect(debianTrackerImporter.detect(name, head)).toBe(expected);
  });
});
