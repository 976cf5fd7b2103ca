/** The runtime scan controller of a server: its store, its cluster connection and its scan dependencies. */
import { defaultDbPath } from '../../../advisories/db/default-path.ts';
import { DiskLayerCache, defaultCacheDir } from '../../../image/layer-cache.ts';
import { connectCluster } from '../../../runtime/inventory/index.ts';
import { queueDispatcher } from '../../../runtime/jobs/dispatch.ts';
import { createScanController, type ScanController } from '../../../runtime/scan-controller.ts';
import { createScanDeps } from '../../../runtime/scan-deps.ts';
import { serverRuntimeStore } from '../../../runtime/store/server-runtime-store.ts';
import type { ServerContext } from '../context.ts';

/**
 * Builds the controller. The cluster comes from the server's environment (`KUBECONFIG`, `~/.kube/config` or the
 * in-cluster service account, `LUCENT_KUBE_CONTEXT` to pick a context); `LUCENT_RUNTIME_PULL_SECRET`
 * (`namespace/name`) is tried for every image after the pod's own secrets.
 */
export function runtimeController(context: ServerContext, env: NodeJS.ProcessEnv = process.env): ScanController {
  const store = serverRuntimeStore(context.store);
  const cache = new DiskLayerCache(env.LUCENT_CACHE_DIR || defaultCacheDir(env));
  // On PostgreSQL, image scans are jobs on the work queue, run by every `lucent worker` (and the server's own
  // workers unless --workers 0); on SQLite they run here.
  const queue = context.store.dialect === 'postgres' ? context.background?.queue : undefined;
  const dispatch = queue ? queueDispatcher(queue, store) : undefined;
  return createScanController({
    store,
    connect: () => connectCluster({ env, context: env.LUCENT_KUBE_CONTEXT || undefined }).reader,
    depsFor: (reader) =>
      createScanDeps({
        reader,
        store,
        cache,
        advisoryDb: context.config.advisoryDb ?? defaultDbPath(env),
        registry: { env },
        ...(dispatch ? { dispatch } : {}),
      }),
    ...(env.LUCENT_RUNTIME_PULL_SECRET ? { globalPullSecret: env.LUCENT_RUNTIME_PULL_SECRET } : {}),
  });
}
