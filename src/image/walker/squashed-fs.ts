/**
 * The squashed filesystem: layers merged in order, as a container would see them. An upper layer's entry replaces a
 * lower one, a whiteout deletes a path and everything under it, an opaque directory hides what lower layers put in
 * it. Every node remembers the layer it came from. Symlinks are resolved inside the image root only, with loops cut.
 *
 * Memory: a node is a number (its row in its layer's index, numbered across layers) in one map by path, and
 * directories are a set of paths; node objects are made only when asked for. Subtrees are found by scanning paths,
 * which only deleting a directory that has entries below it needs.
 */
import { DIRECTORY_CODE, entryAt, type FileEntry, type LayerIndex, SYMLINK_CODE } from './layer-index.ts';
import { baseName, normalisePath, parentOf, resolveLinkTarget } from './paths.ts';

/** An entry of the merged filesystem and the layer (index) it came from. */
export interface FsNode extends FileEntry {
  layer: number;
}

/** The outcome of following symlinks to a path. */
export type Resolution =
  | { found: true; path: string; node: FsNode | undefined }
  | { found: false; path: string; reason: 'missing' | 'loop' };

/** Linux gives up after 40 symlinks in one lookup (ELOOP); so do we. */
const MAX_SYMLINK_HOPS = 40;

/** One applied layer: where its rows start in the numbering of all nodes. */
interface AppliedLayer {
  layer: number;
  index: LayerIndex;
  first: number;
}

/** The merged view of an image's layers. */
export class SquashedFs {
  private readonly applied: AppliedLayer[] = [];
  private nextRef = 0;
  /** Path → node reference (the node's layer's `first` + its row). */
  private readonly nodes = new Map<string, number>();
  /** Every directory that has had entries below it (explicit or implied); it holds all ancestors of its members. */
  private readonly dirs = new Set<string>();
  /** Directories deleted with everything below them, while a layer's whiteouts are applied; swept after. */
  private pending: Set<string> | undefined;
  /** Where parent directories really are, as resolved through symlinks. */
  private readonly parentCache = new Map<string, string>();
  /** Every path looked at while filling `parentCache`: only a symlink change at one of them (or below) voids it. */
  private readonly traversed = new Set<string>();
  /** How many symlinks were ever added; none means no path can go through one. */
  private symlinks = 0;
  /** The parent directory of the last entry added. */
  private lastParent = '\0';

  /** Merges layer indexes, base layer first. */
  static merge(indexes: readonly LayerIndex[]): SquashedFs {
    const fs = new SquashedFs();
    indexes.forEach((index, layer) => {
      fs.applyLayer(layer, index);
    });
    return fs;
  }

  /** Applies one layer on top of what is merged so far. */
  applyLayer(layer: number, index: LayerIndex): void {
    const first = this.nextRef;
    this.applied.push({ layer, index, first });
    this.nextRef += index.paths.length;
    // Deleted directories are swept in one pass once every whiteout is applied; until then lookups skip them.
    for (const dir of index.opaqueDirs) this.removeBelow(this.throughSymlinks(dir), true);
    for (const path of index.whiteouts) this.remove(this.throughSymlinks(path));
    if (this.pending) {
      const roots = this.pending;
      this.pending = undefined;
      this.sweep(roots);
    }
    const { paths, types } = index;
    for (let row = 0; row < paths.length; row++) {
      const path = this.throughSymlinks(paths[row] as string);
      if (path !== '') this.add(path, first + row, types[row] as number);
    }
  }

  /** The node at exactly this path (no symlink following). */
  get(path: string): FsNode | undefined {
    const normal = normalisePath(path);
    const ref = this.nodes.get(normal);
    return ref === undefined ? undefined : this.node(normal, ref);
  }

  /** True when the path exists, as an entry or as an implied parent directory. */
  has(path: string): boolean {
    const normal = normalisePath(path);
    return this.nodes.has(normal) || this.dirs.has(normal);
  }

