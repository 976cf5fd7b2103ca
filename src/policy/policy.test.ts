import { describe, expect, it } from 'vitest';
import type { Finding, SeverityLevel } from '../matcher/match.ts';
import { applyPolicy, parseSeverity } from './policy.ts';

function finding(id: string, level: SeverityLevel | undefined, fixed: string[]): Finding {
  return {
    id,
    aliases: [],
    packagePurl: `pkg:deb/debian/x@1`,
    packageName: 'x',
    installedVersion: '1',
    fixedVersions: fixed,
    evidence: [],
    ...(level ? { severity: { level, source: 'test' } } : {}),
  };
}

const NOW = { now: new Date('2026-06-01T12:00:00Z') };

const findings = [
  finding('CVE-1', 'CRITICAL', ['2']),
  finding('CVE-2', 'MEDIUM', []),
  finding('CVE-3', 'LOW', ['2']),
  finding('CVE-4', undefined, ['2']),
];

describe('applyPolicy', () => {
  it.each([
    ['CRITICAL', ['CVE-1']],
    ['HIGH', ['CVE-1']],
    ['MEDIUM', ['CVE-1', 'CVE-2']],
    ['LOW', ['CVE-1', 'CVE-2', 'CVE-3']],
    ['UNKNOWN', ['CVE-1', 'CVE-2', 'CVE-3', 'CVE-4']],
  ] as const)('--fail-on %s fails on %j', (level, failing) => {
    const outcome = applyPolicy(findings, { failOn: level }, NOW);
    expect(outcome.failing.map((item) => item.id)).toEqual(failing);
    expect(outcome.failed).toBe(true);
  });

  it('does not fail without --fail-on, or when nothing reaches it', () => {
    expect(applyPolicy(findings, {}, NOW).failed).toBe(false);
    expect(applyPolicy([finding('CVE-3', 'LOW', [])], { failOn: 'HIGH' }, NOW).failed).toBe(false);
  });

  it('--only-fixed suppresses findings without a fix, with the reason, before --fail-on looks', () => {
    const outcome = applyPolicy(findings, { onlyFixed: true, failOn: 'MEDIUM' }, NOW);
    expect(outcome.reported.map((item) => item.id)).toEqual(['CVE-1', 'CVE-3', 'CVE-4']);
    expect(outcome.suppressed.map((item) => [item.finding.id, item.reason])).toEqual([
      ['CVE-2', 'no fix available (--only-fixed)'],
    ]);
    expect(outcome.failing.map((item) => item.id)).toEqual(['CVE-1']);
  });
});

describe('parseSeverity', () => {
  it.each([
    ['critical', 'CRITICAL'],
    ['High', 'HIGH'],
    ['moderate', 'MEDIUM'],
    ['negligible', 'NEGLIGIBLE'],
    ['severe', undefined],
  ])('%s → %s', (text, level) => {
    expect(parseSeverity(text)).toBe(level);
  });
});
