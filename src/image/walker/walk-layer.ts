/**
 * Walks one layer: streams its entries once, records every entry's metadata and the layer's whiteouts, and buffers
 * only the regular files a caller asked for (up to a size cap). It never writes an entry to the host filesystem.
 */
import {
  type EntryStreamOptions,
  type Layer,
  type LayerEntry,
  NOTHING_TO_DISCARD,
  type RandomAccessFile,
} from '../image.ts';
import { type FileEntry, type LayerIndex, LayerIndexBuilder } from './layer-index.ts';
import { baseName, normalisePath, OPAQUE_MARKER, parentOf, WHITEOUT_PREFIX } from './paths.ts';

export type { FileEntry, LayerIndex } from './layer-index.ts';

/** Decides from a path and cheap metadata whether a file's content is needed. String tests only. */
export type FileWanted = (path: string, info: { size: number; mode: number }) => boolean;

/** A wanted file that was not read, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** What walking one layer yields. */
export interface WalkedLayer {
  index: LayerIndex;
  /** Contents of the wanted regular files (and of hard links to them), by path. */
  files: Map<string, Uint8Array>;
  skipped: SkippedFile[];
  /** Integrity problems a lenient source reported (the layer's content does not match its digest). */
  warnings: string[];
}

/** How to walk a layer. */
export interface WalkOptions extends EntryStreamOptions {
  wants?: FileWanted;
  /** Files larger than this are not buffered, and are reported as skipped. */
  maxFileSize?: number;
  /**
   * Receives each wanted file as soon as it is read, instead of keeping it in `files`: memory then holds one file at a
   * time. Hard links to a file already delivered are not delivered again.
   */
  onFile?: (file: FileEntry, content: Uint8Array) => Promise<void> | void;
  /**
   * Wanted files that a consumer can read in parts (`onFileParts`) instead of whole; string tests only. They go to
   * `onFileParts` only where the layer can seek, and are read whole for `onFile` everywhere else.
   */
  wantsParts?: FileWanted;
  /** Receives a wanted file opened for random access; it is closed once the returned promise settles. */
  onFileParts?: (file: FileEntry, access: RandomAccessFile) => Promise<void> | void;
  /** Told when a later entry of the layer replaces an earlier one with the same path (whose content may have gone out). */
  onReplaced?: (path: string) => void;
}

/** The default per-file cap: large enough for big Go or Java binaries, small enough to bound memory. */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

const NOTHING_WANTED: FileWanted = () => false;

