/**
 * The index of one layer, stored by column: one array of paths and one typed array per field, instead of one object
 * per entry. A layer of 200,000 files then costs its path strings and about 30 bytes per entry, and is stored in the
 * layer cache as JSON with the numeric columns in base64.
 */
import type { EntryType } from '../image.ts';

/** One entry of a layer, as the squashed filesystem and `lucent files` see it. */
export interface FileEntry {
  path: string;
  type: EntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  /** Symlink target as stored, or the root-relative path a hard link points to. */
  linkTarget?: string;
}

/** The metadata of one layer: every entry (column by column), its whiteouts and its opaque directories. */
export interface LayerIndex {
  /** Root-relative paths, in layer order; entry `i` is row `i` of every column. */
  paths: string[];
  /** Entry types, as positions in `ENTRY_TYPES`. */
  types: Uint8Array;
  sizes: Float64Array;
  modes: Uint32Array;
  uids: Float64Array;
  gids: Float64Array;
  /** Link targets by row: symlink targets as stored, hard link targets as root-relative paths. */
  links: Map<number, string>;
  /** Paths this layer deletes from the layers below it. */
  whiteouts: string[];
  /** Directories whose lower-layer contents this layer hides. */
  opaqueDirs: string[];
}

/** Entry types by code (the `types` column). */
export const ENTRY_TYPES: readonly EntryType[] = [
  'file',
  'directory',
  'symlink',
  'hardlink',
  'char-device',
  'block-device',
  'fifo',
  'other',
];

const CODES = new Map(ENTRY_TYPES.map((type, code) => [type, code]));

/** The code of an entry type in the `types` column. */
export function typeCode(type: EntryType): number {
  return CODES.get(type) ?? ENTRY_TYPES.length - 1;
}

/** Codes of the types the squashed filesystem tests for. */
export const DIRECTORY_CODE = typeCode('directory');
export const SYMLINK_CODE = typeCode('symlink');

/** Entry `row` of an index, as an object. */
export function entryAt(index: LayerIndex, row: number): FileEntry {
  const entry: FileEntry = {
    path: index.paths[row] as string,
    type: ENTRY_TYPES[index.types[row] as number] ?? 'other',
    size: index.sizes[row] as number,
    mode: index.modes[row] as number,
    uid: index.uids[row] as number,
    gid: index.gids[row] as number,
  };
  const link = index.links.get(row);
  if (link !== undefined) entry.linkTarget = link;
  return entry;
}

/** Every entry of an index, as objects (for tests and small layers). */
export function indexEntries(index: LayerIndex): FileEntry[] {
  return index.paths.map((_path, row) => entryAt(index, row));
}

/** An index of the given entries. */
export function layerIndexOf(entries: readonly FileEntry[], whiteouts: string[] = [], opaqueDirs: string[] = []) {
  const builder = new LayerIndexBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.finish(whiteouts, opaqueDirs);
}

/** Builds an index entry by entry; a row can be dropped again (a later entry with the same path replaces it). */
export class LayerIndexBuilder {
  private readonly paths: string[] = [];
  /** The latest row of each path. */
  private readonly rows = new PathTable(this.paths);
  private types = new Uint8Array(1024);
  private sizes = new Float64Array(1024);
  private modes = new Uint32Array(1024);
  private uids = new Float64Array(1024);
  private gids = new Float64Array(1024);
  private readonly links = new Map<number, string>();
  private readonly dropped = new Set<number>();

  /** Appends an entry; returns its row. */
  add(entry: FileEntry): number {
    const row = this.paths.length;
    if (row === this.types.length) this.grow();
    this.paths.push(entry.path);
    this.rows.set(entry.path, row);
    this.types[row] = typeCode(entry.type);
    this.sizes[row] = entry.size;
    this.modes[row] = entry.mode;
    this.uids[row] = entry.uid;
    this.gids[row] = entry.gid;
    if (entry.linkTarget !== undefined) this.links.set(row, entry.linkTarget);
    return row;
  }

  /** The latest row added for a path. */
  rowOf(path: string): number | undefined {
    return this.rows.get(path);
  }

  /** Entry `row` as added. */
  get(row: number): FileEntry {
    const entry: FileEntry = {
      path: this.paths[row] as string,
      type: ENTRY_TYPES[this.types[row] as number] ?? 'other',
      size: this.sizes[row] as number,
      mode: this.modes[row] as number,
      uid: this.uids[row] as number,
      gid: this.gids[row] as number,
    };
    const link = this.links.get(row);
    if (link !== undefined) entry.linkTarget = link;
    return entry;
  }

  /** Drops a row from the finished index. */
  drop(row: number): void {
    this.dropped.add(row);
  }

  /** The finished index, with dropped rows removed. */
  finish(whiteouts: string[], opaqueDirs: string[]): LayerIndex {
    const count = this.paths.length;
    // Views of the columns, not copies: a copy would briefly double them, and peak memory is what counts.
    if (this.dropped.size === 0) return { ...this.snapshot(count), whiteouts, opaqueDirs };
    const keep: number[] = [];
    for (let row = 0; row < count; row++) if (!this.dropped.has(row)) keep.push(row);
    const links = new Map<number, string>();
    keep.forEach((row, to) => {
      const link = this.links.get(row);
      if (link !== undefined) links.set(to, link);
    });
    return {
      paths: keep.map((row) => this.paths[row] as string),
      types: Uint8Array.from(keep, (row) => this.types[row] as number),
      sizes: Float64Array.from(keep, (row) => this.sizes[row] as number),
      modes: Uint32Array.from(keep, (row) => this.modes[row] as number),
      uids: Float64Array.from(keep, (row) => this.uids[row] as number),
      gids: Float64Array.from(keep, (row) => this.gids[row] as number),
      links,
      whiteouts,
      opaqueDirs,
    };
  }

