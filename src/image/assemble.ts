/** Pieces every image source shares: reading the config blob, and lining history records up with layers. */
import { LucentError } from '../core/errors.ts';
import { type ImageConfig, imageConfigSchema } from './config-schema.ts';
import type { HistoryEntry, Platform } from './image.ts';

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
