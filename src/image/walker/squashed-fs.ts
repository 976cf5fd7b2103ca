/**
 * The squashed filesystem: layers merged in order, as a container would see them. An upper layer's entry replaces a
 * lower one, a whiteout deletes a path and everything under it, an opaque directory hides what lower layers put in
 * it. Every node remembers the layer it came from. Symlinks are resolved inside the image root only, with loops cut.
 */
import { baseName, normalisePath, parentOf, resolveLinkTarget } from './paths.ts';
import type { FileEntry, LayerIndex } from './walk-layer.ts';

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

/** The merged view of an image's layers. */
export class SquashedFs {
  private readonly nodes = new Map<string, FsNode>();
  private readonly children = new Map<string, Set<string>>();
  /** Where parent directories really are; only symlink changes alter it, and those clear it. */
  private readonly parentCache = new Map<string, string>();
  /** How many symlink changes there were; none means no path can go through one. */
  private symlinks = 0;

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
    for (const dir of index.opaqueDirs) this.removeChildren(this.throughSymlinks(dir));
    for (const path of index.whiteouts) this.remove(this.throughSymlinks(path));
    for (const entry of index.entries) {
      const path = this.throughSymlinks(entry.path);
      // The entry object itself becomes the node unless its path moved: no copy per file of a large layer.
      const node = path === entry.path ? (entry as FsNode) : ({ ...entry, path } as FsNode);
      node.layer = layer;
      this.add(node);
    }
  }

  /** The node at exactly this path (no symlink following). */
  get(path: string): FsNode | undefined {
    return this.nodes.get(normalisePath(path));
  }

  /** True when the path exists, as an entry or as an implied parent directory. */
  has(path: string): boolean {
    const normal = normalisePath(path);
    return this.nodes.has(normal) || this.children.has(normal);
  }

  /** Every entry, sorted by path. */
  list(): FsNode[] {
    return [...this.nodes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Number of entries. */
  get size(): number {
    return this.nodes.size;
  }

  /** Follows symlinks in every component of a path (and in the last one unless told not to), inside the root. */
  resolve(path: string, options: { followLast?: boolean } = {}): Resolution {
    const followLast = options.followLast ?? true;
    let pending = normalisePath(path).split('/').filter(Boolean);
    let current = '';
    let hops = 0;
    while (pending.length > 0) {
      const [part, ...rest] = pending as [string, ...string[]];
      const candidate = current === '' ? part : `${current}/${part}`;
      const node = this.nodes.get(candidate);
      if (node?.type === 'symlink' && node.linkTarget !== undefined && (rest.length > 0 || followLast)) {
        if (++hops > MAX_SYMLINK_HOPS) return { found: false, path: candidate, reason: 'loop' };
        // The target restarts from the root, with `..` clamped there: nothing can point outside the image.
        pending = [...resolveLinkTarget(candidate, node.linkTarget).split('/').filter(Boolean), ...rest];
        current = '';
        continue;
      }
      if (!node && !this.children.has(candidate)) return { found: false, path: candidate, reason: 'missing' };
      current = candidate;
      pending = rest;
    }
    return { found: true, path: current, node: this.nodes.get(current) };
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
      const resolved = this.resolve(parent);
      real = resolved.found ? resolved.path : parent;
      this.parentCache.set(parent, real);
    }
    if (real === parent) return path;
    const name = baseName(path);
    return real === '' ? name : `${real}/${name}`;
  }

  private add(node: FsNode): void {
    if (node.path === '') return;
    // A non-directory replaces whatever was under that path, explicit directory entry or not.
    if (node.type !== 'directory') this.removeChildren(node.path);
    const replaced = this.nodes.get(node.path);
    if (node.type === 'symlink' || replaced?.type === 'symlink') this.symlinksChanged();
    this.nodes.set(node.path, node);
    this.link(node.path);
  }

  private symlinksChanged(): void {
    this.parentCache.clear();
    this.symlinks += 1;
  }

  private deleteNode(path: string): void {
    if (this.nodes.get(path)?.type === 'symlink') this.symlinksChanged();
    this.nodes.delete(path);
  }

  private link(path: string): void {
    let child = path;
    while (child !== '') {
      const parent = parentOf(child);
      let set = this.children.get(parent);
      if (!set) {
        set = new Set();
        this.children.set(parent, set);
      }
      if (set.has(child)) return;
      set.add(child);
      child = parent;
    }
  }

  private remove(path: string): void {
    this.removeChildren(path);
    if (path === '') return;
    this.deleteNode(path);
    this.children.get(parentOf(path))?.delete(path);
  }

  private removeChildren(dir: string): void {
    const kids = this.children.get(dir);
    if (!kids) return;
    for (const kid of kids) {
      this.removeChildren(kid);
      this.deleteNode(kid);
    }
    this.children.delete(dir);
  }
}
