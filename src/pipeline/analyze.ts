/**
 * `lucent analyze`, as named steps: open the source, analyze its layers (cache first), merge the layers, build the
 * inventory. The CLI, the server and the runtime scanner all call this. The steps (walker, analyzers' plumbing,
 * inventory and purl builders) load only when the whole-image inventory is not cached.
 */
import type { Analyzer } from '../analyzers/analyzer.ts';
import { LucentError } from '../core/errors.ts';
import type { Package } from '../core/package.ts';
import type { Image } from '../image/image.ts';
import { type LayerCache, layerCacheKey } from '../image/layer-cache.ts';
import { WALKER_VERSION } from '../image/walker/walker-version.ts';
import type { Inventory } from '../inventory/build-inventory.ts';
import type { AnalyzerPlugin, PluginContext } from '../plugins/analyzers/plugin.ts';
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

/**
 * Bumped whenever the inventory built from the same layer results changes (build-inventory.ts, purl.ts): the whole-image
 * inventory cache is keyed on it, next to the walker's and every analyzer's version.
 */
export const INVENTORY_VERSION = 1;

/** The inventory as cached: the layers are restored from the image itself. */
type CachedInventory = Omit<Inventory, 'layers'>;

/** Analyzes an opened image (the caller closes it). A warm image reads one cache entry and no layer results. */
export async function analyzeImage(image: Image, options: AnalyzeOptions): Promise<AnalysisResult> {
  const key = inventoryKey(image, options);
  const cached = key ? await options.cache.get<CachedInventory>(key) : undefined;
  if (cached) {
    for (const layer of image.layers) options.onProgress?.({ type: 'done', layer, cached: true });
    return { image, inventory: { ...cached, layers: image.layers }, warnings: [...image.warnings] };
  }
  const { analyzeLayers, mergeAnalyzedLayers, buildInventory } = await analysisSteps();
  const layers = await analyzeLayers(image, options);
  const fs = mergeAnalyzedLayers(layers);
  const inventory = buildInventory(fs, layers);
  const layerWarnings = layers.flatMap((layer) => layer.warnings);
  if (key && layerWarnings.length === 0) {
    const { layers: _descriptors, ...storable } = inventory;
    await options.cache.put(key, storable);
  }
  return { image, inventory, warnings: [...image.warnings, ...layerWarnings] };
}

/** The steps of an analysis that is not cached. */
async function analysisSteps() {
  const [{ analyzeLayers, mergeAnalyzedLayers }, { buildInventory }] = await Promise.all([
    import('./analyze-layers.ts'),
    import('../inventory/build-inventory.ts'),
  ]);
  return { analyzeLayers, mergeAnalyzedLayers, buildInventory };
}

/** The whole-image inventory key: every layer's diffID in order, and every producer's version; none for directories. */
function inventoryKey(image: Image, options: AnalyzeOptions): string | undefined {
  if (image.layers.length === 0 || !image.layers.every((layer) => layer.diffId.startsWith('sha256:'))) return undefined;
  return layerCacheKey({
    diffId: image.layers.map((layer) => layer.diffId).join(','),
    producers: [
      `inventory@${INVENTORY_VERSION}`,
      `walker@${WALKER_VERSION}`,
      ...options.analyzers.map((analyzer) => `${analyzer.name}@${analyzer.version}`),
    ],
    options: { maxFileSize: options.maxFileSize ?? null },
  });
}

/** Analysis with plug-ins and earlier SBOMs merged in. */
export interface AnalyzeSourceOptions extends AnalyzeOptions {
  /** Whether the built-in analyzers run (`--analyzers` may name only plug-ins). */
  builtin: boolean;
  plugins: readonly AnalyzerPlugin[];
  pluginContext: PluginContext;
  /** Packages from SBOMs of earlier stages (`--merge-sbom`). */
  mergeWith?: readonly (readonly Package[])[];
}

/**
 * Runs the built-in analyzers and the plug-ins in parallel, then merges every package list by purl (built-in first,
 * so its purls and locations lead). A failing plug-in is a warning; when every chosen analyzer failed, it is an error.
 */
export async function analyzeSource(image: Image, options: AnalyzeSourceOptions): Promise<AnalysisResult> {
  const source = { kind: image.source.kind, target: image.source.target ?? image.source.reference };
  // Plug-ins (and the SBOM decoder they need) load only when asked for.
  const runner = options.plugins.length > 0 ? await import('../plugins/analyzers/run-plugin.ts') : undefined;
  const [builtin, ...outcomes] = await Promise.all([
    options.builtin ? analyzeImage(image, options) : undefined,
    ...options.plugins.map((plugin) =>
      (runner as NonNullable<typeof runner>).runAnalyzerPlugin(plugin, source, options.pluginContext),
    ),
  ]);
  const failures = outcomes.flatMap((outcome) => ('failure' in outcome ? [outcome.failure] : []));
  if (!builtin && failures.length === outcomes.length) {
    throw new LucentError('E_ANALYZERS_FAILED', `every analyzer failed: ${failures.join('; ')}`, {
      hint: 'install the plug-in tools, or include the built-in analyzers (--analyzers builtin)',
    });
  }
  const base = builtin ?? {
    image,
    inventory: { packages: [], unknowns: [], layers: image.layers },
    warnings: [...image.warnings],
  };
  const lists = [
    base.inventory.packages,
    ...outcomes.flatMap((outcome) => ('packages' in outcome ? [outcome.packages] : [])),
    ...(options.mergeWith ?? []),
  ];
  // The merge (and the purl parser it needs) loads only when there is something to merge.
  const packages = lists.length > 1 ? (await import('../sbom/merge.ts')).mergePackages(lists) : base.inventory.packages;
  return {
    image,
    inventory: { ...base.inventory, packages },
    warnings: [...base.warnings, ...failures.map((failure) => `analyzer plug-in skipped: ${failure}`)],
  };
}
