import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debianTrackerImporter } from '../advisories/importers/debian-tracker/index.ts';
import { type OsvRecord, osvRecordSchema } from '../advisories/osv/schema.ts';
import { cvssBaseScore, levelOfScore, severityOfRecord } from './severity.ts';

function record(file: string): OsvRecord {
  return osvRecordSchema.parse(JSON.parse(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), 'utf8')));
}

/** Real DSA list lines (DSA-823-1 "(high)", DSA-857-1 "(low)", modern DSAs without urgency), read by the importer. */
function dsa(id: string): OsvRecord {
  const batch = debianTrackerImporter.parse(
    'list',
    readFileSync(new URL('./__fixtures__/DSA-urgency-excerpt.txt', import.meta.url)),
  );
  const found = batch.records?.find((item) => item.id === id);
  if (!found) throw new Error(`${id} is not in the excerpt`);
  return found;
}

// Expected scores come from the CVSS specifications' formulas (v3.x §7) and lookup tables (v4.0), cross-checked with a
// second implementation (@pandatix/js-cvss 0.4.4), not with the library under test.
describe('cvssBaseScore', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V3', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 'CVSS_V3', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H', 'CVSS_V3', 6.5],
    ['CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 'CVSS_V3', 6.2],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V3', 8.1],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 'CVSS_V3', 3.1],
    // Temporal metrics lower the temporal score (7.8), not the base score.
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U', 'CVSS_V3', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 'CVSS_V3', 0],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'CVSS_V4', 9.3],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N', 'CVSS_V4', 6.9],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 'CVSS_V4', 6.7],
    ['CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:L', 'CVSS_V4', 7],
    // CVSS-B only: with E:U the CVSS-BT score is 8.1.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 'CVSS_V4', 9.3],
    // Out of the published order (as some GHSA records have it), otherwise valid.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N', 'CVSS_V4', 8.7],
  ] as const)('%s = %d', (vector, type, score) => {
    expect(cvssBaseScore(vector, type)).toBe(score);
  });

  it('remembers scores per vector and type: a v3.1 vector asked for as CVSS_V4 is still no v4 score', () => {
    const vector = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
    expect(cvssBaseScore(vector, 'CVSS_V3')).toBe(9.8);
    expect(cvssBaseScore(vector, 'CVSS_V4')).toBeUndefined();
    expect(cvssBaseScore(vector, 'CVSS_V3')).toBe(9.8);
  });

  it.each([
    ['', 'CVSS_V3'],
    ['garbage', 'CVSS_V3'],
    ['CVSS:3.1/', 'CVSS_V3'],
    ['AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V3'],
    ['CVSS:3.1/AV:N/AC:L', 'CVSS_V3'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q', 'CVSS_V3'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:B', 'CVSS_V3'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', 'CVSS_V3'],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V3'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'CVSS_V3'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS_V4'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N', 'CVSS_V4'],
    ['cvss:4.0/av:n/ac:l/at:n/pr:n/ui:n/vc:h/vi:h/va:h/sc:n/si:n/sa:n', 'CVSS_V4'],
  ] as const)('%j is not a valid %s vector', (vector, type) => {
    expect(cvssBaseScore(vector, type)).toBeUndefined();
  });
});

