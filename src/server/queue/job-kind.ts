/** What a kind of job declares (job-kinds.ts lists them) and what its handler is given. */
import type { z } from 'zod';
import type { AdvisorySource } from '../services/rematch-advisories.ts';
import type { Store } from '../store/open-store.ts';
import type { JobHandler, JobKindDefaults, WorkQueue } from './work-queue.ts';

/** The log lines a job may write (pino's signature, so a pino logger fits). */
export interface JobLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** What every handler is given, in the server's process or a `lucent worker`'s. */
export interface JobContext {
  store: Store;
  /** For jobs that enqueue more jobs (a fan-out). */
  queue: WorkQueue;
  /** The advisory database of this process (`--advisory-db`, else the CLI's default). */
  advisories: AdvisorySource;
  log: JobLogger;
  now: () => Date;
}

/** A kind of job: its name, payload schema, defaults and handler. */
export interface JobKind<P> {
  /** Queue name: letters, digits and hyphens (pg-boss names a table after it). */
  kind: string;
  /** Validates a payload taken from the queue (it may have been written by another version). */
  payload: z.ZodType<P>;
  defaults: JobKindDefaults;
  /** At most this many run at once in one process, whatever `--concurrency` says. */
  maxConcurrency?: number;
  /** Builds the handler (once per process). */
  handler(context: JobContext): JobHandler<P>;
}