/** Streams a layer once (twice only for wanted hard links whose target was not buffered) and indexes it. */
export async function walkLayer(layer: Layer, options: WalkOptions = {}): Promise<WalkedLayer> {
  const wants = options.wants ?? NOTHING_WANTED;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const index = new LayerIndexBuilder();
  const whiteouts: string[] = [];
  const opaqueDirs: string[] = [];
  const files = new Map<string, Uint8Array>();
  const skipped: SkippedFile[] = [];
  const pendingLinks = new Map<string, string>();
  const warnings: string[] = [];
  const onIntegrityWarning = (message: string) => warnings.push(message);

  const streamOptions = { ...options, onIntegrityWarning };
  for await (const batch of layer.entryBatches?.(streamOptions) ?? oneByOne(layer.entries(streamOptions))) {
    for (const entry of batch) {
      // Most entries need nothing asynchronous: no promise is made for them.
      const pending = visit(entry);
      if (pending) await pending;
    }
  }

  if (pendingLinks.size > 0) await resolvePendingLinks();
  return { index: index.finish(whiteouts, opaqueDirs), files, skipped, warnings };

  function visit(entry: LayerEntry): Promise<void> | undefined {
    const path = normalisePath(entry.header.name);
    if (path === '') return discard(entry);
    const name = baseName(path);
    if (name.startsWith(WHITEOUT_PREFIX)) {
      if (name === OPAQUE_MARKER) opaqueDirs.push(parentOf(path));
      else whiteouts.push(`${parentOf(path) ? `${parentOf(path)}/` : ''}${name.slice(WHITEOUT_PREFIX.length)}`);
      return discard(entry);
    }
    const file = toFileEntry(path, entry);
    // A hard link has the size of its target (an earlier entry of the same layer).
    const targetRow =
      file.type === 'hardlink' && file.linkTarget !== undefined ? index.rowOf(file.linkTarget) : undefined;
    const target = targetRow === undefined ? undefined : index.get(targetRow);
    if (file.type === 'hardlink') file.size = target?.size ?? 0;
    // A later entry for the same path replaces the earlier one (tar semantics), and takes its place at the end.
    const replaced = index.rowOf(path);
    if (replaced !== undefined) {
      index.drop(replaced);
      files.delete(path);
      pendingLinks.delete(path);
      options.onReplaced?.(path);
    }
    index.add(file);
    return collect(entry, file, target);
  }

  function collect(entry: LayerEntry, file: FileEntry, target: FileEntry | undefined): Promise<void> | undefined {
    if (file.type === 'hardlink' && file.linkTarget !== undefined) {
      if (!wants(file.path, file)) return discard(entry);
      const content = files.get(file.linkTarget);
      if (content) files.set(file.path, content);
      else if (!(options.onFile && target && wants(target.path, target))) pendingLinks.set(file.path, file.linkTarget);
      return discard(entry);
    }
    if (file.type !== 'file' || !wants(file.path, file)) return discard(entry);
    if (file.size > maxFileSize) {
      skipped.push({ path: file.path, reason: `larger than the ${maxFileSize}-byte file size cap` });
      return discard(entry);
    }
    if (options.onFileParts && entry.openRandomAccess && options.wantsParts?.(file.path, file)) {
      return deliverParts(entry, file, options.onFileParts);
    }
    return deliver(entry, file);
  }

  async function deliver(entry: LayerEntry, file: FileEntry): Promise<void> {
    try {
      const content = await readBody(entry, file.size);
      if (options.onFile) await options.onFile(file, content);
      else files.set(file.path, content);
    } catch (error) {
      // Only a host file (dir: sources) can fail on its own; a broken layer stream must stop the walk.
      if (!isHostFileError(error)) throw error;
      skipped.push({ path: file.path, reason: `unreadable: ${(error as Error).message}` });
    }
  }

  /** Hands a file over for random access: its body is never read whole. */
  async function deliverParts(
    entry: LayerEntry,
    file: FileEntry,
    onFileParts: NonNullable<WalkOptions['onFileParts']>,
  ): Promise<void> {
    let access: RandomAccessFile | undefined;
    try {
      access = await entry.openRandomAccess?.();
    } catch (error) {
      if (!isHostFileError(error)) throw error;
      skipped.push({ path: file.path, reason: `unreadable: ${(error as Error).message}` });
      return discard(entry);
    }
    if (!access) return deliver(entry, file);
    try {
      await onFileParts(file, access);
    } finally {
      await access.close();
    }
    return discard(entry);
  }

  /** Tar hard links point at earlier entries of the same layer; read the targets nobody had asked for. */
  async function resolvePendingLinks(): Promise<void> {
    const targets = new Set(pendingLinks.values());
    const found = new Map<string, Uint8Array>();
    for await (const entry of layer.entries({ ...(options.signal ? { signal: options.signal } : {}) })) {
      const path = normalisePath(entry.header.name);
      if (entry.header.type === 'file' && targets.has(path) && entry.header.size <= maxFileSize) {
        found.set(path, await readBody(entry, entry.header.size));
      } else {
        await discard(entry);
      }
    }
    for (const [path, target] of pendingLinks) {
      const content = found.get(target);
      const row = index.rowOf(path);
      const link = row === undefined ? undefined : index.get(row);
      if (content && options.onFile && link) await options.onFile(link, content);
      else if (content) files.set(path, content);
      else skipped.push({ path, reason: `hard link to ${target}, which is missing from the layer or too large` });
    }
  }
}

/** Skips an entry's body; undefined (nothing to wait for) when the source needs no skipping. */
function discard(entry: LayerEntry): Promise<void> | undefined {
  const done = entry.discard();
  return done === NOTHING_TO_DISCARD ? undefined : done;
}

/** Entries one at a time, as batches of one. */
async function* oneByOne(entries: AsyncIterable<LayerEntry>): AsyncGenerator<readonly LayerEntry[]> {
  for await (const entry of entries) yield [entry];
}

function toFileEntry(path: string, entry: LayerEntry): FileEntry {
  const { header } = entry;
  const file: FileEntry = {
    path,
    type: header.type,
    size: header.type === 'file' ? header.size : 0,
    mode: header.mode,
    uid: header.uid,
    gid: header.gid,
  };
  if (header.type === 'symlink' && header.linkname !== undefined) file.linkTarget = header.linkname;
  if (header.type === 'hardlink' && header.linkname !== undefined) file.linkTarget = normalisePath(header.linkname);
  return file;
}

/** Reads a body into one exactly-sized buffer (the body's own, when it comes in one piece that is all its own). */
async function readBody(entry: LayerEntry, size: number): Promise<Uint8Array> {
  let out: Uint8Array | undefined;
  let offset = 0;
  for await (const chunk of entry.body()) {
    if (offset + chunk.length > size) {
      throw Object.assign(new Error(`file grew while it was read (expected ${size} bytes)`), { code: 'ECHANGED' });
    }
    if (!out && chunk.length === size && chunk.byteOffset === 0 && chunk.buffer.byteLength === size) {
      out = chunk;
    } else {
      out ??= Buffer.allocUnsafe(size);
      out.set(chunk, offset);
    }
    offset += chunk.length;
  }
  out ??= Buffer.alloc(0);
  return offset === size ? out : out.subarray(0, offset);
}

const HOST_FILE_ERRORS = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ELOOP', 'EIO', 'ECHANGED']);

function isHostFileError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === 'string' && HOST_FILE_ERRORS.has((error as { code: string }).code)
  );
}
