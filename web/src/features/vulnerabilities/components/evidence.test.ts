import { describe, expect, it } from 'vitest';
import { describeRange, type Evidence, readEvidence } from './evidence.ts';

describe('evidence', () => {
  it.each<[Evidence, string]>([
    [{ kind: 'range', introduced: '0', fixed: '1.19.8' }, 'version < 1.19.8'],
    [{ kind: 'range', introduced: '2.0', fixed: '2.4.1' }, '2.0 ≤ version < 2.4.1'],
    [{ kind: 'range', introduced: '0', lastAffected: '3.1' }, 'version ≤ 3.1'],
    [{ kind: 'range', introduced: '0' }, 'every version (no fix)'],
    [{ kind: 'versions' }, 'listed among the affected versions'],
  ])('describes %j', (evidence, text) => {
    expect(describeRange(evidence)).toBe(text);
  });

  it('reads matcher evidence', () => {
    expect(
      readEvidence([
        {
          recordId: 'DSA-5147-1',
          ecosystem: 'Debian:10',
          comparedVersion: '1.19.7',
          kind: 'range',
          introduced: '0',
          fixed: '1.19.8',
          comparator: 'dpkg',
          location: { path: 'var/lib/dpkg/status' },
        },
        { recordId: 'GHSA-1234', reportedBy: 'grype' },
      ]),
    ).toEqual([
      {
        record: 'DSA-5147-1',
        range: 'version < 1.19.8',
        matcher: 'dpkg · Debian:10',
        comparedVersion: '1.19.7',
        location: 'var/lib/dpkg/status',
      },
      { record: 'GHSA-1234', range: 'every version (no fix)', matcher: '', comparedVersion: '', location: '' },
    ]);
  });
});
