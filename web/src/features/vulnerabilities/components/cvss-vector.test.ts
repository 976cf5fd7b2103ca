import { describe, expect, it } from 'vitest';
import { parseVector, scoreRating, vectorVersion } from './cvss-vector.ts';

describe('parseVector', () => {
  it('names every CVSS 3.1 base metric', () => {
    expect(parseVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H').map((m) => `${m.name}=${m.valueName}`)).toEqual([
      'Attack vector=Network',
      'Attack complexity=Low',
      'Privileges required=None',
      'User interaction=None',
      'Scope=Unchanged',
      'Confidentiality=High',
      'Integrity=High',
      'Availability=High',
    ]);
  });

  it('names CVSS 4.0 metrics, including subsequent-system impacts', () => {
    const metrics = parseVector('CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:H/VI:N/VA:N/SC:L/SI:N/SA:N');
    expect(metrics.find((m) => m.key === 'AT')).toEqual({
      key: 'AT',
      name: 'Attack requirements',
      value: 'P',
      valueName: 'Present',
    });
    expect(metrics.find((m) => m.key === 'UI')?.valueName).toBe('Active');
    expect(metrics.find((m) => m.key === 'SC')?.name).toBe('Confidentiality (subsequent systems)');
  });

  it('rejects what is not a v3/v4 vector and keeps unknown metrics as given', () => {
    expect(parseVector('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toEqual([]);
    expect(vectorVersion('CVSS:3.0/AV:N')).toBe('3.0');
    expect(parseVector('CVSS:3.1/AV:N/ZZ:Q')[1]).toEqual({ key: 'ZZ', name: 'ZZ', value: 'Q', valueName: 'Q' });
  });
});

describe('scoreRating', () => {
  it.each([
    [0, 'NONE'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [9, 'CRITICAL'],
    [null, 'UNKNOWN'],
  ])('%s → %s', (score, rating) => {
    expect(scoreRating(score)).toBe(rating);
  });
});
