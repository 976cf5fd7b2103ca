/**
 * One image of a runtime scan, as named steps: a stored SBOM is only matched again; otherwise the image is pulled
 * with the pods' credentials, analyzed (layers streamed once, through the layer cache), matched, and checked against
 * the CIS image checks when asked. Each step is reported, so progress shows where every image is.
 */
import type { Analyzer } from '../../analyzers/analyzer.ts';
import type { OsInfo, Package } from '../../core/package.ts';
import type { Image } from '../../image/image.ts';
import type { LayerCache } from '../../image/layer-cache.ts';
import type { RegistryOptions } from '../../image/sources/registry/index.ts';
import type { Finding } from '../../matcher/match.ts';
import { analyzeImage } from '../../pipeline/analyze.ts';
import type { CisResult } from '../cis/check.ts';
import { checkImage } from '../cis/run-checks.ts';
import type { PullSecret } from '../inventory/pull-secrets.ts';
import type { PlannedImage } from '../plan.ts';
import type { ImageScanRecord, ImageState, RuntimeStore } from '../store/runtime-store.ts';
import { openWithCredentials } from './open-with-credentials.ts';
import { untilAborted } from './run-pool.ts';

/** What scanning an image needs. */
export interface ImageScanContext {
  store: RuntimeStore;
  cache: LayerCache;
  analyzers: readonly Analyzer[];
  /** Matches packages against the advisory DB (the scan pipeline). */
  match: (packages: Package[], os: OsInfo | undefined) => Finding[];
  registry: RegistryOptions;
  secrets: ReadonlyMap<string, PullSecret>;
  cis: boolean;
  /** The advisory database's version, recorded with the findings. */
  advisoryVersion: string;
  runId: string;
  now: () => Date;
}

/** Scans one planned image; `report` is told each step. Throws with the reason when the image cannot be scanned. */
export async function scanPlannedImage(
  planned: PlannedImage,
  context: ImageScanContext,
  signal: AbortSignal,
  report: (state: ImageState) => Promise<void>,
): Promise<ImageScanRecord> {
  if (planned.action === 'rematch') {
    const stored = await context.store.getImage(planned.digest);
    // Stored when planned, gone now (deleted meanwhile): pull it after all.
    if (stored) {
      await report('matching');
      const findings = context.match(stored.packages, stored.os);
      return record(planned, context, { packages: stored.packages, os: stored.os, findings, analyzed: false });
    }
  }
  await report('pulling');
  const secrets = planned.pullSecrets.flatMap((key) => context.secrets.get(key) ?? []);
  const image = await untilAborted(openWithCredentials(planned.references, secrets, context.registry), signal);
  // A stop or timeout closes the image, which ends its downloads.
  const close = () => void image.close().catch(() => undefined);
  signal.addEventListener('abort', close, { once: true });
  try {
    await report('analyzing');
    const analysis = await untilAborted(
      analyzeImage(image, { cache: context.cache, analyzers: context.analyzers }),
      signal,
    );
    await report('matching');
    const { packages, os } = analysis.inventory;
    const findings = context.match(packages, os);
    const cis = context.cis ? await untilAborted(checkImage(image, context.cache, planned.names), signal) : undefined;
    return record(planned, context, { packages, os, findings, analyzed: true, image, ...(cis ? { cis } : {}) });
  } finally {
    signal.removeEventListener('abort', close);
    await image.close();
  }
}

function record(
  planned: PlannedImage,
  context: ImageScanContext,
  result: {
    packages: Package[];
    os: OsInfo | undefined;
    findings: Finding[];
    analyzed: boolean;
    image?: Image;
    cis?: CisResult[];
  },
): ImageScanRecord {
  return {
    digest: planned.digest,
    name: planned.names[0] ?? planned.references[0] ?? planned.digest,
    packages: result.packages,
    ...(result.os ? { os: result.os } : {}),
    ...(result.image ? { layers: result.image.layers.map(({ entries: _entries, ...layer }) => layer) } : {}),
    findings: result.findings,
    ...(result.cis ? { cis: result.cis } : {}),
    analyzed: result.analyzed,
    matchedWith: context.advisoryVersion,
    runId: context.runId,
    scannedAt: context.now().toISOString(),
  };
}
