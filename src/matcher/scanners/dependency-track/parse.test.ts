import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDependencyTrackFindings } from './parse.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/findings-project.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>>[];

describe('parseDependencyTrackFindings', () => {
  it('reads a project’s findings and leaves out the suppressed one', () => {
    expect(parseDependencyTrackFindings(fixture)).toEqual([
      {
        id: 'GHSA-35jh-r3h4-6jhm',
        aliases: ['CVE-2021-23337'],
        purl: 'pkg:npm/lodash@4.17.20',
        packageName: 'lodash',
        installedVersion: '4.17.20',
        fixedVersions: [],
        severity: {
          level: 'HIGH',
          score: 7.2,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
          source: 'dependency-track:GITHUB',
        },
        summary: 'Command Injection in lodash',
      },
      {
        id: 'CVE-2021-44906',
        aliases: ['GHSA-xvch-5gv4-984h'],
        purl: 'pkg:npm/minimist@1.2.5',
        packageName: 'minimist',
        installedVersion: '1.2.5',
        fixedVersions: [],
        severity: {
          level: 'CRITICAL',
          score: 9.8,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          source: 'dependency-track:NVD',
        },
        summary:
          'Minimist <=1.2.5 is vulnerable to Prototype Pollution via file index.js, function setKey() (lines 69-95).',
      },
      {
        // An analysis state other than NOT_AFFECTED / FALSE_POSITIVE keeps the finding.
        id: 'GHSA-j8r2-6x86-q33q',
        aliases: ['CVE-2023-32681'],
        purl: 'pkg:pypi/requests@2.25.0',
        packageName: 'requests',
        installedVersion: '2.25.0',
        fixedVersions: [],
        severity: {
          level: 'MEDIUM',
          score: 6.1,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
          source: 'dependency-track:GITHUB',
        },
        summary: 'Unintended leak of Proxy-Authorization header in requests',
      },
    ]);
  });

  it('takes a CVSS v2 vector out of its parentheses, and maps INFO and UNASSIGNED', () => {
    const [first, second] = structuredClone(fixture);
    if (!first || !second) throw new Error('fixture changed');
    const v2Only: Record<string, unknown> = { ...first.vulnerability, severity: 'INFO' };
    delete v2Only.cvssV3Vector;
    delete v2Only.cvssV3BaseScore;
    Object.assign(v2Only, { cvssV2Vector: '(AV:N/AC:L/Au:S/C:P/I:P/A:P)', cvssV2BaseScore: 6.5 });
    const unrated: Record<string, unknown> = { ...second.vulnerability, severity: 'UNASSIGNED' };
    delete unrated.cvssV2Vector;
    delete unrated.cvssV3Vector;
    const parsed = parseDependencyTrackFindings([
      { ...first, vulnerability: v2Only },
      { ...second, vulnerability: unrated, analysis: { state: 'FALSE_POSITIVE', isSuppressed: false } },
      { ...second, vulnerability: unrated },
    ]);
    expect(parsed.map((finding) => finding.severity)).toEqual([
      { level: 'NEGLIGIBLE', score: 6.5, vector: 'AV:N/AC:L/Au:S/C:P/I:P/A:P', source: 'dependency-track:GITHUB' },
      { level: 'UNKNOWN', source: 'dependency-track:NVD' },
    ]);
  });

  it.each([
    ['an object', { findings: [] }],
    [
      'a finding without a vulnerability id',
      [{ component: { uuid: 'u', name: 'n' }, vulnerability: { uuid: 'v', source: 'NVD' } }],
    ],
  ])('rejects %s', (_name, body) => {
    expect(() => parseDependencyTrackFindings(body)).toThrow();
  });
});
