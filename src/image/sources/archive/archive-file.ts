/**
 * Opens an image archive file for random access. A gzip- or zstd-compressed archive (`docker save | gzip`) cannot be
 * seeked, so it is decompressed once into a private temp directory that `close()` removes; the archive's members are
 * still never extracted. With a cache, what such an archive holds is remembered (`archive-summary.ts`), and a later
 * run decompresses it only if it walks a layer.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { LucentError } from '../../../core/errors.ts';
import { type Compression, compressionOf } from '../../compression.ts';
import { type LayerCache, layerCacheKey } from '../../layer-cache.ts';
import { archiveIdentity } from './archive-identity.ts';
import { ARCHIVE_SUMMARY_VERSION, type ArchiveSummary, summarizeArchive, summaryIndex } from './archive-summary.ts';
import { indexTarFile, type TarIndex } from './tar-index.ts';

/** An opened archive and how to release it. */
export interface OpenArchive {
  index: TarIndex;
  close(): Promise<void>;
}

/** Reads the first bytes of a file. */
export async function fileHead(path: string, length = 512): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** How to open an archive. */
export interface OpenArchiveOptions {
  /** Where summaries of compressed archives are kept. */
  cache?: LayerCache;
}

/** Indexes an archive, decompressing it to a temp file first when it is compressed (and not summarized already). */
export async function openArchive(path: string, options: OpenArchiveOptions = {}): Promise<OpenArchive> {
  const compression = compressionOf(await fileHead(path, 4));
  if (compression === 'none') return { index: await indexTarFile(path), close: async () => undefined };
  const { cache } = options;
  const key = cache
    ? layerCacheKey({ diffId: await archiveIdentity(path), producers: [`archive-summary@${ARCHIVE_SUMMARY_VERSION}`] })
    : undefined;
  const summary = cache && key ? await cache.get<ArchiveSummary>(key) : undefined;
  if (summary && Array.isArray(summary.members)) {
    let opened: Promise<OpenArchive> | undefined;
    const materialize = () => {
      opened ??= decompressed(path, compression);
      return opened.then((archive) => archive.index);
    };
    return {
      index: summaryIndex(summary, path, materialize),
      close: async () => {
        if (opened) await (await opened.catch(() => undefined))?.close();
      },
    };
  }
  const archive = await decompressed(path, compression);
  if (cache && key) {
    const made = await summarizeArchive(archive.index);
    if (made) await cache.put(key, made);
  }
  return archive;
}

/** Bytes per read, decompression output chunk and write. */
const PIECE = 1024 * 1024;

/** Decompresses an archive into a private temp file and indexes it. */
async function decompressed(path: string, compression: Exclude<Compression, 'none'>): Promise<OpenArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-archive-'));
  const plain = join(dir, 'archive.tar');
  try {
    // Large pieces: with the default 16 KiB ones, a few megabytes take hundreds of writes, one round trip each.
    await pipeline(
      createReadStream(path, { highWaterMark: PIECE }),
      compression === 'gzip' ? createGunzip({ chunkSize: PIECE }) : createZstdDecompress({ chunkSize: PIECE }),
      createWriteStream(plain, { highWaterMark: PIECE }),
    );
    return { index: await indexTarFile(plain, path), close: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (error instanceof LucentError) throw error;
    throw new LucentError('E_SOURCE_INVALID', `${path} is a corrupt or truncated ${compression} archive`, {
      hint: 'the file is incomplete; export the image again',
      cause: error,
    });
  }
}
