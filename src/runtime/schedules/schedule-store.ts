/** Where schedules are kept: a port the server store implements, and an in-memory store for tests and the CLI. */
import type { Schedule } from './spec.ts';

/** Schedules, persisted. */
export interface ScheduleStore {
  list(): Promise<Schedule[]>;
  get(id: string): Promise<Schedule | undefined>;
  insert(schedule: Schedule): Promise<void>;
  /** Replaces a stored schedule (same id). */
  update(schedule: Schedule): Promise<void>;
  /** True when it existed. */
  remove(id: string): Promise<boolean>;
}

/** Schedules in memory (lost on exit). */
export function memoryScheduleStore(initial: Schedule[] = []): ScheduleStore {
  const schedules = new Map(initial.map((schedule) => [schedule.id, structuredClone(schedule)]));
  return {
    list: async () => [...schedules.values()].map((schedule) => structuredClone(schedule)),
    get: async (id) => {
      const found = schedules.get(id);
      return found ? structuredClone(found) : undefined;
    },
    insert: async (schedule) => {
      schedules.set(schedule.id, structuredClone(schedule));
    },
    update: async (schedule) => {
      schedules.set(schedule.id, structuredClone(schedule));
    },
    remove: async (id) => schedules.delete(id),
  };
}
