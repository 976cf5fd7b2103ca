/**
 * Streams the entries of a tar layer: stored bytes → digest check → decompression (sniffed: gzip, zstd or none;
 * eStargz is gzip) → diffID check → tar parse. Nothing is written to disk and only one entry is in flight at a time,
 * so memory stays bounded whatever the layer's size.
 */
import { Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import type { extract, Header } from 'tar-stream';
import { isLucentError, LucentError } from '../core/errors.ts';
import { type Compression, compressionOf } from './compression.ts';
import { verifyingStream } from './digest.ts';
import type { EntryHeader, EntryStreamOptions, EntryType, LayerEntry } from './image.ts';

/** How to check and name a tar layer while streaming it. */
export interface TarLayerSpec {
  /** How the layer is named in errors, e.g. `layer 2 (sha256:ab…)`. */
  describe: string;
  /** Digest of the stored bytes, checked when given. */
  blobDigest?: string;
  /** Digest of the uncompressed tar, checked when given. */
  diffId?: string;
  /**
   * Whether a digest mismatch stops the walk (the default, and always for registries). Local archives are lenient:
   * a file edited after export is read for what it holds, the mismatch is reported as a warning, and the layer is
   * not cached under the digest it no longer has.
   */
  strict?: boolean;
}

const INFLATE_CHUNK = 256 * 1024;

/** eStargz appends its table of contents as ordinary tar entries; they are not part of the filesystem. */
const ESTARGZ_ENTRIES = new Set(['stargz.index.json', '.prefetch.landmark', '.no.prefetch.landmark']);

const ENTRY_TYPES: Partial<Record<Header['type'], EntryType>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char-device',
  'block-device': 'block-device',
  fifo: 'fifo',
};

/** Streams the entries of a tar layer whose stored bytes `open` returns. */
export async function* tarLayerEntries(
  open: () => Promise<Readable>,
  spec: TarLayerSpec,
  options: EntryStreamOptions = {},
): AsyncGenerator<LayerEntry> {
  // Sniffing reads from the stored stream itself and puts the bytes back, so every stage below sees them all.
  const { head, stream } = await sniff(await open());
  const compression = compressionOf(head);
  const stages: NodeJS.ReadWriteStream[] = [byteCounter(options.onBytes)];
  const lenient = spec.strict === false ? (error: Error) => options.onIntegrityWarning?.(error.message) : undefined;
  if (spec.blobDigest) {
    stages.push(verifyingStream(spec.blobDigest, `blob ${spec.blobDigest} of ${spec.describe}`, lenient));
  }
  // Larger output chunks than zlib's 16 KiB default: far fewer callbacks and stream hops per layer.
  if (compression === 'gzip') stages.push(createGunzip({ chunkSize: INFLATE_CHUNK }));
  if (compression === 'zstd') stages.push(createZstdDecompress({ chunkSize: INFLATE_CHUNK }));
  if (spec.diffId) {
    stages.push(verifyingStream(spec.diffId, `uncompressed content (diffID) of ${spec.describe}`, lenient));
  }
  // The tar parser loads only when a layer is streamed: warm runs and seekable layers never need it.
  const parser = (await import('tar-stream')).extract();
  const failure = (error: unknown) => layerError(error, spec.describe, compression);
  const done = pipeline([stream, ...stages, intoParser(parser)] as unknown as [Readable, Writable]).then(
    () => undefined,
    (error: unknown) => {
      parser.destroy(error as Error);
      return error;
    },
  );
  options.signal?.addEventListener('abort', () => stream.destroy(new Error('aborted')), { once: true });
  try {
    for await (const entry of parser) {
      const header = toHeader(entry.header);
      if (compression === 'gzip' && ESTARGZ_ENTRIES.has(header.name)) {
        await drain(entry);
        continue;
      }
      yield {
        header,
        body: () => mapErrors(entry as AsyncIterable<Uint8Array>, failure),
        discard: () => drain(entry).catch((error: unknown) => Promise.reject(failure(error))),
      };
      // A consumer that neither read nor discarded the body would stall the parser; finish it here.
      await drain(entry);
    }
    const pipelineError = await done;
    if (pipelineError) throw pipelineError;
  } catch (error) {
    throw failure(error);
  } finally {
    stream.destroy();
  }
}

function toHeader(header: Header): EntryHeader {
  return {
    name: header.name,
    type: (header.type && ENTRY_TYPES[header.type]) ?? 'other',
    size: header.size ?? 0,
    mode: header.mode ?? 0,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    ...(header.linkname ? { linkname: header.linkname } : {}),
  };
}

function layerError(error: unknown, describe: string, compression: Compression): Error {
  if (isLucentError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const what = compression === 'none' ? 'tar data' : `${compression} data`;
  return new LucentError('E_LAYER_CORRUPT', `${describe} is corrupt or truncated (${what}): ${reason}`, {
    hint: 'the image file or download is incomplete; export or pull the image again',
    cause: error,
  });
}

/** Reads the first bytes of a stream without consuming them. */
async function sniff(stream: Readable): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for (;;) {
    const chunk: Buffer | null = stream.read();
    if (chunk !== null) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= 4) break;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) break;
    const ended = await new Promise<boolean>((resolve, reject) => {
      const onReadable = () => finish(false);
      const onEnd = () => finish(true);
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        stream.off('readable', onReadable).off('end', onEnd).off('error', onError);
      };
      const finish = (value: boolean) => {
        cleanup();
        resolve(value);
      };
      stream.on('readable', onReadable).on('end', onEnd).on('error', onError);
    });
    if (ended) break;
  }
  const head = Buffer.concat(chunks);
  if (head.length > 0) stream.unshift(head);
  return { head, stream };
}

function byteCounter(onBytes: ((bytes: number) => void) | undefined): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      onBytes?.(total);
      callback(null, chunk);
    },
  });
}

/** Passes a body through, turning stream errors into the layer's error. */
async function* mapErrors(
  body: AsyncIterable<Uint8Array>,
  failure: (error: unknown) => Error,
): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    throw failure(error);
  }
}

/** Reads and drops what is left of an entry's body. */
async function drain(entry: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of entry) {
    // discarded
  }
}

/** A Node writable that feeds the (streamx) tar parser, honouring its backpressure. */
function intoParser(parser: ReturnType<typeof extract>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (parser.write(chunk)) callback();
      else parser.once('drain', () => callback());
    },
    final(callback) {
      parser.end(undefined);
      callback();
    },
  });
}

/** Wraps a buffer as a stored layer, for tests and in-memory sources. */
export function bufferSource(bytes: Uint8Array): () => Promise<Readable> {
  return async () => Readable.from([Buffer.from(bytes)]);
}
