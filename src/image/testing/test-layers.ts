/** Builds small tar layers in memory, for tests of the walker and its sources. */
import { Readable } from 'node:stream';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { sha256Digest } from '../digest.ts';
import type { Layer } from '../image.ts';
import { tarLayerEntries } from '../layer-stream.ts';

/** One entry to put in a test layer. */
export interface TestEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string | Uint8Array;
  linkname?: string;
  mode?: number;
}

/** The bytes of a tar archive holding the entries. */
export async function tarBytes(entries: TestEntry[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  // Read while entries are added, so the pack stream never stalls on backpressure.
  const reading = (async () => {
    for await (const chunk of archive) chunks.push(Buffer.from(chunk as Uint8Array));
  })();
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const content = entry.content === undefined ? Buffer.alloc(0) : Buffer.from(entry.content);
    const header = {
      name: entry.name,
      type,
      mode: entry.mode ?? (type === 'directory' ? 0o755 : 0o644),
      size: type === 'file' ? content.length : 0,
      ...(entry.linkname ? { linkname: entry.linkname } : {}),
    };
    if (type === 'file') archive.entry(header, content);
    else archive.entry(header);
  }
  archive.finalize();
  await reading;
  return Buffer.concat(chunks);
}

/** A layer over in-memory tar bytes, compressed as asked. */
export function memoryLayer(
  tar: Buffer,
  options: { index?: number; compression?: 'gzip' | 'zstd' | 'none'; diffId?: string; strict?: boolean } = {},
): Layer {
  const compression = options.compression ?? 'none';
  const stored = compression === 'gzip' ? gzipSync(tar) : compression === 'zstd' ? zstdCompressSync(tar) : tar;
  const index = options.index ?? 0;
  const digest = sha256Digest(stored);
  const diffId = options.diffId ?? sha256Digest(tar);
  return {
    index,
    digest,
    diffId,
    mediaType: 'test',
    size: stored.length,
    entries: (streamOptions) =>
      tarLayerEntries(
        async () => Readable.from([stored]),
        { describe: `layer ${index}`, blobDigest: digest, diffId, strict: options.strict ?? true },
        streamOptions,
      ),
  };
}
