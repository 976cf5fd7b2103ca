/**
 * Content analysis per layer: every analyzer's findings for the files of one layer, keyed by path. A layer whose
 * index and analyzer results are all cached is not read at all; otherwise it is streamed once, each wanted file is
 * handed to the analyzers that asked for it as soon as it is read (so memory holds one file at a time), and the
 * missing results are stored.
 */
import { type Analyzer, type AnalyzerResult, bytesReader, type FileReader } from '../analyzers/analyzer.ts';
import type { Image, Layer, LayerDescriptor } from '../image/image.ts';
import { type LayerCache, layerCacheKey } from '../image/layer-cache.ts';
import { restoreLayerIndex, type StoredLayerIndex, storeLayerIndex } from '../image/walker/layer-index.ts';
import { SquashedFs } from '../image/walker/squashed-fs.ts';
import { type FileEntry, type LayerIndex, walkLayer } from '../image/walker/walk-layer.ts';
import { WALKER_VERSION } from '../image/walker/walker-version.ts';
import { mapLayers } from './each-layer.ts';
import type { LayerProgress } from './read-layers.ts';

/** One analyzer's findings in one file; `error` when the analyzer threw. */
export type FileFindings = AnalyzerResult & { error?: string };

/** One analyzer's findings in one layer, by root-relative path (only files with findings are listed). */
export interface LayerFindings {
  files: Record<string, FileFindings>;
}

/** Everything known about one layer after analysis. */
export interface AnalyzedLayer {
  layer: LayerDescriptor;
  index: LayerIndex;
  /** Findings by analyzer name. */
  findings: Record<string, LayerFindings>;
  /** Wanted files that were not read (too large, unreadable). */
  skipped: { path: string; reason: string }[];
  warnings: string[];
  fromCache: boolean;
}

/** How to analyze layers. */
export interface AnalyzeLayersOptions {
  cache: LayerCache;
  analyzers: readonly Analyzer[];
  maxFileSize?: number;
  concurrency?: number;
  onProgress?: (event: LayerProgress) => void;
  /** Called for each file handed to analyzers, for progress displays. */
  onFileMatched?: (path: string) => void;
}

const cacheable = (layer: LayerDescriptor) => layer.diffId.startsWith('sha256:');

/** The squashed filesystem of analyzed layers. */
export function mergeAnalyzedLayers(layers: readonly AnalyzedLayer[]): SquashedFs {
  return SquashedFs.merge(layers.map((layer) => layer.index));
}

/** Analyzes every layer of an image, a few at a time. */
export function analyzeLayers(image: Image, options: AnalyzeLayersOptions): Promise<AnalyzedLayer[]> {
  return mapLayers(image, (layer) => analyzeLayer(layer, options), options.concurrency);
}

