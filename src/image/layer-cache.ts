/**
 * The layer cache (DESIGN §3): per-layer results on disk, keyed by the layer's diffID, the producer's name@version
 * and its options, so a warm scan reads no layer bytes. Writes go to a temp file that is renamed into place, so any
 * number of processes share the cache with no locks and never see a half-written entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Bumped when the on-disk entry format changes; older entries are then simply misses. */
const FORMAT = 1;

/** Reads and writes per-layer results. */
export interface LayerCache {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** The parts a cache key is made of. */
export interface CacheKeyParts {
  diffId: string;
  /** Producers of the value, as `name@version`; any version bump invalidates exactly its entries. */
  producers: string[];
  options?: Record<string, unknown>;
}

/** The cache key: a sha256 over the diffID, the sorted producers and the options. */
export function layerCacheKey(parts: CacheKeyParts): string {
  const canonical = JSON.stringify([FORMAT, parts.diffId, [...parts.producers].sort(), sortKeys(parts.options ?? {})]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Where the cache lives: `--cache-dir`, then `$LUCENT_CACHE_DIR`, then `$XDG_CACHE_HOME/lucent`, then ~/.cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LUCENT_CACHE_DIR) return env.LUCENT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'lucent');
}

/** A cache that stores nothing (`--no-cache`). */
export const noLayerCache: LayerCache = {
  get: async () => undefined,
  put: async () => undefined,
};

/** The on-disk cache. */
export class DiskLayerCache implements LayerCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** A cached value, or undefined on a miss or an unreadable entry (which is removed). */
  async get<T>(key: string): Promise<T | undefined> {
    const file = this.fileFor(key);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { format: number; key: string; value: T };
      if (entry.format === FORMAT && entry.key === key) return entry.value;
    } catch {
      // A corrupt entry (disk full, manual edit) is a miss, never an error.
    }
    await unlink(file).catch(() => undefined);
    return undefined;
  }

  /** Stores a value atomically; a failure to write is not fatal to the scan, only to the cache. */
  async put(key: string, value: unknown): Promise<void> {
    const file = this.fileFor(key);
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(join(this.dir, 'layers', key.slice(0, 2)), { recursive: true });
      const handle = await open(temp, 'w');
      try {
        await writeJson(handle, { format: FORMAT, key, createdAt: new Date().toISOString(), value });
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch {
      await unlink(temp).catch(() => undefined);
    }
  }

  private fileFor(key: string): string {
    return join(this.dir, 'layers', key.slice(0, 2), `${key}.json`);
  }
}

/** Size and entry count of a cache directory. */
export interface CacheInfo {
  dir: string;
  entries: number;
  bytes: number;
}

/** Counts what the cache holds. */
export async function cacheInfo(dir: string): Promise<CacheInfo> {
  let entries = 0;
  let bytes = 0;
  const layers = join(dir, 'layers');
  for (const shard of await readdir(layers).catch(() => [] as string[])) {
    for (const name of await readdir(join(layers, shard)).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      const info = await stat(join(layers, shard, name)).catch(() => undefined);
      if (!info) continue;
      entries += 1;
      bytes += info.size;
    }
  }
  return { dir, entries, bytes };
}

/** Deletes every cached entry. */
export async function cleanCache(dir: string): Promise<CacheInfo> {
  const before = await cacheInfo(dir);
  await rm(join(dir, 'layers'), { recursive: true, force: true });
  return before;
}

/** Arrays longer than this are written a slice at a time. */
const CHUNK = 4096;

/**
 * Writes a value as JSON (the same text as JSON.stringify) without building it whole: a layer index of 200,000
 * paths would otherwise need its full text and a copy of it as bytes at once.
 */
async function writeJson(handle: FileHandle, value: unknown): Promise<void> {
  let pending = '';
  const emit = async (text: string) => {
    pending += text;
    if (pending.length >= 256 * 1024) {
      await handle.write(pending);
      pending = '';
    }
  };
  const write = async (item: unknown): Promise<void> => {
    if (Array.isArray(item) && item.length > CHUNK) {
      for (let at = 0; at < item.length; at += CHUNK) {
        const text = JSON.stringify(item.slice(at, at + CHUNK));
        await emit(`${at === 0 ? '[' : ','}${text.slice(1, -1)}`);
      }
      return emit(']');
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item) || hasToJson(item)) {
      return emit(JSON.stringify(item) ?? 'null');
    }
    let first = true;
    await emit('{');
    for (const [name, field] of Object.entries(item)) {
      if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
      await emit(`${first ? '' : ','}${JSON.stringify(name)}:`);
      await write(field);
      first = false;
    }
    await emit('}');
  };
  await write(value);
  if (pending) await handle.write(pending);
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