describe('levelOfScore (CVSS v3.1 §5, v4.0 §6)', () => {
  it.each([
    [0, 'NEGLIGIBLE'],
    [0.1, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ])('%d → %s', (score, level) => {
    expect(levelOfScore(score)).toBe(level);
  });
});

describe('severityOfRecord (real records)', () => {
  it.each([
    // CVSS v4 first, when the record has both (v3.1 would give 9.8).
    [
      'GHSA-86jx-wr74-xr74.json',
      {
        level: 'CRITICAL',
        score: 9.3,
        vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        source: 'CVSS_V4 vector of GHSA-86jx-wr74-xr74',
      },
    ],
    // v4 7.0 (HIGH at the boundary), where v3.1 gives 8.9.
    [
      'GHSA-cfxw-4h78-h7fw.json',
      {
        level: 'HIGH',
        score: 7,
        vector: 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:L',
        source: 'CVSS_V4 vector of GHSA-cfxw-4h78-h7fw',
      },
    ],
    [
      'GHSA-4265-ccf5-phj5.json',
      {
        level: 'MEDIUM',
        score: 6.7,
        vector: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N',
        source: 'CVSS_V4 vector of GHSA-4265-ccf5-phj5',
      },
    ],
    [
      'GHSA-p836-389h-j692.json',
      {
        level: 'CRITICAL',
        score: 9.8,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        source: 'CVSS_V3 vector of GHSA-p836-389h-j692',
      },
    ],
    [
      'GHSA-pjfr-qf3p-3q25.json',
      {
        level: 'HIGH',
        score: 8.1,
        vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
        source: 'CVSS_V3 vector of GHSA-pjfr-qf3p-3q25',
      },
    ],
    [
      'GHSA-jfmq-4g4m-99rh.json',
      {
        level: 'LOW',
        score: 3.1,
        vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
        source: 'CVSS_V3 vector of GHSA-jfmq-4g4m-99rh',
      },
    ],
    [
      'GHSA-4jrv-ppp4-jm57.json',
      {
        level: 'HIGH',
        score: 7.7,
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:H/A:H',
        source: 'CVSS_V3 vector of GHSA-4jrv-ppp4-jm57',
      },
    ],
    // No vector: GitHub's own rating, MODERATE being MEDIUM.
    ['GHSA-3jx9-mgwx-4q83.json', { level: 'MEDIUM', source: 'severity of GHSA-3jx9-mgwx-4q83' }],
    // An Ubuntu record without priority: its CVSS vector.
    [
      'UBUNTU-CVE-2020-36325.json',
      {
        level: 'HIGH',
        score: 7.5,
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
        source: 'CVSS_V3 vector of UBUNTU-CVE-2020-36325',
      },
    ],
  ])('%s', (file, expected) => {
    expect(severityOfRecord(record(file))).toEqual(expected);
  });

  it('rates nothing for a record without severity (PYSEC-2005-1)', () => {
    expect(severityOfRecord(record('PYSEC-2005-1.json'), 'PyPI')).toBeUndefined();
  });
});

describe('a distro rating wins for distro packages', () => {
  it('Ubuntu: priority "negligible" over a CVSS 7.5 vector for an Ubuntu package, the vector otherwise', () => {
    const ubuntu = record('UBUNTU-CVE-2016-20013.json');
    expect(severityOfRecord(ubuntu, 'Ubuntu:14.04:LTS')).toEqual({
      level: 'NEGLIGIBLE',
      source: 'Ubuntu priority of UBUNTU-CVE-2016-20013',
    });
    expect(severityOfRecord(ubuntu)).toEqual({
      level: 'HIGH',
      score: 7.5,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
      source: 'CVSS_V3 vector of UBUNTU-CVE-2016-20013',
    });
  });

  it('Ubuntu: a priority alone', () => {
    expect(severityOfRecord(record('UBUNTU-CVE-2013-2208.json'), 'Ubuntu:14.04:LTS')).toEqual({
      level: 'MEDIUM',
      source: 'Ubuntu priority of UBUNTU-CVE-2013-2208',
    });
  });

  it.each([
    ['DSA-823-1', 'Debian:3.1', { level: 'HIGH', source: 'urgency of DSA-823-1' }],
    ['DSA-823-1', 'Debian:3.0', { level: 'HIGH', source: 'urgency of DSA-823-1' }],
    ['DSA-857-1', 'Debian:3.1', { level: 'LOW', source: 'urgency of DSA-857-1' }],
    // The urgency is the release's: no entry for woody, no rating.
    ['DSA-857-1', 'Debian:3.0', undefined],
    ['DSA-5312-1', 'Debian:11', undefined],
  ])('Debian: %s in %s', (id, ecosystem, expected) => {
    expect(severityOfRecord(dsa(id), ecosystem)).toEqual(expected);
  });

  it.each([
    ['unimportant', 'NEGLIGIBLE'],
    ['low', 'LOW'],
    ['medium', 'MEDIUM'],
    ['high', 'HIGH'],
    // The tracker's `*` markers do not change the level.
    ['low*', 'LOW'],
    ['low**', 'LOW'],
    ['medium*', 'MEDIUM'],
    ['medium**', 'MEDIUM'],
    ['high*', 'HIGH'],
    ['high**', 'HIGH'],
    ['not yet assigned', 'UNKNOWN'],
    ['end-of-life', 'UNKNOWN'],
    ['*', 'UNKNOWN'],
  ])('Debian urgency %s → %s', (urgency, level) => {
    const real = dsa('DSA-857-1');
    const rated = {
      ...real,
      affected: (real.affected ?? []).map((entry) => ({ ...entry, database_specific: { urgency } })),
    };
    expect(severityOfRecord(rated, 'Debian:3.1')).toEqual({ level, source: 'urgency of DSA-857-1' });
  });

  it('a distro rating still wins over a vector in the same record; an UNKNOWN urgency does not', () => {
    const ubuntu = record('UBUNTU-CVE-2016-20013.json');
    const unassigned = { ...ubuntu, severity: [...(ubuntu.severity ?? []), { type: 'Ubuntu', score: 'untriaged' }] };
    // The known "negligible" is the highest distro rating; "untriaged" adds nothing.
    expect(severityOfRecord(unassigned, 'Ubuntu:14.04:LTS')?.level).toBe('NEGLIGIBLE');
    const onlyUntriaged = {
      ...ubuntu,
      severity: (ubuntu.severity ?? []).map((item) =>
        item.type === 'Ubuntu' ? { ...item, score: 'untriaged' } : item,
      ),
    };
    expect(severityOfRecord(onlyUntriaged, 'Ubuntu:14.04:LTS')).toMatchObject({ level: 'HIGH', score: 7.5 });
  });
});

describe('invalid vectors fall through', () => {
  const ghsa = record('GHSA-86jx-wr74-xr74.json');
  const withScores = (v3: string, v4: string): OsvRecord => ({
    ...ghsa,
    severity: [
      { type: 'CVSS_V3', score: v3 },
      { type: 'CVSS_V4', score: v4 },
    ],
  });

  it('to the v3 vector when the v4 one is broken', () => {
    const broken = withScores('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:4.0/AV:N/AC:L/AT:N');
    expect(severityOfRecord(broken)).toEqual({
      level: 'CRITICAL',
      score: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      source: 'CVSS_V3 vector of GHSA-86jx-wr74-xr74',
    });
  });

  it("to GitHub's rating when both are broken", () => {
    const broken = withScores('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Z', 'not a vector');
    expect(severityOfRecord(broken)).toEqual({ level: 'CRITICAL', source: 'severity of GHSA-86jx-wr74-xr74' });
  });

  it('to nothing when there is no other source', () => {
    const { database_specific: _dropped, ...bare } = withScores('CVSS:3.1/', '');
    expect(severityOfRecord(bare)).toBeUndefined();
  });
});

describe('severity on an affected entry', () => {
  it("reads the package's own entry only", () => {
    const ghsa = record('GHSA-p836-389h-j692.json');
    const { severity: _moved, database_specific: _dropped, ...rest } = ghsa;
    const moved: OsvRecord = {
      ...rest,
      affected: (ghsa.affected ?? []).map((entry) => ({ ...entry, severity: ghsa.severity })),
    };
    expect(severityOfRecord(moved, 'Maven')).toMatchObject({ level: 'CRITICAL', score: 9.8 });
    expect(severityOfRecord(moved, 'PyPI')).toBeUndefined();
  });
});
