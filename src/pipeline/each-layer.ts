/** Runs a step on every layer of an image, a few layers at a time, keeping results in layer order. */
import type { Image, Layer } from '../image/image.ts';

/** Three layers at once: enough to overlap I/O and decompression on small machines without a memory spike. */
export const DEFAULT_LAYER_CONCURRENCY = 3;

/** Maps every layer through `step`, at most `concurrency` at a time; results are indexed like the layers. */
export async function mapLayers<T>(
  image: Image,
  step: (layer: Layer) => Promise<T>,
  concurrency = DEFAULT_LAYER_CONCURRENCY,
): Promise<T[]> {
  const results: T[] = new Array(image.layers.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < image.layers.length) {
      const layer = image.layers[next++];
      if (layer) results[layer.index] = await step(layer);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, image.layers.length)) }, worker));
  return results;
}
