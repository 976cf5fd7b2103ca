/**
 * The `runtime-image-scan` job kind: one image of a runtime scan, run by any process that works the queue (a `lucent
 * worker`, or the server itself). On PostgreSQL the server enqueues one job per unique digest (dispatch.ts) and
 * follows the run's per-image progress in the store; the worker writes that progress, stores the image, and marks it
 * done or failed with the reason.
 *
 * The payload names the pull secrets (`namespace/name`) but never holds credentials: the worker reads the secrets
 * from the cluster itself, with its own service account (`get secrets`, deploy/base/rbac.yaml), when it runs the job.
 * A job runs again when its worker died (the queue's lease); it is idempotent: an image already done or failed in the
 * run is left alone, and an image stored meanwhile with the current advisory data is only marked done.
 */
import { z } from 'zod';
import { analyzersByName } from '../../analyzers/registry.ts';
import { describeError } from '../../core/errors.ts';
import { DiskLayerCache, defaultCacheDir } from '../../image/layer-cache.ts';
import type { JobContext, JobKind } from '../../server/queue/job-kind.ts';
import { versionOf } from '../../server/services/rematch-advisories.ts';
import { connectCluster } from '../inventory/index.ts';
import type { KubeReader } from '../inventory/kube-api.ts';
import { type PullSecret, parsePullSecret } from '../inventory/pull-secrets.ts';
import type { PlannedImage } from '../plan.ts';
import { matcherOf } from '../scan-deps.ts';
import type { ImageProgress, ImageState } from '../store/runtime-store.ts';
import { serverRuntimeStore } from '../store/server-runtime-store.ts';
import { formatDuration } from './run-pool.ts';
import { scanPlannedImage } from './scan-image.ts';

/** The job kind's queue name. */
export const RUNTIME_IMAGE_SCAN = 'runtime-image-scan';

const payloadSchema = z.object({
  runId: z.uuid(),
  digest: z.string().regex(/^sha(256|512):[0-9a-f]{64,128}$/),
  /** References that pull exactly this digest, tried in order. */
  references: z.array(z.string().min(1)).min(1),
  /** The image as pods name it (the resource's name; CIS latest-tag check). */
  names: z.array(z.string()),
  /** Pull secrets by `namespace/name`, in the order kubelet would try them. */
  pullSecrets: z.array(z.string().regex(/^[^/]+\/[^/]+$/)),
  action: z.enum(['pull', 'rematch']),
  cis: z.boolean(),
  /** The per-image time limit. */
  timeoutMs: z.number().int().positive(),
});

/** What a job carries. */
export type ImageJobPayload = z.infer<typeof payloadSchema>;

/** How often a running job checks that its run was not stopped. */
const RUN_CHECK_MS = 2000;

/** The job kind (listed in src/server/queue/job-kinds.ts). */
export const runtimeImageScanJob: JobKind<ImageJobPayload> = {
  kind: RUNTIME_IMAGE_SCAN,
  payload: payloadSchema,
  // The image's own time limit is the payload's; the kind's is a backstop. Failures of the image itself (not found,
  // refused, timed out) are recorded and end the job; only a lost worker or a store error makes it run again.
  defaults: { retryLimit: 3, retryDelaySeconds: 5, timeoutSeconds: 6 * 3600 },
  handler: (context) => imageJobHandler(context, process.env),
};

