/**
 * Reads an image's layers: each layer's index comes from the layer cache when it can, otherwise from one streaming
 * walk, and is then stored. Layers are walked a few at a time; the merge happens afterwards, in order.
 */
import type { Image, LayerDescriptor } from '../image/image.ts';
import { type LayerCache, layerCacheKey } from '../image/layer-cache.ts';
import { restoreLayerIndex, type StoredLayerIndex, storeLayerIndex } from '../image/walker/layer-index.ts';
import { SquashedFs } from '../image/walker/squashed-fs.ts';
import { type FileWanted, type LayerIndex, type SkippedFile, walkLayer } from '../image/walker/walk-layer.ts';
import { WALKER_VERSION } from '../image/walker/walker-version.ts';
import { mapLayers } from './each-layer.ts';

/** Progress of reading layers, for a display. */
export type LayerProgress =
  | { type: 'start'; layer: LayerDescriptor }
  | { type: 'bytes'; layer: LayerDescriptor; bytes: number }
  | { type: 'done'; layer: LayerDescriptor; cached: boolean };

/** How to read layers. */
export interface ReadLayersOptions {
  cache: LayerCache;
  /** Files whose content is needed; when set, layers are walked even if their index is cached. */
  wants?: FileWanted;
  maxFileSize?: number;
  /** How many layers to stream at once. */
  concurrency?: number;
  onProgress?: (event: LayerProgress) => void;
  signal?: AbortSignal;
}

/** One layer's results. */
export interface LayerResult {
  layer: LayerDescriptor;
  index: LayerIndex;
  files: Map<string, Uint8Array>;
  skipped: SkippedFile[];
  /** Integrity warnings (content not matching its digest in a local archive). */
  warnings: string[];
  fromCache: boolean;
}

/** Only content-addressed layers are cached; a directory has no digest to key on. */
function cacheable(layer: LayerDescriptor): boolean {
  return layer.diffId.startsWith('sha256:');
}

/** Reads every layer of an image, from the cache or by walking it. */
export function readLayers(image: Image, options: ReadLayersOptions): Promise<LayerResult[]> {
  return mapLayers(image, (layer) => readLayer(layer, options), options.concurrency);
}

async function readLayer(layer: Image['layers'][number], options: ReadLayersOptions): Promise<LayerResult> {
  const key = layerCacheKey({ diffId: layer.diffId, producers: [`walker@${WALKER_VERSION}`] });
  options.onProgress?.({ type: 'start', layer });
  if (!options.wants && cacheable(layer)) {
    const index = restoreLayerIndex(await options.cache.get<StoredLayerIndex>(key));
    if (index) {
      options.onProgress?.({ type: 'done', layer, cached: true });
      return { layer, index, files: new Map(), skipped: [], warnings: [], fromCache: true };
    }
  }
  const walked = await walkLayer(layer, {
    ...(options.wants ? { wants: options.wants } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onBytes: (bytes) => options.onProgress?.({ type: 'bytes', layer, bytes }),
  });
  // A layer whose content does not match its diffID is never cached under that diffID.
  if (cacheable(layer) && walked.warnings.length === 0) await options.cache.put(key, storeLayerIndex(walked.index));
  options.onProgress?.({ type: 'done', layer, cached: false });
  return { layer, ...walked, fromCache: false };
}

/** Merges layer results into the squashed filesystem. */
export function mergeLayers(results: readonly LayerResult[]): SquashedFs {
  return SquashedFs.merge(results.map((result) => result.index));
}

/**
 * The content of a file in the merged view, following symlinks inside the image. Only files a `wants` predicate
 * asked for were buffered; anything else (or a missing path) gives undefined.
 */
export function mergedFileContent(
  fs: SquashedFs,
  results: readonly LayerResult[],
  path: string,
): Uint8Array | undefined {
  const resolved = fs.resolve(path);
  if (!resolved.found || !resolved.node) return undefined;
  return results[resolved.node.layer]?.files.get(resolved.path);
}
