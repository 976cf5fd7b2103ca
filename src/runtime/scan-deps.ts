/**
 * What a runtime scan runs with, put together once for the CLI and the server: the cluster reader, the store, the
 * layer cache, the built-in analyzers and the advisory DB's matcher (the same scan pipeline as `lucent scan`).
 */
import { type AdvisoryDb, openAdvisoryDb } from '../advisories/db/queries.ts';
import { analyzersByName } from '../analyzers/registry.ts';
import type { OsInfo, Package } from '../core/package.ts';
import type { Image } from '../image/image.ts';
import type { LayerCache } from '../image/layer-cache.ts';
import type { RegistryOptions } from '../image/sources/registry/index.ts';
import type { Finding } from '../matcher/match.ts';
import { scanAnalysis } from '../pipeline/scan.ts';
import { versionOf } from '../server/services/rematch-advisories.ts';
import type { KubeReader } from './inventory/kube-api.ts';
import type { ImageDispatcher } from './jobs/dispatch.ts';
import type { RuntimeScanDeps } from './runtime-scan.ts';
import type { RuntimeStore } from './store/runtime-store.ts';

/** The image a stored SBOM stands for, when only its packages are matched (the matcher reads the inventory only). */
const SBOM_ONLY: Image = {
  source: { kind: 'sbom', reference: 'runtime' },
  name: 'runtime',
  config: {},
  history: [],
  layers: [],
  repoTags: [],
  warnings: [],
  close: async () => undefined,
};

/** A matcher bound to an advisory DB. */
export function matcherOf(db: AdvisoryDb): (packages: Package[], os: OsInfo | undefined) => Finding[] {
  return (packages, os) =>
    scanAnalysis(
      { image: SBOM_ONLY, inventory: { packages, unknowns: [], layers: [], ...(os ? { os } : {}) }, warnings: [] },
      db,
    );
}

/** Opens the advisory DB and assembles the scan's dependencies; `close` releases the DB. */
export async function createScanDeps(options: {
  reader: KubeReader;
  store: RuntimeStore;
  cache: LayerCache;
  advisoryDb: string;
  registry: RegistryOptions;
  dispatch?: ImageDispatcher;
}): Promise<{ deps: RuntimeScanDeps; close: () => void }> {
  const db = await openAdvisoryDb(options.advisoryDb);
  return {
    deps: {
      reader: options.reader,
      store: options.store,
      cache: options.cache,
      analyzers: analyzersByName(),
      match: matcherOf(db),
      advisoryVersion: versionOf(db),
      registry: options.registry,
      ...(options.dispatch ? { dispatch: options.dispatch } : {}),
    },
    close: () => db.close(),
  };
}

/**
 * Opens a runtime store by URL: `memory` keeps nothing; `sqlite:PATH` and `postgres://…` are the server's store, so
 * results land where `lucent server` shows them and a later scan never pulls an image twice.
 */
export async function openRuntimeStore(url: string): Promise<{ store: RuntimeStore; close: () => Promise<void> }> {
  if (url === 'memory') {
    const { memoryRuntimeStore } = await import('./store/memory-store.ts');
    return { store: memoryRuntimeStore(), close: async () => undefined };
  }
  const { openStore } = await import('../server/store/open-store.ts');
  const { serverRuntimeStore } = await import('./store/server-runtime-store.ts');
  const server = await openStore(url);
  return { store: serverRuntimeStore(server), close: () => server.close() };
}
