/**
 * Schedules of runtime scans: the kinds (now; once at a time; every N hours; every N days at hh:mm; weekly on a day
 * at hh:mm; a cron expression), each with a time zone and the namespaces to scan. Validated with zod where they come
 * in (the API, the store). KubeClarity allowed one schedule, in UTC, that could be neither disabled nor deleted.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { isValidTimeZone } from './zoned-time.ts';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, 00:00 to 23:59');

/** Weekday names, in JavaScript's order (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A local date-time (`2025-03-30T02:30`) or an instant with an offset (`2025-03-30T00:30:00Z`). */
const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/,
    'give YYYY-MM-DDTHH:MM (in the time zone) or an ISO 8601 instant',
  );

/** When a schedule fires. */
export const scheduleSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('once'), at: dateTime }),
  z.object({ kind: z.literal('hours'), every: z.number().int().min(1).max(8760) }),
  z.object({ kind: z.literal('days'), every: z.number().int().min(1).max(366), at: timeOfDay }),
  z.object({ kind: z.literal('weekly'), day: z.enum(WEEKDAYS), at: timeOfDay }),
  z.object({
    kind: z.literal('cron'),
    expression: z
      .string()
      .min(1)
      .refine(isValidCron, 'not a valid cron expression (5 or 6 fields, e.g. "0 3 * * 1-5")'),
  }),
]);

/** When a schedule fires. */
export type ScheduleSpec = z.infer<typeof scheduleSpecSchema>;

/** What a user gives to create or replace a schedule. */
export const scheduleInputSchema = z.object({
  name: z.string().min(1).max(200),
  spec: scheduleSpecSchema,
  timeZone: z.string().refine(isValidTimeZone, 'not a known IANA time zone (e.g. Europe/Berlin, UTC)').default('UTC'),
  /** Namespaces to scan; empty means all. */
  namespaces: z.array(z.string().min(1)).default([]),
  excludeNamespaces: z.array(z.string().min(1)).default([]),
  enabled: z.boolean().default(true),
  /** Run the CIS Docker benchmark checks too. */
  cis: z.boolean().default(false),
});

/** A schedule as given. */
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/** A stored schedule: the input, its identity, the anchor of its intervals and its run times. */
export interface Schedule extends ScheduleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** ISO instant when the timing (spec or zone) was last set: intervals count from here, one-shots run once after. */
  anchorAt: string;
  lastRunAt?: string | undefined;
  /** Undefined when it will not fire again (a `now` or `once` that ran) or is disabled. */
  nextRunAt?: string | undefined;
  lastRunStatus?: 'started' | 'done' | 'failed' | undefined;
}

function isValidCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true });
    return true;
  } catch {
    return false;
  }
}
