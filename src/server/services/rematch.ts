/**
 * Re-matching (docs/queue.md): when the advisory database changes, every stored SBOM is matched again without
 * reading any image. Two job kinds:
 * - `rematch-plan` (one at a time): compares the database's version with the one last planned; when it moved (or
 *   when forced) it records a run, one item per resource with a stored SBOM, and fans out one job per resource;
 * - `rematch-resource`: decodes the resource's SBOM, matches it (rematch-report.ts) and ingests the findings through
 *   the ingestion service, which keeps each finding's first-seen time, so a new finding shows up in the trends with
 *   the time it was first seen.
 * Both are idempotent: ids derive from the plan job's id and the resource, and a finished item is not redone.
 */
import { z } from 'zod';
import type { JobContext, JobKind } from '../queue/job-kind.ts';
import { withQueueTables } from '../queue/tables.ts';
import { errorText } from '../queue/work-queue.ts';
import { uuidV5 } from '../store/ids.ts';
import { ingestVulnerabilityScan } from './ingest.ts';
import { loadStoredFindings, loadStoredResource, rematchReport } from './rematch-report.ts';
import {
  addItems,
  appliedVersion,
  createRun,
  finishItem,
  type ItemOutcome,
  itemStatus,
  setAppliedVersion,
  startRun,
} from './rematch-runs.ts';

/** The planning job's kind. */
export const REMATCH_PLAN = 'rematch-plan';
/** The per-resource job's kind. */
export const REMATCH_RESOURCE = 'rematch-resource';
/** The planning job's singleton key: one waits at most, and it never runs twice at once. */
export const REMATCH_PLAN_KEY = 'advisory-database';

/** Why a re-match was asked for. */
export const REMATCH_TRIGGERS = ['update', 'api', 'startup', 'file-change'] as const;

const planPayload = z.object({
  trigger: z.enum(REMATCH_TRIGGERS),
  /** Re-match even when the database's version is the one last planned. */
  force: z.boolean().default(false),
});

const resourcePayload = z.object({ runId: z.uuid(), resourceId: z.uuid() });

/** A planning job's payload. */
export type RematchPlanPayload = z.input<typeof planPayload>;

/** Plans a run when the advisory database changed. */
export const rematchPlanJob: JobKind<z.infer<typeof planPayload>> = {
  kind: REMATCH_PLAN,
  payload: planPayload,
  defaults: { retryLimit: 5, retryDelaySeconds: 10, timeoutSeconds: 900, singleton: true },
  maxConcurrency: 1,
  handler: (context) => async (payload, job) => {
    await planRematch(context, payload, job.id);
  },
};

/** Re-matches one resource of a run. */
export const rematchResourceJob: JobKind<z.infer<typeof resourcePayload>> = {
  kind: REMATCH_RESOURCE,
  payload: resourcePayload,
  defaults: { retryLimit: 3, retryDelaySeconds: 30, timeoutSeconds: 600 },
  handler: (context) => async (payload, job) => {
    const { db } = context.store;
    const { runId, resourceId } = payload;
    if ((await itemStatus(db, runId, resourceId)) !== 'pending') return;
    let outcome: ItemOutcome;
    try {
      outcome = await rematchResource(context, { runId, resourceId, signal: job.signal });
    } catch (error) {
      if (job.attempt > job.retryLimit) {
        const at = context.now().toISOString();
        await finishItem(db, { runId, resourceId, at }, { status: 'failed', error: errorText(error) });
      }
      throw error;
    }
    await finishItem(db, { runId, resourceId, at: context.now().toISOString() }, outcome);
    context.log.info({ runId, resourceId, ...outcome }, 'resource re-matched');
  },
};

/**
 * Plans a re-match run: resolves with its id, or undefined when there is nothing to do (no database, or a version
 * already planned). Pending items of older runs are skipped: this run covers their resources with newer data.
 */
export async function planRematch(
  context: JobContext,
  payload: z.infer<typeof planPayload>,
  jobId: string,
): Promise<string | undefined> {
  const { db } = context.store;
  const version = await context.advisories.version();
  if (!version) {
    context.log.warn({ path: context.advisories.path }, 'no advisory database to re-match against');
    return undefined;
  }
  if (!payload.force && (await appliedVersion(db)) === version) return undefined;
  const at = context.now().toISOString();
  const runId = uuidV5(`rematch-run:${jobId}`);
  await createRun(db, { id: runId, trigger: payload.trigger, databaseVersion: version, at });
  await supersedeOlderRuns(context, runId, at);
  const rows = await db.selectFrom('resource_sboms').select('resource_id').orderBy('resource_id').execute();
  const resourceIds = rows.map((row) => row.resource_id);
  await addItems(db, runId, resourceIds);
  await context.queue.enqueueMany(
    REMATCH_RESOURCE,
    resourceIds.map((resourceId) => ({ id: uuidV5(`rematch:${runId}:${resourceId}`), payload: { runId, resourceId } })),
  );
  await startRun(db, runId, resourceIds.length, at);
  await setAppliedVersion(db, version, at);
  context.log.info({ runId, version, resources: resourceIds.length, trigger: payload.trigger }, 're-match planned');
  return runId;
}

/** Matches one resource's stored SBOM again and stores the findings. */
export async function rematchResource(
  context: JobContext,
  item: { runId: string; resourceId: string; signal?: AbortSignal },
): Promise<ItemOutcome> {
  const { db } = context.store;
  const stored = await loadStoredResource(db, item.resourceId);
  if (!stored) return { status: 'skipped', error: 'the resource or its SBOM was deleted' };
  const previous = await loadStoredFindings(db, item.resourceId);
  const advisoryDb = await context.advisories.open();
  let report: ReturnType<typeof rematchReport>;
  try {
    report = rematchReport(stored, previous, advisoryDb, context.now());
  } finally {
    advisoryDb.close();
  }
  // Matching is synchronous work; a stop or time limit that came meanwhile is honoured before writing.
  item.signal?.throwIfAborted();
  const result = await ingestVulnerabilityScan(
    context.store,
    { actor: `rematch:${item.runId}`, now: context.now },
    report,
  );
  return {
    status: 'done',
    findings: result.findings,
    added: result.findings - (previous.length - result.removedFindings),
    removed: result.removedFindings,
  };
}

async function supersedeOlderRuns(context: JobContext, runId: string, at: string): Promise<void> {
  const qdb = withQueueTables(context.store.db);
  await qdb
    .updateTable('rematch_items')
    .set({ status: 'skipped', error: `superseded by run ${runId}`, finished_at: at })
    .where('run_id', '<>', runId)
    .where('status', '=', 'pending')
    .execute();
  await qdb
    .updateTable('rematch_runs')
    .set({ status: 'done', finished_at: at })
    .where('id', '<>', runId)
    .where('status', '<>', 'done')
    .execute();
}
