/**
 * The scheduler loop: sleeps until the earliest next run, fires due schedules one at a time (runs never overlap,
 * with each other or with a scan started by hand), and plans each schedule's next run from the time it fired, so
 * runs missed while the server was down collapse into one run at start-up. A schedule that comes due while a scan
 * is running waits for it to end, then runs once. Times are read from an injected clock.
 */
import type { Clock } from './clock.ts';
import { plannedRun } from './schedule-service.ts';
import type { ScheduleStore } from './schedule-store.ts';
import type { Schedule } from './spec.ts';

/** What the scheduler drives. */
export interface SchedulerOptions {
  store: ScheduleStore;
  clock: Clock;
  /** Runs the scan of a schedule and resolves when it has finished. */
  run: (schedule: Schedule) => Promise<'done' | 'failed'>;
  /** True while some scan is running (one started by hand, say); due schedules then wait. */
  busy?: () => boolean;
  /** How long to sleep at most before looking again (also the retry delay while busy). Default 60 s. */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

/** A running scheduler. */
export interface Scheduler {
  /** Fires the schedules that are due now, one after the other; returns their ids in firing order. */
  tick(): Promise<string[]>;
  /** Re-plans the sleep (after a schedule was created, edited or deleted). */
  wake(): void;
  /** Stops the loop after the run in progress, if any. */
  stop(): Promise<void>;
}

/** Starts the loop: first it plans schedules that have no next run yet, then it ticks and sleeps. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock } = options;
  const pollMs = options.pollMs ?? 60_000;
  const stopping = new AbortController();
  let wakeUp = new AbortController();
  let ticking: Promise<string[]> | undefined;

  async function fireDue(): Promise<string[]> {
    const fired: string[] = [];
    for (;;) {
      if (stopping.signal.aborted || options.busy?.()) return fired;
      const now = clock.now();
      const due = (await store.list())
        .filter((s) => s.enabled && s.nextRunAt !== undefined && Date.parse(s.nextRunAt) <= now)
        .sort(
          (a, b) =>
            (a.nextRunAt ?? '').localeCompare(b.nextRunAt ?? '') ||
            a.createdAt.localeCompare(b.createdAt) ||
            a.name.localeCompare(b.name) ||
            a.id.localeCompare(b.id),
        );
      const schedule = due[0];
      if (!schedule) return fired;
      const firedAt = new Date(now).toISOString();
      const started: Schedule = { ...schedule, lastRunAt: firedAt, lastRunStatus: 'started' };
      started.nextRunAt = plannedRun(started, now);
      await store.update(started);
      fired.push(schedule.id);
      let status: 'done' | 'failed';
      try {
        status = await options.run(started);
      } catch (error) {
        options.onError?.(error);
        status = 'failed';
      }
      // The schedule may have been edited or deleted during the run: record the outcome on what is stored now.
      const current = await store.get(schedule.id);
      if (current && current.lastRunAt === firedAt) await store.update({ ...current, lastRunStatus: status });
    }
  }

  function tick(): Promise<string[]> {
    ticking ??= fireDue().finally(() => {
      ticking = undefined;
    });
    return ticking;
  }

  async function plan(): Promise<void> {
    const now = clock.now();
    for (const schedule of await store.list()) {
      const next = plannedRun(schedule, now);
      // A stored next run in the past is kept: it was missed while we were down, and runs once now.
      if (schedule.enabled && schedule.nextRunAt === undefined && next !== undefined) {
        await store.update({ ...schedule, nextRunAt: next });
      }
    }
  }

  async function loop(): Promise<void> {
    await plan();
    while (!stopping.signal.aborted) {
      try {
        await tick();
      } catch (error) {
        options.onError?.(error);
      }
      if (stopping.signal.aborted) break;
      const upcoming = (await store.list().catch(() => []))
        .filter((s) => s.enabled && s.nextRunAt !== undefined)
        .map((s) => Date.parse(s.nextRunAt as string));
      const now = clock.now();
      const until = Math.min(
        now + pollMs,
        ...upcoming.map((at) => Math.max(at, now + (options.busy?.() ? pollMs : 0))),
      );
      wakeUp = new AbortController();
      await clock.sleepUntil(until, AbortSignal.any([stopping.signal, wakeUp.signal]));
    }
  }

  const running = loop().catch((error: unknown) => options.onError?.(error));
  return {
    tick,
    wake: () => wakeUp.abort(),
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
