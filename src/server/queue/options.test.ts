import { describe, expect, it } from 'vitest';
import { parseCount, parseDuration } from './options.ts';

describe('queue flag values', () => {
  it.each([
    ['24h', 86_400_000],
    ['1d', 86_400_000],
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['90', 90_000],
    ['1.5h', 5_400_000],
    ['off', 0],
    ['0', 0],
  ])('parses the duration %s as %i ms', (text, ms) => {
    expect(parseDuration(text, '--db-update-interval')).toBe(ms);
  });

  it.each(['', '1w', '-1h', 'h', 'daily'])('refuses the duration "%s" with a usage error', (text) => {
    expect(() => parseDuration(text, '--db-update-interval')).toThrow(`invalid --db-update-interval "${text}"`);
  });

  it('parses counts within bounds and refuses others', () => {
    expect(parseCount('4', '--concurrency', 1, 64)).toBe(4);
    expect(parseCount('0', '--workers', 0, 64)).toBe(0);
    for (const text of ['0', '65', '1.5', 'two', '']) {
      expect(() => parseCount(text, '--concurrency', 1, 64)).toThrow(`invalid --concurrency "${text}"`);
    }
  });
});
