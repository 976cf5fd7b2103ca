import { describe, expect, it } from 'vitest';
import { findingEvidence, readStoredEvidence } from './evidence.ts';

describe('readStoredEvidence', () => {
  it('keeps the matcher evidence as it is', () => {
    const matcher = {
      recordId: 'DSA-5147-1',
      ecosystem: 'Debian:10',
      kind: 'range',
      rangeType: 'ECOSYSTEM',
      introduced: '0',
      fixed: '1.19.8',
      comparator: 'dpkg',
      comparedVersion: '1.19.7',
      location: { path: 'var/lib/dpkg/status', layerDiffId: 'sha256:ab' },
    };
    expect(readStoredEvidence([matcher])).toEqual([matcher]);
  });

  it("passes other scanners' fields through", () => {
    const grype = { recordId: 'GHSA-x', reportedBy: 'grype', matchType: 'exact-direct-match', confidence: 0.9 };
    expect(readStoredEvidence([grype])).toEqual([grype]);
  });

  it('leaves out what is not an object, and known fields of the wrong type', () => {
    const stored = [
      'junk',
      null,
      [1],
      { recordId: 7, kind: 'guess', fixed: '2.0', location: { path: 3 } },
      { recordId: 'A', location: { path: 'p', layerDiffId: 5, extra: true } },
    ];
    const read = readStoredEvidence(stored);
    expect(read).toEqual([{ fixed: '2.0' }, { recordId: 'A', location: { path: 'p', extra: true } }]);
    for (const item of read) expect(findingEvidence.safeParse(item).success).toBe(true);
  });
});
