/**
 * `lucent analyze`, as named steps: open the source, analyze its layers (cache first), merge the layers, build the
 * inventory. The CLI, the server and the runtime scanner all call this.
 */
import type { Analyzer } from '../analyzers/analyzer.ts';
import type { Image } from '../image/image.ts';
import type { LayerCache } from '../image/layer-cache.ts';
import { SquashedFs } from '../image/walker/squashed-fs.ts';
import { buildInventory, type Inventory } from '../inventory/build-inventory.ts';
import { type AnalyzedLayer, analyzeLayers } from './analyze-layers.ts';
import type { LayerProgress } from './read-layers.ts';

/** How to analyze an image. */
export interface AnalyzeOptions {
  cache: LayerCache;
  analyzers: readonly Analyzer[];
  maxFileSize?: number;
  onProgress?: (event: LayerProgress) => void;
  onFileMatched?: (path: string) => void;
}

/** An analyzed image: what it is and what it contains. */
export interface AnalysisResult {
  image: Image;
  inventory: Inventory;
  warnings: string[];
}

/** Analyzes an opened image (the caller closes it). */
export async function analyzeImage(image: Image, options: AnalyzeOptions): Promise<AnalysisResult> {
  const layers = await analyzeLayers(image, options);
  const fs = mergeAnalyzedLayers(layers);
  const inventory = buildInventory(fs, layers);
  const warnings = [...image.warnings, ...layers.flatMap((layer) => layer.warnings)];
  return { image, inventory, warnings };
}

/** The squashed filesystem of analyzed layers. */
export function mergeAnalyzedLayers(layers: readonly AnalyzedLayer[]): SquashedFs {
  return SquashedFs.merge(layers.map((layer) => layer.index));
}
