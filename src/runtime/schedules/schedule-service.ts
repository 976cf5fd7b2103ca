/**
 * Schedule CRUD: input validated with zod, the next run computed on every change, the scheduler told to look again.
 * Editing the timing (kind, times, zone) re-anchors it: intervals count from the edit and a one-shot may run again;
 * renaming, changing namespaces or toggling `enabled` keeps the anchor.
 */
import { randomUUID } from 'node:crypto';
import { LucentError } from '../../core/errors.ts';
import type { Clock } from './clock.ts';
import { nextRun } from './next-run.ts';
import type { ScheduleStore } from './schedule-store.ts';
import { type Schedule, type ScheduleInput, scheduleInputSchema } from './spec.ts';

/** Creates, edits, lists and deletes schedules. */
export interface ScheduleService {
  list(): Promise<Schedule[]>;
  get(id: string): Promise<Schedule | undefined>;
  /** Validates `input` (throws E_USAGE with every problem) and stores a new schedule. */
  create(input: unknown): Promise<Schedule>;
  /** Replaces a schedule's settings; undefined when there is none with this id. */
  replace(id: string, input: unknown): Promise<Schedule | undefined>;
  /** Changes some settings (e.g. `{enabled: false}`); undefined when there is none with this id. */
  patch(id: string, changes: Record<string, unknown>): Promise<Schedule | undefined>;
  remove(id: string): Promise<boolean>;
}

/** The service over a store; `changed` is called after every write (the scheduler re-plans its sleep). */
export function createScheduleService(
  store: ScheduleStore,
  clock: Clock,
  changed: () => void = () => {},
): ScheduleService {
  async function save(previous: Schedule | undefined, input: ScheduleInput): Promise<Schedule> {
    const now = new Date(clock.now()).toISOString();
    const retimed =
      !previous || JSON.stringify(previous.spec) !== JSON.stringify(input.spec) || previous.timeZone !== input.timeZone;
    const schedule: Schedule = {
      ...input,
      id: previous?.id ?? randomUUID(),
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      anchorAt: retimed ? now : (previous?.anchorAt ?? now),
      ...(previous?.lastRunAt ? { lastRunAt: previous.lastRunAt } : {}),
      ...(previous?.lastRunStatus ? { lastRunStatus: previous.lastRunStatus } : {}),
    };
    // New timing starts now (an every-N-hours schedule runs at once); otherwise the next run after now.
    schedule.nextRunAt = plannedRun(schedule, retimed ? clock.now() - 1 : clock.now());
    if (previous) await store.update(schedule);
    else await store.insert(schedule);
    changed();
    return schedule;
  }

  return {
    list: async () =>
      (await store.list()).sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
      ),
    get: (id) => store.get(id),
    create: async (input) => save(undefined, parseInput(input)),
    async replace(id, input) {
      const previous = await store.get(id);
      return previous ? save(previous, parseInput(input)) : undefined;
    },
    async patch(id, changes) {
      const previous = await store.get(id);
      if (!previous) return undefined;
      const { name, spec, timeZone, namespaces, excludeNamespaces, enabled, cis } = previous;
      const current = { name, spec, timeZone, namespaces, excludeNamespaces, enabled, cis };
      return save(previous, parseInput({ ...current, ...changes }));
    },
    async remove(id) {
      const removed = await store.remove(id);
      if (removed) changed();
      return removed;
    },
  };
}

/** The first run of an enabled schedule after `after` (a missed one-shot is still owed), as an ISO instant. */
export function plannedRun(schedule: Schedule, after: number): string | undefined {
  if (!schedule.enabled) return undefined;
  const next = nextRun(schedule, Math.max(after, Date.parse(schedule.anchorAt) - 1));
  return next === undefined ? undefined : new Date(next).toISOString();
}

function parseInput(input: unknown): ScheduleInput {
  const parsed = scheduleInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(schedule)'}: ${issue.message}`);
  throw new LucentError('E_USAGE', `invalid schedule: ${problems.join('; ')}`, {
    hint: 'see docs/runtime.md#schedules for the schedule kinds and their fields',
  });
}
