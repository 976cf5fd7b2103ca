/** The trend chart's time window: last hour/day/week/month or a custom range, and how to label its x axis. */

/** Preset windows and the custom range. */
export const TREND_RANGES = ['hour', 'day', 'week', 'month', 'custom'] as const;

/** One of the trend ranges. */
export type TrendRange = (typeof TREND_RANGES)[number];

const SPAN_MS: Record<Exclude<TrendRange, 'custom'>, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};

/** Human label of a range. */
export function rangeLabel(range: TrendRange): string {
  return range === 'custom' ? 'Custom' : `Last ${range}`;
}

/** Whether a string names a range. */
export function isTrendRange(value: string | null): value is TrendRange {
  return value !== null && (TREND_RANGES as readonly string[]).includes(value);
}

/**
 * The window as ISO times. `now` is rounded up to the next minute, so re-renders ask for the same window (and hit the
 * query cache) and findings first seen moments ago are inside it; a custom range uses `from`/`to` (datetime-local
 * values, local time).
 */
export function trendWindow(
  range: TrendRange,
  now: number,
  custom: { from?: string | null; to?: string | null } = {},
): { startTime: string; endTime: string } | null {
  if (range === 'custom') {
    const from = custom.from ? new Date(custom.from) : null;
    const to = custom.to ? new Date(custom.to) : null;
    if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) return null;
    return { startTime: from.toISOString(), endTime: to.toISOString() };
  }
  const end = Math.ceil(now / 60_000) * 60_000;
  return { startTime: new Date(end - SPAN_MS[range]).toISOString(), endTime: new Date(end).toISOString() };
}

/** Formats an axis time for a window of `spanMs`: clock time within two days, day and month beyond. */
export function axisFormatter(spanMs: number): (time: number) => string {
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return spanMs <= 2 * 86_400_000 ? (time) => clock.format(time) : (time) => day.format(time);
}

/** A `datetime-local` input value (local time, minutes) for a timestamp. */
export function toLocalInput(time: number): string {
  const date = new Date(time - new Date(time).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}
