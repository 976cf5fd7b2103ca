import { describe, expect, it } from 'vitest';
import { isTrendRange, trendWindow } from './trend-range.ts';

describe('trendWindow', () => {
  const now = Date.parse('2025-03-10T12:34:56.789Z');

  it.each([
    ['hour', '2025-03-10T11:35:00.000Z'],
    ['day', '2025-03-09T12:35:00.000Z'],
    ['week', '2025-03-03T12:35:00.000Z'],
    ['month', '2025-02-08T12:35:00.000Z'],
  ] as const)('last %s ends at the next whole minute', (range, start) => {
    expect(trendWindow(range, now)).toEqual({ startTime: start, endTime: '2025-03-10T12:35:00.000Z' });
  });

  it('uses the custom range, and refuses an empty or reversed one', () => {
    const window = trendWindow('custom', now, { from: '2025-03-01T00:00', to: '2025-03-02T00:00' });
    expect(window && Date.parse(window.endTime) - Date.parse(window.startTime)).toBe(86_400_000);
    expect(trendWindow('custom', now, { from: '2025-03-02T00:00', to: '2025-03-01T00:00' })).toBeNull();
    expect(trendWindow('custom', now, {})).toBeNull();
  });

  it('recognises range names', () => {
    expect(isTrendRange('week')).toBe(true);
    expect(isTrendRange('year')).toBe(false);
    expect(isTrendRange(null)).toBe(false);
  });
});