  /** Every entry, sorted by path. */
  list(): FsNode[] {
    const paths = [...this.nodes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return paths.map((path) => this.node(path, this.nodes.get(path) as number));
  }

  /** Number of entries. */
  get size(): number {
    return this.nodes.size;
  }

  /** Follows symlinks in every component of a path (and in the last one unless told not to), inside the root. */
  resolve(path: string, options: { followLast?: boolean } = {}): Resolution {
    const found = this.walk(normalisePath(path), options.followLast ?? true);
    if (!found.found) return found;
    const ref = this.refAt(found.path);
    return { found: true, path: found.path, node: ref === undefined ? undefined : this.node(found.path, ref) };
  }

  private walk(
    path: string,
    followLast: boolean,
    visit?: (candidate: string) => void,
  ): { found: true; path: string } | { found: false; path: string; reason: 'missing' | 'loop' } {
    let pending = path.split('/').filter(Boolean);
    let current = '';
    let hops = 0;
    while (pending.length > 0) {
      const [part, ...rest] = pending as [string, ...string[]];
      const candidate = current === '' ? part : `${current}/${part}`;
      visit?.(candidate);
      const ref = this.refAt(candidate);
      if (ref !== undefined && (rest.length > 0 || followLast)) {
        const target = this.symlinkTarget(ref);
        if (target !== undefined) {
          if (++hops > MAX_SYMLINK_HOPS) return { found: false, path: candidate, reason: 'loop' };
          // The target restarts from the root, with `..` clamped there: nothing can point outside the image.
          pending = [...resolveLinkTarget(candidate, target).split('/').filter(Boolean), ...rest];
          current = '';
          continue;
        }
      }
      if (ref === undefined && !this.isDir(candidate)) return { found: false, path: candidate, reason: 'missing' };
      current = candidate;
      pending = rest;
    }
    return { found: true, path: current };
  }

  /**
   * Rewrites a path whose parent directories go through symlinks to the real location, as layer extraction does
   * (a file shipped as `lib/x` lands in `usr/lib/x` when `lib -> usr/lib`).
   */
  private throughSymlinks(path: string): string {
    const parent = parentOf(path);
    if (parent === '' || this.symlinks === 0) return path;
    let real = this.parentCache.get(parent);
    if (real === undefined) {
      const resolved = this.walk(parent, true, (candidate) => this.traversed.add(candidate));
      real = resolved.found ? resolved.path : parent;
      this.parentCache.set(parent, real);
    }
    if (real === parent) return path;
    const name = baseName(path);
    return real === '' ? name : `${real}/${name}`;
  }

  private add(path: string, ref: number, type: number): void {
    // A non-directory replaces whatever was under that path, explicit directory entry or not.
    if (type !== DIRECTORY_CODE) this.removeBelow(path, false);
    const replaced = this.nodes.get(path);
    if (type === SYMLINK_CODE || (replaced !== undefined && this.typeOf(replaced) === SYMLINK_CODE)) {
      this.symlinkChanged(path);
    }
    this.nodes.set(path, ref);
    // Most entries sit in the directory of the one before: no need to build its path again.
    const slash = path.lastIndexOf('/');
    const last = this.lastParent;
    if (slash === last.length && path.startsWith(last) && this.dirs.has(last)) return;
    this.lastParent = slash === -1 ? '' : path.slice(0, slash);
    // Every ancestor becomes an (implied) directory; `dirs` holds the ancestors of its members, so stop at one.
    for (let child = path; child !== ''; ) {
      const parent = parentOf(child);
      if (this.dirs.has(parent)) break;
      this.dirs.add(parent);
      child = parent;
    }
  }

  /** Deletes a path and everything below it. */
  private remove(path: string): void {
    this.removeBelow(path, true);
    if (path === '') return;
    const ref = this.refAt(path);
    if (ref === undefined) return;
    if (this.typeOf(ref) === SYMLINK_CODE) this.symlinkChanged(path);
    this.nodes.delete(path);
  }

  /** Deletes everything below a directory: later (in one sweep) when `deferred`, else now. */
  private removeBelow(dir: string, deferred: boolean): void {
    if (!this.isDir(dir)) return;
    this.dirs.delete(dir);
    // Symlinks may go with it; resolutions are recomputed rather than tracked through a subtree.
    this.parentCache.clear();
    this.traversed.clear();
    if (!deferred) this.sweep(new Set([dir]));
    else if (this.pending) this.pending.add(dir);
    else this.pending = new Set([dir]);
  }

  /** Deletes every node and directory below one of the roots. */
  private sweep(roots: Set<string>): void {
    const below = underAny(roots);
    for (const [path, ref] of this.nodes) {
      if (!below(path)) continue;
      if (this.typeOf(ref) === SYMLINK_CODE) this.symlinks += 1;
      this.nodes.delete(path);
    }
    for (const dir of this.dirs) if (below(dir)) this.dirs.delete(dir);
  }

  private symlinkChanged(path: string): void {
    this.symlinks += 1;
    if (this.traversed.size === 0) return;
    for (let at: string | undefined = path; at !== undefined; at = at === '' ? undefined : parentOf(at)) {
      if (this.traversed.has(at)) {
        this.parentCache.clear();
        this.traversed.clear();
        return;
      }
    }
  }

  /** The node reference at a path, unless the path is below a directory deleted but not yet swept. */
  private refAt(path: string): number | undefined {
    const ref = this.nodes.get(path);
    return ref !== undefined && this.pending && underAny(this.pending)(path) ? undefined : ref;
  }

  private isDir(path: string): boolean {
    return this.dirs.has(path) && !(this.pending && underAny(this.pending)(path));
  }

  private layerOf(ref: number): AppliedLayer {
    // Layers are few; the latest ones hold most lookups' nodes.
    for (let i = this.applied.length - 1; i >= 0; i--) {
      const applied = this.applied[i] as AppliedLayer;
      if (ref >= applied.first) return applied;
    }
    throw new Error(`no layer holds node ${ref}`);
  }

  private typeOf(ref: number): number {
    const { index, first } = this.layerOf(ref);
    return index.types[ref - first] as number;
  }

  private symlinkTarget(ref: number): string | undefined {
    const { index, first } = this.layerOf(ref);
    return index.types[ref - first] === SYMLINK_CODE ? index.links.get(ref - first) : undefined;
  }

  private node(path: string, ref: number): FsNode {
    const { index, first, layer } = this.layerOf(ref);
    // The path is the node's key: where it landed, which differs from its layer's path under a symlinked parent.
    return { ...entryAt(index, ref - first), path, layer };
  }
}

/** A test for "strictly below one of these directories" ('' is the root, above everything). */
function underAny(roots: Set<string>): (path: string) => boolean {
  if (roots.has('')) return (path) => path !== '';
  if (roots.size <= 8) {
    const prefixes = [...roots].map((root) => `${root}/`);
    return (path) => prefixes.some((prefix) => path.startsWith(prefix));
  }
  return (path) => {
    for (let at = parentOf(path); at !== ''; at = parentOf(at)) if (roots.has(at)) return true;
    return false;
  };
}