  private snapshot(count: number): Omit<LayerIndex, 'whiteouts' | 'opaqueDirs'> {
    return {
      paths: this.paths,
      types: this.types.subarray(0, count),
      sizes: this.sizes.subarray(0, count),
      modes: this.modes.subarray(0, count),
      uids: this.uids.subarray(0, count),
      gids: this.gids.subarray(0, count),
      links: this.links,
    };
  }

  private grow(): void {
    const size = this.types.length * 2;
    this.types = resized(this.types, new Uint8Array(size));
    this.sizes = resized(this.sizes, new Float64Array(size));
    this.modes = resized(this.modes, new Uint32Array(size));
    this.uids = resized(this.uids, new Float64Array(size));
    this.gids = resized(this.gids, new Float64Array(size));
  }
}

/**
 * Paths to rows, as an open-addressing hash table of row numbers over the paths array: 4 to 8 bytes per path where a
 * `Map` takes about 40, which matters for layers of hundreds of thousands of files.
 */
class PathTable {
  private slots = new Int32Array(1024).fill(-1);
  private used = 0;
  private readonly paths: readonly string[];

  constructor(paths: readonly string[]) {
    this.paths = paths;
  }

  get(path: string): number | undefined {
    const row = this.slots[this.find(path)] as number;
    return row === -1 ? undefined : row;
  }

  set(path: string, row: number): void {
    const slot = this.find(path);
    if (this.slots[slot] === -1) this.used += 1;
    this.slots[slot] = row;
    if (this.used * 2 > this.slots.length) this.grow();
  }

  /** The slot holding the path, or the empty slot where it would go (linear probing). */
  private find(path: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(path) & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot] as number;
      if (row === -1 || this.paths[row] === path) return slot;
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.used = 0;
    // Every row in order: a later row of the same path lands on the earlier one's slot, as `set` did.
    for (let row = 0; row < this.paths.length; row++) this.set(this.paths[row] as string, row);
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

function resized<T extends Uint8Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * An index as stored in the layer cache (JSON). Numbers stay numbers: long arrays are written a slice at a time, where
 * one large base64 string per column would sit in memory, copied several times over, until a full collection.
 * Columns that hardly vary (types, modes, owners) are run-length encoded: `[value, count, value, count, …]`.
 */
export interface StoredLayerIndex {
  paths: string[];
  types: number[];
  sizes: number[];
  modes: number[];
  uids: number[];
  gids: number[];
  links: [number, string][];
  whiteouts: string[];
  opaqueDirs: string[];
}

/** The cacheable form of an index. */
export function storeLayerIndex(index: LayerIndex): StoredLayerIndex {
  return {
    paths: index.paths,
    types: runs(index.types),
    sizes: Array.from(index.sizes),
    modes: runs(index.modes),
    uids: runs(index.uids),
    gids: runs(index.gids),
    links: [...index.links],
    whiteouts: index.whiteouts,
    opaqueDirs: index.opaqueDirs,
  };
}

/** An index read back from the cache; undefined when the value does not have the right shape (a miss). */
export function restoreLayerIndex(stored: StoredLayerIndex | undefined): LayerIndex | undefined {
  if (!stored || !Array.isArray(stored.paths) || !Array.isArray(stored.links)) return undefined;
  if (!Array.isArray(stored.whiteouts) || !Array.isArray(stored.opaqueDirs)) return undefined;
  const count = stored.paths.length;
  const types = unrun(stored.types, new Uint8Array(count));
  const modes = unrun(stored.modes, new Uint32Array(count));
  const uids = unrun(stored.uids, new Float64Array(count));
  const gids = unrun(stored.gids, new Float64Array(count));
  if (!types || !modes || !uids || !gids) return undefined;
  if (!Array.isArray(stored.sizes) || stored.sizes.length !== count) return undefined;
  return {
    paths: stored.paths,
    types,
    sizes: Float64Array.from(stored.sizes),
    modes,
    uids,
    gids,
    links: new Map(stored.links),
    whiteouts: stored.whiteouts,
    opaqueDirs: stored.opaqueDirs,
  };
}

function runs(column: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let at = 0; at < column.length; ) {
    const value = column[at] as number;
    let end = at + 1;
    while (end < column.length && column[end] === value) end++;
    out.push(value, end - at);
    at = end;
  }
  return out;
}

function unrun<T extends Uint8Array | Uint32Array | Float64Array>(encoded: unknown, into: T): T | undefined {
  if (!Array.isArray(encoded) || encoded.length % 2 !== 0) return undefined;
  let at = 0;
  for (let i = 0; i < encoded.length; i += 2) {
    const value = encoded[i];
    const count = encoded[i + 1];
    if (typeof value !== 'number' || typeof count !== 'number' || count < 1 || at + count > into.length)
      return undefined;
    into.fill(value, at, at + count);
    at += count;
  }
  return at === into.length ? into : undefined;
}
