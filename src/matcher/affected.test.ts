import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OsvAffected, osvRecordSchema } from '../advisories/osv/schema.ts';
import { versioningScheme } from '../versioning/registry.ts';
import type { VersioningScheme } from '../versioning/scheme.ts';
import { evaluateAffected } from './affected.ts';

/** A real OSV record's first affected entry (fixtures copied from shared/data/osv). */
function affectedOf(file: string): OsvAffected {
  const record = osvRecordSchema.parse(
    JSON.parse(readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), 'utf8')),
  );
  return record.affected?.[0] as OsvAffected;
}

function scheme(name: string): VersioningScheme {
  const found = versioningScheme(name);
  if (!found) throw new Error(`versioning scheme ${name} is not registered`);
  return found;
}

describe('evaluateAffected on real records', () => {
  it.each([
    // PYSEC-2008-3 cherrypy: [0, 2.1.1) and [3.0, 3.0.2)
    ['2.1.0', true, { introduced: '0', fixed: '2.1.1' }, ['2.1.1']],
    ['2.1.1', false, undefined, ['2.1.1', '3.0.2']],
    ['2.9', false, undefined, ['2.1.1', '3.0.2']],
    ['3.0.1', true, { introduced: '3.0', fixed: '3.0.2' }, ['3.0.2']],
    ['3.0.2', false, undefined, ['2.1.1', '3.0.2']],
    ['1.0', true, { introduced: '0', fixed: '2.1.1' }, ['2.1.1']],
  ])('cherrypy %s (pep440)', (version, affected, range, fixes) => {
    const verdict = evaluateAffected(affectedOf('PYSEC-2008-3.json'), version, scheme('pep440'));
    expect(verdict.affected).toBe(affected);
    if (range)
      expect(verdict.evidence).toEqual({ kind: 'range', rangeType: 'ECOSYSTEM', comparator: 'pep440', ...range });
    expect(verdict.fixedVersions).toEqual(fixes);
  });

  it.each([
    ['3.1.5', true],
    ['3.1.6', false],
    ['2.0.0', true],
  ])('atomix %s with last_affected 3.1.5 (maven)', (version, affected) => {
    const verdict = evaluateAffected(affectedOf('GHSA-2fqw-684c-pvp7.json'), version, scheme('maven'));
    expect(verdict.affected).toBe(affected);
    expect(verdict.fixedVersions).toEqual([]);
  });

  it('matches the explicit versions list exactly, even for a version the scheme cannot order', () => {
    const entry: OsvAffected = { versions: ['not-a-version'] };
    expect(evaluateAffected(entry, 'not-a-version', scheme('semver'))).toEqual({
      affected: true,
      evidence: { kind: 'versions', comparator: 'semver' },
      fixedVersions: [],
    });
  });

  it.each([
    ['1.5.0', true],
    ['1.6.0', false],
    ['1.10.0', false],
  ])('gin %s with a SEMVER range (semver)', (version, affected) => {
    expect(evaluateAffected(affectedOf('GO-2020-0001.json'), version, scheme('semver')).affected).toBe(affected);
  });
});

describe('evaluateAffected edge cases', () => {
  const semver = () => scheme('semver');

  it('honours limit events', () => {
    const entry: OsvAffected = {
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }],
    };
    expect(evaluateAffected(entry, '1.5.0', semver()).affected).toBe(true);
    expect(evaluateAffected(entry, '2.1.0', semver()).affected).toBe(false);
  });

  it('skips GIT ranges and never calls an unreadable version affected by a range', () => {
    const entry: OsvAffected = {
      ranges: [
        { type: 'GIT', repo: 'https://example.com/x.git', events: [{ introduced: '0' }] },
        { type: 'SEMVER', events: [{ introduced: '0' }] },
      ],
    };
    expect(evaluateAffected(entry, 'garbage', semver()).affected).toBe(false);
    expect(evaluateAffected(entry, '0.0.1', semver())).toMatchObject({
      affected: true,
      evidence: { rangeType: 'SEMVER' },
    });
  });

  it('gives the fixes of every range that holds the version, and none from an interval below it', () => {
    // secdb busybox CVE-2019-5747 (v3.11/main): one range per fixed version.
    const busybox: OsvAffected = {
      ranges: [
        { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.30.1-r2' }] },
        { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.29.3-r10' }] },
      ],
    };
    const apk = scheme('apk');
    expect(evaluateAffected(busybox, '1.27.2-r4', apk)).toMatchObject({
      affected: true,
      evidence: { fixed: '1.30.1-r2' },
      fixedVersions: ['1.29.3-r10', '1.30.1-r2'],
    });
    expect(evaluateAffected(busybox, '1.30.1-r1', apk).fixedVersions).toEqual(['1.30.1-r2']);
    // An open interval above a fixed one: 1.0.0 fixes the first interval only, so it is no fix for 2.5.0.
    const reopened: OsvAffected = {
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }, { introduced: '2.0.0' }] }],
    };
    expect(evaluateAffected(reopened, '2.5.0', semver())).toMatchObject({ affected: true, fixedVersions: [] });
    expect(evaluateAffected(reopened, '0.5.0', semver()).fixedVersions).toEqual(['1.0.0']);
  });

  it('orders unsorted events before evaluating', () => {
    const entry: OsvAffected = {
      ranges: [
        {
          type: 'SEMVER',
          events: [{ fixed: '2.0.0' }, { introduced: '1.0.0' }, { fixed: '1.2.0' }, { introduced: '1.5.0' }],
        },
      ],
    };
    expect(
      [['1.1.0'], ['1.3.0'], ['1.6.0'], ['2.0.0']].map(
        ([v]) => evaluateAffected(entry, v as string, semver()).affected,
      ),
    ).toEqual([true, false, true, false]);
  });
});
