/**
 * Opens an image archive file for random access. A gzip- or zstd-compressed archive (`docker save | gzip`) cannot be
 * seeked, so it is decompressed once into a private temp directory that `close()` removes; the archive's members are
 * still never extracted.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { LucentError } from '../../../core/errors.ts';
import { compressionOf } from '../../compression.ts';
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

/** Indexes an archive, decompressing it to a temp file first when it is compressed. */
export async function openArchive(path: string): Promise<OpenArchive> {
  const compression = compressionOf(await fileHead(path, 4));
  if (compression === 'none') return { index: await indexTarFile(path), close: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'lucent-archive-'));
  const plain = join(dir, 'archive.tar');
  try {
    await pipeline(
      createReadStream(path),
      compression === 'gzip' ? createGunzip() : createZstdDecompress(),
      createWriteStream(plain),
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
