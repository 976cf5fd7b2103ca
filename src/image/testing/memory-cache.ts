/** A layer cache in memory for tests: values go through JSON as they do on disk, and `entries` shows what was stored. */
import type { LayerCache } from '../layer-cache.ts';

export function memoryCache(): LayerCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async <T>(key: string) => (entries.has(key) ? (JSON.parse(entries.get(key) as string) as T) : undefined),
    put: async (key, value) => {
      entries.set(key, JSON.stringify(value));
    },
  };
}
