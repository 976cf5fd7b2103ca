/**
 * Layers stored in local files (archive members or layout blobs). An uncompressed layer is read by seeking: only its
 * 512-byte headers and the bodies someone asked for are read, so listing a 1 GB layer costs a few megabytes of I/O.
 * Such a layer's diffID is not re-hashed (that would mean reading every byte); compressed layers stream through
 * decompression and are verified as usual.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { LucentError } from '../../../core/errors.ts';
import { compressionOf } from '../../compression.ts';
import {
  type EntryHeader,
  type EntryStreamOptions,
  type EntryType,
  type LayerEntry,
  NOTHING_TO_DISCARD,
  type RandomAccessFile,
} from '../../image.ts';
import { type TarLayerSpec, tarLayerEntries } from '../../layer-stream.ts';
import { fileRange, readRange } from '../../random-access.ts';
import { type TarMember, type TarRange, tarMembersIn } from './tar-index.ts';

/** Where a layer blob sits on disk. */
export interface LocalBlob {
  path: string;
  range: TarRange;
}

const TYPES: Record<string, EntryType> = {
  '0': 'file',
  '\0': 'file',
  '': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
};

/** Streams a local layer's entries: by seeking when it is an uncompressed tar, else through decompression. */
export async function* localLayerEntries(
  blob: LocalBlob,
  spec: TarLayerSpec,
  options: EntryStreamOptions = {},
): AsyncGenerator<LayerEntry> {
  for await (const batch of localLayerBatches(blob, spec, options)) yield* batch;
}

/**
 * The same entries a batch at a time: as many as one read of tar headers gives when seeking, one at a time when
 * decompressing (each must then be read or discarded before the next).
 */
export async function* localLayerBatches(
  blob: LocalBlob,
  spec: TarLayerSpec,
  options: EntryStreamOptions = {},
): AsyncGenerator<readonly LayerEntry[]> {
  const head = await readHead(blob);
  if (compressionOf(head) !== 'none' || blob.range.length === 0) {
    for await (const entry of tarLayerEntries(async () => rangeStream(blob), spec, options)) yield [entry];
    return;
  }
  // Members come in archive order, a batch per read; the walker resolves a path shipped twice (last one wins).
  // One open file serves the headers and every body read during the walk: no open and close per file.
  const handle = await open(blob.path, 'r');
  try {
    for await (const members of tarMembersIn(handle, spec.describe, blob.range)) {
      if (options.signal?.aborted) throw new Error('aborted');
      const last = members[members.length - 1];
      if (last) options.onBytes?.(last.offset + last.size - blob.range.start);
      yield members.map((member) => new LocalEntry(handle, member));
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new LucentError(
      'E_LAYER_CORRUPT',
      `${spec.describe} is corrupt or truncated (tar data): ${(error as Error).message}`,
      {
        hint: 'the image file is incomplete; export the image again',
        cause: error,
      },
    );
  } finally {
    await handle.close();
  }
  options.onBytes?.(blob.range.length);
}

/** Bodies are read in pieces of at most this size. */
const BODY_CHUNK = 1024 * 1024;

/** An entry of a seekable layer: its body is read only when asked for, so there is nothing to discard. */
class LocalEntry implements LayerEntry {
  readonly header: EntryHeader;
  private readonly handle: FileHandle;
  private readonly member: TarMember;

  /** Valid while the walk that listed it goes on: the file is closed after it. */
  constructor(handle: FileHandle, member: TarMember) {
    const type = TYPES[member.type] ?? 'other';
    this.handle = handle;
    this.member = member;
    this.header = {
      name: member.name,
      type,
      size: type === 'file' ? member.size : 0,
      mode: member.mode,
      uid: member.uid,
      gid: member.gid,
    };
    if (member.linkname) this.header.linkname = member.linkname;
  }

  async *body(): AsyncGenerator<Uint8Array> {
    const { offset, size } = this.member;
    if (this.header.type !== 'file') return;
    // One read for most files; a stream would cost an open, a close and several round trips each.
    for (let at = 0; at < size; at += BODY_CHUNK) {
      const piece = await readRange(this.handle, offset, size, at, BODY_CHUNK);
      if (piece.length === 0) throw new Error(`${this.header.name}: the layer ends inside this file`);
      yield piece;
    }
  }

  discard(): Promise<void> {
    return NOTHING_TO_DISCARD;
  }

  openRandomAccess(): Promise<RandomAccessFile> {
    if (this.header.type !== 'file') return Promise.reject(new Error(`${this.header.name} is not a regular file`));
    return Promise.resolve(fileRange(this.handle, this.member.offset, this.member.size));
  }
}

function rangeStream(blob: LocalBlob) {
  return createReadStream(blob.path, {
    start: blob.range.start,
    end: blob.range.start + blob.range.length - 1,
    highWaterMark: 256 * 1024,
  });
}

async function readHead(blob: LocalBlob): Promise<Buffer> {
  const handle = await open(blob.path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(4, blob.range.length));
    await handle.read(buffer, 0, buffer.length, blob.range.start);
    return buffer;
  } finally {
    await handle.close();
  }
}
