/** `lucent files`: the squashed filesystem an image presents, which is what the analyzers see. */
import picomatch from 'picomatch';
import type { Image } from '../image/image.ts';
import type { LayerCache } from '../image/layer-cache.ts';
import { displayPath, normalisePath } from '../image/walker/paths.ts';
import type { FsNode } from '../image/walker/squashed-fs.ts';
import { type LayerProgress, mergeLayers, readLayers } from './read-layers.ts';

/** One row of `lucent files`. */
export interface FileRow {
  path: string;
  type: FsNode['type'];
  size: number;
  mode: string;
  uid: number;
  gid: number;
  linkTarget: string | null;
  layer: number;
  diffId: string;
}

/** The files report; its JSON form is documented in docs/cli.md. */
export interface FilesReport {
  image: { name: string; manifestDigest: string | null; layers: number };
  files: FileRow[];
  warnings: string[];
}

/** What to list and how. */
export interface ListFilesOptions {
  cache: LayerCache;
  globs?: string[];
  onProgress?: (event: LayerProgress) => void;
}

/** Reads an image's layers (from the cache when it can), merges them, and lists the result. */
export async function listFiles(image: Image, options: ListFilesOptions): Promise<FilesReport> {
  const layers = await readLayers(image, {
    cache: options.cache,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const fs = mergeLayers(layers);
  const matches = fileMatcher(options.globs ?? []);
  const files = fs
    .list()
    .filter((node) => matches(node.path))
    .map((node) => toRow(node, layers[node.layer]?.layer.diffId ?? ''));
  const warnings = [...image.warnings, ...layers.flatMap((result) => result.warnings)];
  return {
    image: { name: image.name, manifestDigest: image.manifest?.digest ?? null, layers: layers.length },
    files,
    warnings,
  };
}

/** Globs match root-relative paths; a leading slash in the pattern is accepted. */
function fileMatcher(globs: string[]): (path: string) => boolean {
  if (globs.length === 0) return () => true;
  const matcher = picomatch(
    globs.map((glob) => normalisePath(glob) || '**'),
    { dot: true },
  );
  return (path) => matcher(path);
}

function toRow(node: FsNode, diffId: string): FileRow {
  return {
    path: displayPath(node.path),
    type: node.type,
    size: node.size,
    mode: formatMode(node),
    uid: node.uid,
    gid: node.gid,
    linkTarget:
      node.linkTarget === undefined ? null : node.type === 'hardlink' ? displayPath(node.linkTarget) : node.linkTarget,
    layer: node.layer,
    diffId,
  };
}

const TYPE_CHARS: Record<FsNode['type'], string> = {
  file: '-',
  directory: 'd',
  symlink: 'l',
  hardlink: '-',
  'char-device': 'c',
  'block-device': 'b',
  fifo: 'p',
  other: '?',
};

/** `ls -l` style mode, e.g. `-rwxr-xr-x`, with setuid/setgid/sticky bits. */
export function formatMode(node: Pick<FsNode, 'type' | 'mode'>): string {
  const bits = node.mode;
  const triplet = (shift: number, special: boolean, specialChar: string) => {
    const r = bits & (4 << shift) ? 'r' : '-';
    const w = bits & (2 << shift) ? 'w' : '-';
    const executable = (bits & (1 << shift)) !== 0;
    const x = special ? (executable ? specialChar : specialChar.toUpperCase()) : executable ? 'x' : '-';
    return r + w + x;
  };
  return (
    TYPE_CHARS[node.type] +
    triplet(6, (bits & 0o4000) !== 0, 's') +
    triplet(3, (bits & 0o2000) !== 0, 's') +
    triplet(0, (bits & 0o1000) !== 0, 't')
  );
}