/** Builds the handler: the layer cache, the store and the cluster connection live as long as the process. */
export function imageJobHandler(context: JobContext, env: NodeJS.ProcessEnv) {
  const store = serverRuntimeStore(context.store);
  const cache = new DiskLayerCache(env.LUCENT_CACHE_DIR || defaultCacheDir(env));
  const analyzers = analyzersByName();
  let reader: KubeReader | undefined;
  const cluster = () => {
    reader ??= connectCluster({ env, context: env.LUCENT_KUBE_CONTEXT || undefined }).reader;
    return reader;
  };
  return async (payload: ImageJobPayload, job: { signal: AbortSignal; id: string }): Promise<void> => {
    const run = await store.getRun(payload.runId);
    const progress = (await store.imageProgress(payload.runId, payload.digest)) ?? fresh(payload);
    if (!run || progress.state === 'done' || progress.state === 'failed') return;
    const now = () => context.now();
    const report = async (state: ImageState, reason?: string) => {
      progress.state = state;
      if (state === 'pulling' || state === 'matching') progress.startedAt ??= now().toISOString();
      if (state === 'done' || state === 'failed') progress.finishedAt = now().toISOString();
      if (reason) progress.reason = reason;
      await store.saveImageProgress(payload.runId, progress);
    };
    if (run.status !== 'IN_PROGRESS') return report('failed', 'stopped before it was scanned');

    const stopped = new AbortController();
    const timeout = AbortSignal.timeout(payload.timeoutMs);
    const signal = AbortSignal.any([job.signal, stopped.signal, timeout]);
    const watch = setInterval(() => {
      void store.getRun(payload.runId).then(
        (current) => current?.status !== 'IN_PROGRESS' && stopped.abort(new Error('stopped')),
        () => undefined,
      );
    }, RUN_CHECK_MS);
    const db = await context.advisories.open();
    try {
      const advisoryVersion = versionOf(db);
      const stored = await store.storedDigests([payload.digest]);
      if (stored.has(payload.digest) && stored.get(payload.digest) === advisoryVersion) return await report('done');
      const secrets = await readPullSecrets(payload.pullSecrets, cluster, context.log);
      const record = await scanPlannedImage(
        planned(payload, stored.has(payload.digest) ? 'rematch' : 'pull'),
        {
          store,
          cache,
          analyzers,
          match: matcherOf(db),
          registry: { env },
          secrets,
          cis: payload.cis,
          advisoryVersion,
          runId: payload.runId,
          now,
        },
        signal,
        (state) => report(state),
      );
      signal.throwIfAborted();
      await store.saveImage(record);
      await report('done');
    } catch (error) {
      // The queue took the job back (stop, lease lost): another run of it finishes the image.
      if (job.signal.aborted) throw error;
      const reason = timeout.aborted
        ? `timed out after ${formatDuration(payload.timeoutMs)}`
        : stopped.signal.aborted
          ? 'stopped'
          : describeError(error).split('\n')[0];
      await report('failed', reason);
    } finally {
      clearInterval(watch);
      db.close();
    }
  };
}

/** The job's image as the scan steps take it. */
function planned(payload: ImageJobPayload, action: 'pull' | 'rematch'): PlannedImage {
  return {
    digest: payload.digest,
    references: payload.references,
    names: payload.names,
    action,
    pullSecrets: payload.pullSecrets,
    usages: [],
    namespaces: [],
  };
}

function fresh(payload: ImageJobPayload): ImageProgress {
  return {
    digest: payload.digest,
    name: payload.names[0] ?? payload.references[0] ?? payload.digest,
    action: payload.action,
    state: 'queued',
    pods: [],
  };
}

/**
 * Reads the named pull secrets from the cluster. A secret that is gone, unreadable or not a pull secret is skipped
 * with a warning, as the inventory does: the image may still be public.
 */
export async function readPullSecrets(
  keys: readonly string[],
  cluster: () => KubeReader,
  log: JobContext['log'],
): Promise<Map<string, PullSecret>> {
  const secrets = new Map<string, PullSecret>();
  for (const key of keys) {
    const [namespace = '', name = ''] = key.split('/');
    try {
      const secret = await cluster().getSecret(namespace, name);
      const parsed = secret ? parsePullSecret(secret) : { key, problem: `the pull secret ${key} does not exist` };
      if ('problem' in parsed) log.warn({ secret: key }, parsed.problem);
      else secrets.set(key, parsed);
    } catch (error) {
      log.warn({ secret: key }, `cannot read the pull secret ${key}: ${describeError(error).split('\n')[0]}`);
    }
  }
  return secrets;
}

/** The payload of one planned image. */
export function imageJobPayload(
  runId: string,
  image: PlannedImage,
  options: { cis: boolean; timeoutMs: number },
): ImageJobPayload {
  return {
    runId,
    digest: image.digest,
    references: image.references,
    names: image.names,
    pullSecrets: image.pullSecrets,
    action: image.action === 'rematch' ? 'rematch' : 'pull',
    cis: options.cis,
    timeoutMs: options.timeoutMs,
  };
}
