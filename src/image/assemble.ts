/** Pieces every image source shares: reading the config blob, and lining history records up with layers. */

import type { Readable } from 'node:stream';
import { LucentError } from '../core/errors.ts';
import { type ImageConfig, imageConfigSchema } from './config-schema.ts';
import type { EntryStreamOptions, HistoryEntry, Layer, LayerEntry, Platform } from './image.ts';
import { type TarLayerSpec, tarLayerEntries } from './layer-stream.ts';
import type { Descriptor, ImageManifest } from './manifest-schema.ts';

/** Parses and validates an image config blob. */
export function parseImageConfig(bytes: Uint8Array, what: string): ImageConfig {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new LucentError('E_SOURCE_INVALID', `${what} is not valid JSON`, { cause: error });
  }
  const result = imageConfigSchema.safeParse(json);
  if (!result.success) {
    throw new LucentError(
      'E_SOURCE_INVALID',
      `${what} is not a valid image config: ${result.error.issues[0]?.message}`,
    );
  }
  return result.data;
}

/** The diffIDs a config lists. */
export function diffIdsOf(config: ImageConfig): string[] {
  return config.rootfs?.diff_ids ?? [];
}

/** The platform a config declares. */
export function platformOf(config: ImageConfig): Platform | undefined {
  if (!config.os || !config.architecture) return undefined;
  return config.variant
    ? { os: config.os, architecture: config.architecture, variant: config.variant }
    : { os: config.os, architecture: config.architecture };
}

/**
 * History records in order, each non-empty one tied to the layer it made. When the config has fewer non-empty
 * records than layers (squashed or hand-made images), the remaining layers simply have no history.
 */
export function historyOf(config: ImageConfig, layerCount: number): HistoryEntry[] {
  let next = 0;
  return (config.history ?? []).map((record) => {
    const emptyLayer = record.empty_layer === true;
    const entry: HistoryEntry = { emptyLayer };
    if (record.created) entry.created = record.created;
    if (record.created_by) entry.createdBy = record.created_by;
    if (record.comment) entry.comment = record.comment;
    if (!emptyLayer && next < layerCount) entry.layerIndex = next++;
    return entry;
  });
}

/** The `created_by` line of the history record that made each layer. */
export function createdByPerLayer(history: HistoryEntry[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const entry of history) {
    if (entry.layerIndex !== undefined && entry.createdBy) out.set(entry.layerIndex, entry.createdBy);
  }
  return out;
}

/** How to build the layers of a manifest. */
export interface ManifestLayersSpec {
  manifest: ImageManifest;
  config: ImageConfig;
  /** Names the manifest in errors, e.g. `manifest sha256:… of registry.example/app:1`. */
  what: string;
  /** What to do about a manifest whose layers and diffIDs do not pair up. */
  hint: string;
  /** Streams a layer's entries (given the checks to apply); by default `tarLayerEntries` over `open`. */
  entries?: (
    descriptor: Descriptor,
    check: TarLayerSpec,
    options: EntryStreamOptions | undefined,
  ) => AsyncIterable<LayerEntry>;
  /** The same entries a batch at a time, where the source lists many at once (see `Layer.entryBatches`). */
  entryBatches?: (
    descriptor: Descriptor,
    check: TarLayerSpec,
    options: EntryStreamOptions | undefined,
  ) => AsyncIterable<readonly LayerEntry[]>;
  /** Opens a layer blob as stored (used when `entries` is not given). */
  open?: (descriptor: Descriptor, describe: string) => Promise<Readable>;
  /** Whether digest mismatches stop the walk (registries) or are warnings (local layouts). */
  strict: boolean;
}

/** The layers of an image manifest, paired with the config's diffIDs and history. */
export function layersFromManifest(spec: ManifestLayersSpec): { layers: Layer[]; history: HistoryEntry[] } {
  const { manifest, config } = spec;
  const diffIds = diffIdsOf(config);
  if (diffIds.length !== manifest.layers.length) {
    throw new LucentError(
      'E_SOURCE_INVALID',
      `${spec.what} lists ${manifest.layers.length} layers but its config lists ${diffIds.length} diffIDs ` +
        '(rootfs.diff_ids); layers and diffIDs must pair up one to one',
      { hint: spec.hint },
    );
  }
  const history = historyOf(config, manifest.layers.length);
  const createdBy = createdByPerLayer(history);
  const layers = manifest.layers.map((descriptor, index): Layer => {
    const diffId = diffIds[index] as string;
    const describe = `layer ${index} (${descriptor.digest})`;
    const check = { describe, blobDigest: descriptor.digest, diffId, strict: spec.strict };
    const layer: Layer = {
      index,
      digest: descriptor.digest,
      diffId,
      mediaType: descriptor.mediaType,
      size: descriptor.size,
      entries: (streamOptions) => {
        if (spec.entries) return spec.entries(descriptor, check, streamOptions);
        const open = spec.open;
        if (!open) throw new LucentError('E_INTERNAL', 'a manifest layer needs entries() or open()');
        return tarLayerEntries(() => open(descriptor, describe), check, streamOptions);
      },
    };
    const batches = spec.entryBatches;
    if (batches) layer.entryBatches = (streamOptions) => batches(descriptor, check, streamOptions);
    const line = createdBy.get(index);
    if (line) layer.createdBy = line;
    return layer;
  });
  return { layers, history };
}
