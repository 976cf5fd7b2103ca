/**
 * Directories and single files as images of one layer. Entries come from lstat, so symlinks are reported as links
 * and never followed on the host; the squashed filesystem resolves them inside the directory, as for any image.
 * Such a layer has no content digest, so its results are not cached.
 */
import { createReadStream, type Dirent } from 'node:fs';
import { lstat, opendir, readlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  type EntryHeader,
  type EntryType,
  type Image,
  type Layer,
  type LayerEntry,
  NOTHING_TO_DISCARD,
  type SourceKind,
} from '../../image.ts';
import { openFileRange } from '../../random-access.ts';

/** Reads a directory (`dir:PATH`, a rootfs) as a one-layer image. */
export function readDirectory(path: string, kind: SourceKind = 'dir'): Image {
  const root = resolve(path);
  return oneLayerImage(kind, path, `dir:${root}`, () => walkDirectory(root));
}

/** Reads a single file (`file:PATH`) as a one-layer image holding just that file, at the root. */
export function readSingleFile(path: string): Image {
  const full = resolve(path);
  return oneLayerImage('file', path, `file:${full}`, async function* () {
    const info = await lstat(full);
    yield hostEntry(full, basename(full), info.size, info.mode, info.uid, info.gid, 'file');
  });
}

function oneLayerImage(
  kind: SourceKind,
  reference: string,
  identity: string,
  entries: () => AsyncIterable<LayerEntry>,
): Image {
  const layer: Layer = { index: 0, digest: identity, diffId: identity, mediaType: 'directory', size: -1, entries };
  return {
    source: { kind, reference },
    name: reference,
    config: {},
    history: [],
    layers: [layer],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
}

/** Depth-first, sorted, without following symlinks; unreadable directories are skipped, not fatal. */
async function* walkDirectory(root: string, relative = ''): AsyncGenerator<LayerEntry> {
  const dir = relative === '' ? root : join(root, relative);
  let handle: Awaited<ReturnType<typeof opendir>>;
  try {
    handle = await opendir(dir);
  } catch {
    return;
  }
  const children: Dirent[] = [];
  for await (const child of handle) children.push(child);
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    const rel = relative === '' ? child.name : `${relative}/${child.name}`;
    const full = join(root, rel);
    const info = await lstat(full).catch(() => undefined);
    if (!info) continue;
    const type = typeOf(info);
    const linkname = type === 'symlink' ? await readlink(full).catch(() => '') : undefined;
    yield hostEntry(full, rel, type === 'file' ? info.size : 0, info.mode, info.uid, info.gid, type, linkname);
    if (type === 'directory') yield* walkDirectory(root, rel);
  }
}

function typeOf(info: Awaited<ReturnType<typeof lstat>>): EntryType {
  if (info.isFile()) return 'file';
  if (info.isDirectory()) return 'directory';
  if (info.isSymbolicLink()) return 'symlink';
  if (info.isCharacterDevice()) return 'char-device';
  if (info.isBlockDevice()) return 'block-device';
  if (info.isFIFO()) return 'fifo';
  return 'other';
}

function hostEntry(
  full: string,
  name: string,
  size: number,
  mode: number,
  uid: number,
  gid: number,
  type: EntryType,
  linkname?: string,
): LayerEntry {
  const header: EntryHeader = { name, type, size, mode: mode & 0o7777, uid, gid };
  if (linkname !== undefined) header.linkname = linkname;
  return {
    header,
    body: (): Readable => createReadStream(full, { highWaterMark: 256 * 1024 }),
    // A host file is read only when asked for.
    discard: () => NOTHING_TO_DISCARD,
    ...(type === 'file' ? { openRandomAccess: () => openFileRange(full, 0, size, { noFollow: true }) } : {}),
  };
}
