import { describe, expect, it } from 'vitest';
import { nextRun, type Timing } from './next-run.ts';
import type { ScheduleSpec } from './spec.ts';
import { zonedInstant } from './zoned-time.ts';

/** The first `count` runs of a schedule created at `createdAt`, as ISO instants. */
function runs(spec: ScheduleSpec, timeZone: string, createdAt: string, count: number): string[] {
  const timing: Timing = { spec, timeZone, anchorAt: createdAt };
  const out: string[] = [];
  let after = Date.parse(createdAt) - 1;
  for (let i = 0; i < count; i++) {
    const next = nextRun(timing, after);
    if (next === undefined) break;
    out.push(new Date(next).toISOString().replace('.000', ''));
    timing.lastRunAt = new Date(next).toISOString();
    after = next;
  }
  return out;
}

// Europe/Berlin in 2025: clocks go forward on 30 March at 02:00 CET (01:00Z), back on 26 October at 03:00 CEST (01:00Z).
describe('nextRun', () => {
  it.each<[string, ScheduleSpec, string, string, string[]]>([
    [
      'daily 02:30 across spring-forward: the skipped time runs when the clocks land (03:00 CEST)',
      { kind: 'days', every: 1, at: '02:30' },
      'Europe/Berlin',
      '2025-03-28T12:00:00Z',
      ['2025-03-29T01:30:00Z', '2025-03-30T01:00:00Z', '2025-03-31T00:30:00Z'],
    ],
    [
      'daily 02:30 across fall-back: the doubled time runs once, at its first occurrence',
      { kind: 'days', every: 1, at: '02:30' },
      'Europe/Berlin',
      '2025-10-24T12:00:00Z',
      ['2025-10-25T00:30:00Z', '2025-10-26T00:30:00Z', '2025-10-27T01:30:00Z'],
    ],
    [
      'every 3 days at 09:00 keeps the wall-clock time across the US change (9 March)',
      { kind: 'days', every: 3, at: '09:00' },
      'America/New_York',
      '2025-03-07T12:00:00Z',
      ['2025-03-07T14:00:00Z', '2025-03-10T13:00:00Z', '2025-03-13T13:00:00Z'],
    ],
    [
      'every 2 days, created after today’s time: the first run is the next in the sequence',
      { kind: 'days', every: 2, at: '06:00' },
      'UTC',
      '2025-05-01T07:00:00Z',
      ['2025-05-03T06:00:00Z', '2025-05-05T06:00:00Z'],
    ],
    [
      'every 6 hours counts elapsed time from creation, starting at once, whatever DST does',
      { kind: 'hours', every: 6 },
      'Europe/Berlin',
      '2025-03-29T22:00:00Z',
      ['2025-03-29T22:00:00Z', '2025-03-30T04:00:00Z', '2025-03-30T10:00:00Z'],
    ],
    [
      'weekly on Sunday 02:30 across spring-forward',
      { kind: 'weekly', day: 'sunday', at: '02:30' },
      'Europe/Berlin',
      '2025-03-20T00:00:00Z',
      ['2025-03-23T01:30:00Z', '2025-03-30T01:00:00Z', '2025-04-06T00:30:00Z'],
    ],
    [
      'weekly on Monday 08:00 created on a Monday after 08:00 waits a week',
      { kind: 'weekly', day: 'monday', at: '08:00' },
      'Asia/Tokyo',
      '2025-06-02T00:00:00Z',
      ['2025-06-08T23:00:00Z', '2025-06-15T23:00:00Z'],
    ],
    [
      'cron 30 2 * * * in Berlin (croner) agrees with the daily kind',
      { kind: 'cron', expression: '30 2 * * *' },
      'Europe/Berlin',
      '2025-03-28T12:00:00Z',
      ['2025-03-29T01:30:00Z', '2025-03-30T01:00:00Z', '2025-03-31T00:30:00Z'],
    ],
    [
      'cron on weekdays at 03:00 UTC',
      { kind: 'cron', expression: '0 3 * * 1-5' },
      'UTC',
      '2025-06-06T12:00:00Z',
      ['2025-06-09T03:00:00Z', '2025-06-10T03:00:00Z'],
    ],
    [
      'once at a local time that falls in the spring-forward gap',
      { kind: 'once', at: '2025-03-30T02:30' },
      'Europe/Berlin',
      '2025-03-01T00:00:00Z',
      ['2025-03-30T01:00:00Z'],
    ],
    [
      'once at an instant with an offset ignores the zone',
      { kind: 'once', at: '2025-07-01T10:00:00+02:00' },
      'America/New_York',
      '2025-06-01T00:00:00Z',
      ['2025-07-01T08:00:00Z'],
    ],
    ['now runs once, at creation', { kind: 'now' }, 'UTC', '2025-06-01T00:00:00Z', ['2025-06-01T00:00:00Z']],
  ])('%s', (_name, spec, zone, createdAt, expected) => {
    const got = runs(spec, zone, createdAt, 3);
    // One-shot kinds run exactly once; the others go on.
    expect(spec.kind === 'now' || spec.kind === 'once' ? got : got.slice(0, expected.length)).toEqual(expected);
  });

  it('never runs now or once again after they ran', () => {
    const base = { timeZone: 'UTC', anchorAt: '2025-06-01T00:00:00Z', lastRunAt: '2025-06-01T00:00:01Z' };
    expect(nextRun({ ...base, spec: { kind: 'now' } }, 0)).toBeUndefined();
    expect(nextRun({ ...base, spec: { kind: 'once', at: '2025-06-02T00:00' } }, 0)).toBeUndefined();
    // Redefined after that run: it is owed again.
    const redefined = { ...base, anchorAt: '2025-06-03T00:00:00Z', spec: { kind: 'now' as const } };
    expect(nextRun(redefined, 0)).toBe(Date.parse('2025-06-03T00:00:00Z'));
  });

  it('owes a once run whose time passed while nothing was running', () => {
    const timing: Timing = {
      spec: { kind: 'once', at: '2025-06-02T00:00' },
      timeZone: 'UTC',
      anchorAt: '2025-06-01T00:00:00Z',
    };
    expect(nextRun(timing, Date.parse('2025-06-05T00:00:00Z'))).toBe(Date.parse('2025-06-02T00:00:00Z'));
  });
});

describe('zonedInstant', () => {
  it.each<[string, [number, number, number, number, number], string]>([
    ['Europe/Berlin', [2025, 1, 15, 12, 0], '2025-01-15T11:00:00.000Z'],
    ['Europe/Berlin', [2025, 7, 15, 12, 0], '2025-07-15T10:00:00.000Z'],
    // Chile skips midnight: on 7 September 2025 the clocks go from 00:00 to 01:00 (-04 → -03).
    ['America/Santiago', [2025, 9, 7, 0, 30], '2025-09-07T04:00:00.000Z'],
    // Lord Howe Island moves its clocks by half an hour.
    ['Australia/Lord_Howe', [2025, 10, 5, 2, 15], '2025-10-04T15:30:00.000Z'],
    ['Asia/Kolkata', [2025, 3, 30, 2, 30], '2025-03-29T21:00:00.000Z'],
  ])('%s %j', (zone, [year, month, day, hour, minute], expected) => {
    expect(new Date(zonedInstant({ year, month, day }, hour, minute, zone)).toISOString()).toBe(expected);
  });
});
