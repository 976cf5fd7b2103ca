/**
 * Time for the scheduler, injectable: the system clock in production, a manual clock in tests (time moves only when
 * the test says so, and sleepers wake when it passes their deadline), so schedule tests never wait for real.
 */

/** Reads the time and sleeps. */
export interface Clock {
  now(): number;
  /** Resolves at `until` (ms since the epoch), or early when `signal` aborts. */
  sleepUntil(until: number, signal: AbortSignal): Promise<void>;
}

/** The longest single timer: Node clamps larger delays to 1 ms, so long sleeps are taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleepUntil(until, signal) {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, Math.min(MAX_TIMER_MS, Math.max(0, until - Date.now())));
      function done() {
        signal.removeEventListener('abort', done);
        clearTimeout(timer);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  },
};

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves time forward and wakes every sleeper whose deadline has passed. */
  advance(ms: number): void;
  set(instant: number): void;
  /** How many sleepers are waiting. */
  sleepers(): number;
}

/** Creates a manual clock starting at `start`. */
export function manualClock(start: number): ManualClock {
  let now = start;
  const waiting = new Set<{ until: number; wake: () => void }>();
  const wakeDue = () => {
    for (const sleeper of [...waiting]) if (sleeper.until <= now) sleeper.wake();
  };
  return {
    now: () => now,
    sleepUntil(until, signal) {
      return new Promise((resolve) => {
        const sleeper = {
          until,
          wake: () => {
            waiting.delete(sleeper);
            signal.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        if (signal.aborted || until <= now) return resolve();
        waiting.add(sleeper);
        signal.addEventListener('abort', sleeper.wake, { once: true });
      });
    },
    advance(ms) {
      now += ms;
      wakeDue();
    },
    set(instant) {
      now = instant;
      wakeDue();
    },
    sleepers: () => waiting.size,
  };
}
