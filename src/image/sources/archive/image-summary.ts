/**
 * What an image archive resolved to — manifest, config, history, tags and the layers' descriptors — kept in the layer
 * cache under the archive file's identity, so that a warm run neither indexes the archive nor parses and validates
 * its metadata again: it reads one cache entry. The layers of an image restored this way open the archive (through
 * `open`) only when one of them is walked, e.g. when a layer's analysis is not cached.
 */
import type { EntryStreamOptions, Image, Layer, LayerDescriptor, SourceKind } from '../../image.ts';
import { type LayerCache, layerCacheKey } from '../../layer-cache.ts';
import { archiveIdentity } from './archive-identity.ts';

/** Bumped when the summary's shape, or what the archive readers make of an archive, changes. */
export const IMAGE_SUMMARY_VERSION = 1;

/** An image as read from an archive, less what the caller decides (source) and what cannot be stored (functions). */
export interface ImageSummary {
  /** The kind the archive was read as (detected for bare paths). */
  kind: SourceKind;
  image: Omit<Image, 'source' | 'layers' | 'close'>;
  /** Each layer's descriptor, and whether it streams its entries in batches. */
  layers: (LayerDescriptor & { batches: boolean })[];
}

/** The cache key of an archive's summary: the file's identity and everything else that changes what is read. */
export async function imageSummaryKey(path: string, parts: Record<string, unknown>): Promise<string> {
  return layerCacheKey({
    diffId: await archiveIdentity(path),
    producers: [`image-summary@${IMAGE_SUMMARY_VERSION}`],
    options: parts,
  });
}

/** The summary of an image freshly read from an archive. */
export function summarizeImage(kind: SourceKind, image: Image): ImageSummary {
  const { source: _source, layers, close: _close, ...rest } = image;
  return {
    kind,
    image: rest,
    layers: layers.map(({ entries: _entries, entryBatches, ...descriptor }) => ({
      ...descriptor,
      batches: entryBatches !== undefined,
    })),
  };
}

/** A summary from the cache, or undefined (missing, or not of this shape). */
export async function cachedImageSummary(cache: LayerCache, key: string): Promise<ImageSummary | undefined> {
  const summary = await cache.get<ImageSummary>(key);
  return summary && Array.isArray(summary.layers) && typeof summary.image === 'object' ? summary : undefined;
}

/** An image restored from its summary; `open` reads the archive (once) when a layer is walked. */
export function imageFromSummary(summary: ImageSummary, source: Image['source'], open: () => Promise<Image>): Image {
  let opened: Promise<Image> | undefined;
  const real = () => {
    opened ??= open();
    return opened;
  };
  const layerOf = async (index: number): Promise<Layer> => {
    const layer = (await real()).layers[index];
    if (!layer) throw new Error(`layer ${index} is no longer in ${source.reference}`);
    return layer;
  };
  const layers = summary.layers.map(({ batches, ...descriptor }): Layer => {
    const layer: Layer = {
      ...descriptor,
      entries: async function* (options?: EntryStreamOptions) {
        yield* (await layerOf(descriptor.index)).entries(options);
      },
    };
    if (batches) {
      layer.entryBatches = async function* (options?: EntryStreamOptions) {
        const real = await layerOf(descriptor.index);
        yield* real.entryBatches ? real.entryBatches(options) : batchesOfOne(real.entries(options));
      };
    }
    return layer;
  });
  return {
    ...summary.image,
    source,
    layers,
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}

async function* batchesOfOne<T>(items: AsyncIterable<T>): AsyncIterable<readonly T[]> {
  for await (const item of items) yield [item];
}
