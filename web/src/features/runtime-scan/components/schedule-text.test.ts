import { describe, expect, it } from 'vitest';
import { describeSpec, specOf } from './schedule-text.ts';

const FIELDS = { at: '2025-04-01T02:30', time: '03:00', every: 6, day: 'monday' as const, cron: ' 0 3 * * 1-5 ' };

describe('specOf', () => {
  it.each([
    ['once', { kind: 'once', at: '2025-04-01T02:30' }],
    ['hours', { kind: 'hours', every: 6 }],
    ['days', { kind: 'days', every: 6, at: '03:00' }],
    ['weekly', { kind: 'weekly', day: 'monday', at: '03:00' }],
    ['cron', { kind: 'cron', expression: '0 3 * * 1-5' }],
  ] as const)('%s', (kind, spec) => {
    expect(specOf(kind, FIELDS)).toEqual(spec);
  });
});

describe('describeSpec', () => {
  it.each([
    [{ kind: 'hours', every: 1 }, 'UTC', 'every hour'],
    [{ kind: 'hours', every: 6 }, 'UTC', 'every 6 hours'],
    [{ kind: 'days', every: 1, at: '03:00' }, 'Europe/Berlin', 'every day at 03:00 (Europe/Berlin)'],
    [{ kind: 'weekly', day: 'friday', at: '22:15' }, 'UTC', 'weekly on Friday at 22:15 (UTC)'],
    [{ kind: 'once', at: '2025-04-01T02:30' }, 'UTC', 'once at 2025-04-01 02:30 (UTC)'],
  ] as const)('%j', (spec, zone, text) => {
    expect(describeSpec(spec, zone)).toBe(text);
  });
});
