/**
 * Every kind of background job, in one explicit list (STYLE rule 3): the server and `lucent worker` define and work
 * exactly these. A feature adds its kind here, with a handler built from `JobContext`.
 */
import { runtimeImageScanJob } from '../../runtime/jobs/image-job.ts';
import { rematchPlanJob, rematchResourceJob } from '../services/rematch.ts';
import type { JobContext, JobKind } from './job-kind.ts';
import { errorText, type QueueEvent, type WorkQueue } from './work-queue.ts';

/** The job kinds. */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own payload type; the list holds them all.
export const JOB_KINDS: readonly JobKind<any>[] = [rematchPlanJob, rematchResourceJob, runtimeImageScanJob];

/** Overrides for every kind (operators' flags). */
export interface KindOverrides {
  /** Longest a job may run (`--job-timeout`). */
  timeoutSeconds?: number;
}

/** Declares every kind on the queue. */
export async function defineJobKinds(queue: WorkQueue, overrides: KindOverrides = {}): Promise<void> {
  for (const kind of JOB_KINDS) {
    await queue.define(kind.kind, {
      ...kind.defaults,
      ...(overrides.timeoutSeconds ? { timeoutSeconds: overrides.timeoutSeconds } : {}),
    });
  }
}

/** Starts working every kind: `concurrency` jobs of a kind at once, or fewer when the kind says so. */
export async function startWorkers(queue: WorkQueue, context: JobContext, concurrency: number): Promise<void> {
  for (const kind of JOB_KINDS) {
    const handler = kind.handler(context);
    await queue.work(
      kind.kind,
      async (payload, job) => {
        const parsed = kind.payload.safeParse(payload);
        if (!parsed.success) throw new Error(`invalid ${kind.kind} payload: ${errorText(parsed.error)}`);
        await handler(parsed.data, job);
      },
      { concurrency: Math.min(concurrency, kind.maxConcurrency ?? concurrency) },
    );
  }
}

/** Writes queue events as log lines: one when a job starts and one when it ends, with its kind and id. */
export function logQueueEvent(log: JobContext['log']) {
  return (event: QueueEvent): void => {
    switch (event.type) {
      case 'started':
        log.info({ kind: event.kind, jobId: event.id, attempt: event.attempt }, 'job started');
        return;
      case 'completed':
        log.info({ kind: event.kind, jobId: event.id, ms: event.ms }, 'job completed');
        return;
      case 'failed':
        log.warn({ kind: event.kind, jobId: event.id, error: event.error, willRetry: event.willRetry }, 'job failed');
        return;
      case 'released':
        log.info({ kind: event.kind, jobId: event.id }, 'job released');
        return;
      case 'reclaimed':
        log.warn({ kind: event.kind, jobId: event.id, worker: event.worker }, 'job taken over from a stopped worker');
        return;
      case 'error':
        log.error({ error: event.error }, 'work queue error');
        return;
    }
  };
}
