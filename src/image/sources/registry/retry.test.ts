import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelay } from './retry.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120_000],
    ['Sun, 01 Mar 2026 12:00:05 GMT', 5000],
    ['Sunday, 01-Mar-26 12:00:30 GMT', 30_000],
    ['Sun Mar  1 12:01:00 2026', 60_000],
    ['Sun, 01 Mar 2026 11:59:00 GMT', 0],
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('reads the first of several values and tolerates absence', () => {
    expect(parseRetryAfter(['2', '9'], NOW)).toBe(2000);
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [401, false],
    [404, false],
    [200, false],
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('retryDelay', () => {
  const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    [1, undefined, 0, 50],
    [1, undefined, 1, 100],
    [2, undefined, 0.5, 150],
    [3, undefined, 1, 400],
    [5, undefined, 1, 1000],
    [9, undefined, 0, 500],
    [1, 700, 0, 700],
    [1, 0, 1, 0],
    [1, 5000, 0, 1000],
  ])('retry %i, Retry-After %s, random %s → %i ms', (retry, retryAfter, random, expected) => {
    expect(retryDelay(retry, policy, retryAfter, () => random)).toBe(expected);
  });
});
