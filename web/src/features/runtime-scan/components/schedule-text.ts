/** Schedule timings: built from form fields, and described in plain language ("weekly on Monday at 03:00"). */
import type { ScheduleSpec } from '../api/runtime-scan.ts';

/** A weekday as the API names it. */
export type Weekday = Extract<ScheduleSpec, { kind: 'weekly' }>['day'];

/** Describes when a schedule fires, in its time zone. */
export function describeSpec(spec: ScheduleSpec, timeZone: string): string {
  const zone = timeZone && timeZone !== 'UTC' ? ` (${timeZone})` : ' (UTC)';
  switch (spec.kind) {
    case 'now':
      return 'once, right away';
    case 'once':
      return `once at ${spec.at.replace('T', ' ')}${zone}`;
    case 'hours':
      return spec.every === 1 ? 'every hour' : `every ${spec.every} hours`;
    case 'days':
      return `${spec.every === 1 ? 'every day' : `every ${spec.every} days`} at ${spec.at}${zone}`;
    case 'weekly':
      return `weekly on ${spec.day[0]?.toUpperCase()}${spec.day.slice(1)} at ${spec.at}${zone}`;
    case 'cron':
      return `cron "${spec.expression}"${zone}`;
  }
}

/** Builds the spec from the form's fields. */
export function specOf(
  kind: ScheduleSpec['kind'],
  fields: { at: string; time: string; every: number; day: Weekday; cron: string },
): ScheduleSpec {
  switch (kind) {
    case 'now':
      return { kind };
    case 'once':
      return { kind, at: fields.at };
    case 'hours':
      return { kind, every: fields.every };
    case 'days':
      return { kind, every: fields.every, at: fields.time };
    case 'weekly':
      return { kind, day: fields.day, at: fields.time };
    case 'cron':
      return { kind, expression: fields.cron.trim() };
  }
}
