import { describe, expect, it } from 'vitest';
import { formatAge, formatNumber, formatPercent, shortHash } from './format.ts';
import { normalizeCounts, severityLabel, severityRank, totalCount } from './severity.ts';

describe('format', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it.each([
    ['2025-03-10T11:59:30Z', '30 seconds'],
    ['2025-03-10T11:59:00Z', '1 minute'],
    ['2025-03-10T09:00:00Z', '3 hours'],
    ['2025-03-08T11:00:00Z', '2 days'],
    ['not a date', 'unknown'],
  ])('formatAge(%s) = %s', (from, expected) => {
    expect(formatAge(from, now)).toBe(expected);
  });

  it('formats numbers, hashes and percentages', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(undefined)).toBe('–');
    expect(shortHash('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortHash('abc')).toBe('abc');
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.97231, 2)).toBe('97.23%');
  });
});

describe('severity', () => {
  it('orders, labels and normalises counts', () => {
    expect(severityRank('CRITICAL')).toBe(0);
    expect(severityRank('NEGLIGIBLE')).toBe(4);
    expect(severityRank('UNKNOWN')).toBe(5);
    expect(severityRank('WHATEVER')).toBe(6);
    expect(severityLabel('MEDIUM')).toBe('Medium');
    expect(
      normalizeCounts([
        { severity: 'LOW', count: 2 },
        { severity: 'CRITICAL', count: 1 },
        { severity: 'LOW', count: 1 },
      ]),
    ).toEqual([
      { severity: 'CRITICAL', count: 1 },
      { severity: 'HIGH', count: 0 },
      { severity: 'MEDIUM', count: 0 },
      { severity: 'LOW', count: 3 },
      { severity: 'NEGLIGIBLE', count: 0 },
      { severity: 'UNKNOWN', count: 0 },
    ]);
    expect(totalCount([{ severity: 'HIGH', count: 4 }])).toBe(4);
  });
});