async function analyzeLayer(layer: Layer, options: AnalyzeLayersOptions): Promise<AnalyzedLayer> {
  options.onProgress?.({ type: 'start', layer });
  const keys = {
    index: layerCacheKey({ diffId: layer.diffId, producers: [`walker@${WALKER_VERSION}`] }),
    ...Object.fromEntries(
      options.analyzers.map((analyzer) => [
        analyzer.name,
        layerCacheKey({
          diffId: layer.diffId,
          producers: [`${analyzer.name}@${analyzer.version}`],
          options: { maxFileSize: options.maxFileSize ?? null },
        }),
      ]),
    ),
  } as Record<string, string>;
  const useCache = cacheable(layer);
  const cachedIndex = useCache
    ? restoreLayerIndex(await options.cache.get<StoredLayerIndex>(keys.index as string))
    : undefined;
  const findings: Record<string, LayerFindings> = {};
  const missing: Analyzer[] = [];
  for (const analyzer of options.analyzers) {
    const cached = useCache ? await options.cache.get<LayerFindings>(keys[analyzer.name] as string) : undefined;
    if (cached) findings[analyzer.name] = cached;
    else missing.push(analyzer);
  }
  if (cachedIndex && missing.length === 0) {
    options.onProgress?.({ type: 'done', layer, cached: true });
    return { layer, index: cachedIndex, findings, skipped: [], warnings: [], fromCache: true };
  }

  for (const analyzer of missing) findings[analyzer.name] = { files: {} };
  const ref = { index: layer.index, diffId: layer.diffId };
  const record = (analyzer: Analyzer, path: string, result: FileFindings) => {
    if (hasFindings(result)) (findings[analyzer.name] as LayerFindings).files[path] = result;
  };
  // A file read whole: analyzers that read in parts get a reader over the bytes in memory.
  const analyzeFile = async (file: FileEntry, content: Uint8Array) => {
    options.onFileMatched?.(file.path);
    const reader = bytesReader(content);
    for (const analyzer of missing) {
      if (!analyzer.required(file.path, file)) continue;
      const result = readsInParts(analyzer, file.path, file)
        ? await runAnalyzer(() => analyzer.analyzeParts({ path: file.path, file: reader, layer: ref }))
        : await runAnalyzer(() => analyzer.analyze({ path: file.path, content, layer: ref }));
      record(analyzer, file.path, result);
    }
  };
  // A file opened for random access: every analyzer that asked for it reads it in parts.
  const analyzeFileParts = async (file: FileEntry, access: FileReader) => {
    options.onFileMatched?.(file.path);
    for (const analyzer of missing) {
      if (!analyzer.required(file.path, file) || !readsInParts(analyzer, file.path, file)) continue;
      record(
        analyzer,
        file.path,
        await runAnalyzer(() => analyzer.analyzeParts({ path: file.path, file: access, layer: ref })),
      );
    }
  };
  const walked = await walkLayer(layer, {
    wants: (path, info) => missing.some((analyzer) => analyzer.required(path, info)),
    wantsParts: (path, info) =>
      missing.every((analyzer) => !analyzer.required(path, info) || readsInParts(analyzer, path, info)),
    onFile: analyzeFile,
    onFileParts: analyzeFileParts,
    // A path shipped twice in one layer: only the last entry counts, so findings from an earlier one go.
    onReplaced: (path) => {
      for (const analyzer of missing) delete (findings[analyzer.name] as LayerFindings).files[path];
    },
    onBytes: (bytes) => options.onProgress?.({ type: 'bytes', layer, bytes }),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
  });
  // A layer whose content does not match its diffID is never cached under that diffID.
  if (useCache && walked.warnings.length === 0) {
    if (!cachedIndex) await options.cache.put(keys.index as string, storeLayerIndex(walked.index));
    for (const analyzer of missing) await options.cache.put(keys[analyzer.name] as string, findings[analyzer.name]);
  }
  options.onProgress?.({ type: 'done', layer, cached: false });
  return { layer, index: walked.index, findings, skipped: walked.skipped, warnings: walked.warnings, fromCache: false };
}

/** Whether an analyzer reads this file in parts (it has `analyzeParts` and says so for the file). */
function readsInParts(
  analyzer: Analyzer,
  path: string,
  info: { size: number; mode: number },
): analyzer is Analyzer & Required<Pick<Analyzer, 'analyzeParts'>> {
  return analyzer.analyzeParts !== undefined && analyzer.readsInParts?.(path, info) === true;
}

/** Runs one analyzer on one file; a throw becomes a recorded error, never a crash. */
async function runAnalyzer(run: () => Promise<AnalyzerResult> | AnalyzerResult): Promise<FileFindings> {
  try {
    return await run();
  } catch (error) {
    return { packages: [], error: error instanceof Error ? error.message : String(error) };
  }
}

function hasFindings(result: FileFindings): boolean {
  return (
    result.packages.length > 0 ||
    result.error !== undefined ||
    (result.unknowns?.length ?? 0) > 0 ||
    result.os !== undefined ||
    (result.licenses?.length ?? 0) > 0
  );
}
