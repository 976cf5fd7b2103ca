/**
 * Layers stored in local files (archive members or layout blobs). An uncompressed layer is read by seeking: only its
 * 512-byte headers and the bodies someone asked for are read, so listing a 1 GB layer costs a few megabytes of I/O.
 * Such a layer's diffID is not re-hashed (that would mean reading every byte); compressed layers stream through
 * decompression and are verified as usual.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { LucentError } from '../../../core/errors.ts';
import { compressionOf } from '../../compression.ts';
import type { EntryStreamOptions, EntryType, LayerEntry } from '../../image.ts';
import { type TarLayerSpec, tarLayerEntries } from '../../layer-stream.ts';
import { openFileRange } from '../../random-access.ts';
import { type TarMember, type TarRange, tarMembers } from './tar-index.ts';

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
  const head = await readHead(blob);
  if (compressionOf(head) !== 'none' || blob.range.length === 0) {
    yield* tarLayerEntries(async () => rangeStream(blob), spec, options);
    return;
  }
  // Members stream in archive order, a batch per read; the walker resolves a path shipped twice (last one wins).
  try {
    for await (const batch of tarMembers(blob.path, spec.describe, blob.range)) {
      for (const member of batch) {
        if (options.signal?.aborted) throw new Error('aborted');
        options.onBytes?.(member.offset + member.size - blob.range.start);
        yield entryOf(blob.path, member);
      }
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
  }
  options.onBytes?.(blob.range.length);
}

function entryOf(path: string, member: TarMember): LayerEntry {
  const type = TYPES[member.type] ?? 'other';
  return {
    header: {
      name: member.name,
      type,
      size: type === 'file' ? member.size : 0,
      mode: member.mode,
      uid: member.uid,
      gid: member.gid,
      ...(member.linkname ? { linkname: member.linkname } : {}),
    },
    body: () =>
      type === 'file' && member.size > 0
        ? createReadStream(path, {
            start: member.offset,
            end: member.offset + member.size - 1,
            highWaterMark: 256 * 1024,
          })
        : emptyBody(),
    discard: async () => undefined,
    ...(type === 'file' ? { openRandomAccess: () => openFileRange(path, member.offset, member.size) } : {}),
  };
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {
  // A body with no bytes.
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
