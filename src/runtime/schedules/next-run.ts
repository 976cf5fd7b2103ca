/**
 * When a schedule fires next, pure: given the schedule and an instant, the first run strictly after it (or the run
 * still owed, for `now` and `once` that never ran). Every-N-hours counts elapsed time from the anchor (the creation
 * time), so DST never stretches it; every-N-days and weekly keep the wall-clock time in the schedule's zone; cron
 * expressions are evaluated by croner in that zone.
 */
import { Cron } from 'croner';
import type { Schedule, ScheduleSpec } from './spec.ts';
import { WEEKDAYS } from './spec.ts';
import { addDays, daysBetween, type LocalDate, localDate, weekdayOf, zonedInstant } from './zoned-time.ts';

/** What next-run needs of a schedule. */
export type Timing = Pick<Schedule, 'spec' | 'timeZone' | 'anchorAt' | 'lastRunAt'>;

const HOUR = 3_600_000;

/** The next run after `after` (ms since the epoch), or undefined when the schedule will not run again. */
export function nextRun(timing: Timing, after: number): number | undefined {
  const anchor = Date.parse(timing.anchorAt);
  const { spec, timeZone } = timing;
  // A one-shot that ran since it was (re)defined is done.
  const ran = timing.lastRunAt !== undefined && Date.parse(timing.lastRunAt) >= anchor;
  switch (spec.kind) {
    case 'now':
      return ran ? undefined : anchor;
    case 'once':
      return ran ? undefined : onceInstant(spec.at, timeZone);
    case 'hours': {
      const period = spec.every * HOUR;
      const periods = Math.max(0, Math.floor((after - anchor) / period) + 1);
      return anchor + periods * period;
    }
    case 'days':
      return nextDaily(spec, timeZone, anchor, after);
    case 'weekly':
      return nextWeekly(spec, timeZone, anchor, after);
    case 'cron': {
      const cron = new Cron(spec.expression, { timezone: timeZone, paused: true });
      const next = cron.nextRun(new Date(Math.max(after, anchor - 1000)));
      return next ? next.getTime() : undefined;
    }
  }
}

/** The instant of a `once` schedule: an ISO instant as is, a local date-time in the zone. */
export function onceInstant(at: string, timeZone: string): number {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(at)) return Date.parse(at);
  const [date = '', time = ''] = at.split('T');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return zonedInstant({ year, month, day }, hour, minute, timeZone);
}

function clock(at: string): [number, number] {
  const [hour = 0, minute = 0] = at.split(':').map(Number);
  return [hour, minute];
}

/** Every N days at hh:mm, counted from the anchor's local date; only runs at or after the anchor count. */
function nextDaily(
  spec: Extract<ScheduleSpec, { kind: 'days' }>,
  timeZone: string,
  anchor: number,
  after: number,
): number {
  const [hour, minute] = clock(spec.at);
  const first = localDate(anchor, timeZone);
  const from = localDate(Math.max(after, anchor), timeZone);
  // Start one period before the date of `after`, so a run later today (or a DST-shifted one) is not skipped.
  let k = Math.max(0, Math.floor(daysBetween(first, from) / spec.every) - 1);
  for (; ; k++) {
    const instant = zonedInstant(addDays(first, k * spec.every), hour, minute, timeZone);
    if (instant > after && instant >= anchor) return instant;
  }
}

/** Weekly on a weekday at hh:mm in the zone; only runs at or after the anchor count. */
function nextWeekly(
  spec: Extract<ScheduleSpec, { kind: 'weekly' }>,
  timeZone: string,
  anchor: number,
  after: number,
): number {
  const [hour, minute] = clock(spec.at);
  const weekday = WEEKDAYS.indexOf(spec.day);
  let date: LocalDate = addDays(localDate(Math.max(after, anchor), timeZone), -1);
  for (;;) {
    if (weekdayOf(date) === weekday) {
      const instant = zonedInstant(date, hour, minute, timeZone);
      if (instant > after && instant >= anchor) return instant;
    }
    date = addDays(date, 1);
  }
}
