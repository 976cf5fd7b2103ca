/** Content-addressed blob stores an OCI layout can live in: a directory, or the members of a tar archive. */
import { createReadStream } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { LucentError } from '../../../core/errors.ts';
import { isDigest } from '../../digest.ts';
import type { LocalBlob } from '../archive/local-layer.ts';
import type { TarIndex } from '../archive/tar-index.ts';

/** Largest manifest, index or config blob Lucent reads into memory. */
export const MAX_METADATA_BYTES = 8 * 1024 * 1024;

/** Read access to `blobs/<alg>/<hex>` and the layout's root files. */
export interface BlobStore {
  describe: string;
  has(digest: string): Promise<boolean>;
  read(digest: string): Promise<Buffer>;
  open(digest: string): Promise<Readable>;
  /** Where a blob sits on disk, for reading layers by seeking. */
  locate(digest: string): Promise<LocalBlob>;
  /** A file at the layout root (`index.json`, `oci-layout`, `manifest.json`), or undefined. */
  readRoot(name: string): Promise<Buffer | undefined>;
}

function blobPath(digest: string): string {
  if (!isDigest(digest)) throw new LucentError('E_SOURCE_INVALID', `"${digest}" is not a valid blob digest`);
  const [algorithm, hex] = digest.split(':') as [string, string];
  return `blobs/${algorithm}/${hex}`;
}

function missing(store: string, digest: string): LucentError {
  return new LucentError('E_SOURCE_INVALID', `${store} is missing blob ${digest}`, {
    hint: 'the layout or archive is incomplete (was it exported for another platform only?)',
  });
}

/** A blob store over an OCI layout directory. */
export function directoryBlobStore(dir: string): BlobStore {
  return {
    describe: dir,
    has: (digest) =>
      access(join(dir, blobPath(digest))).then(
        () => true,
        () => false,
      ),
    async read(digest) {
      const file = join(dir, blobPath(digest));
      const info = await stat(file).catch(() => undefined);
      if (!info) throw missing(dir, digest);
      if (info.size > MAX_METADATA_BYTES) throw tooLarge(dir, digest, info.size);
      return readFile(file);
    },
    async open(digest) {
      const file = join(dir, blobPath(digest));
      if (!(await stat(file).catch(() => undefined))) throw missing(dir, digest);
      return createReadStream(file, { highWaterMark: 256 * 1024 });
    },
    async locate(digest) {
      const file = join(dir, blobPath(digest));
      const info = await stat(file).catch(() => undefined);
      if (!info) throw missing(dir, digest);
      return { path: file, range: { start: 0, length: info.size } };
    },
    readRoot: (name) => readFile(join(dir, name)).catch(() => undefined),
  };
}

/** A blob store over the members of an archive (OCI archive, containerd export, Docker ≥ 25 save). */
export function archiveBlobStore(index: TarIndex, describe: string): BlobStore {
  return {
    describe,
    has: async (digest) => index.has(blobPath(digest)),
    async read(digest) {
      if (!index.has(blobPath(digest))) throw missing(describe, digest);
      return index.read(blobPath(digest), MAX_METADATA_BYTES);
    },
    async open(digest) {
      if (!index.has(blobPath(digest))) throw missing(describe, digest);
      return index.open(blobPath(digest));
    },
    async locate(digest) {
      if (!index.has(blobPath(digest))) throw missing(describe, digest);
      return index.locate(blobPath(digest));
    },
    readRoot: async (name) => (index.has(name) ? index.read(name, MAX_METADATA_BYTES) : undefined),
  };
}

function tooLarge(store: string, digest: string, size: number): LucentError {
  return new LucentError('E_SOURCE_INVALID', `${store}: blob ${digest} is ${size} bytes, too large for metadata`);
}
