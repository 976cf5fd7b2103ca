/**
 * Reads `docker save` archives: the legacy layout (`manifest.json`, `<id>/layer.tar`), Docker ≥ 25's layout (an OCI
 * layout plus `manifest.json`), containerd's `ctr export`, and skopeo's `docker-archive:` output. Archives that are
 * also OCI layouts are read as such, which gives the real manifest digest.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
// zod's v3 API, as the image's other metadata schemas (manifest-schema.ts says why).
import { z } from 'zod/v3';
import { LucentError } from '../../../core/errors.ts';
import { createdByPerLayer, diffIdsOf, historyOf, parseImageConfig, platformOf } from '../../assemble.ts';
import { type Compression, compressionOf } from '../../compression.ts';
import { sha256Digest, verifyBytes } from '../../digest.ts';
import type { Image, Layer, Platform, SourceKind } from '../../image.ts';
import { MEDIA_TYPES } from '../../manifest-schema.ts';
import { archiveBlobStore, MAX_METADATA_BYTES } from '../layout/blob-store.ts';
import { readOciLayout } from '../layout/oci-layout.ts';
import type { OpenArchive } from './archive-file.ts';
import { localLayerBatches, localLayerEntries } from './local-layer.ts';
import type { TarIndex } from './tar-index.ts';

const dockerManifestSchema = z.array(
  z
    .object({
      Config: z.string(),
      RepoTags: z.array(z.string()).nullish(),
      Layers: z.array(z.string()),
      LayerSources: z
        .record(z.string(), z.object({ mediaType: z.string(), size: z.number(), digest: z.string() }).passthrough())
        .nullish(),
    })
    .passthrough(),
);

/** How to read an archive. */
export interface ArchiveOptions {
  source: { kind: SourceKind; reference: string };
  platform?: Platform;
}

/** True when the archive holds an OCI layout. */
export function isOciLayoutArchive(index: TarIndex): boolean {
  return index.has('index.json') && index.has('oci-layout');
}

/** True when the archive holds a `docker save` manifest. */
export function isDockerArchive(index: TarIndex): boolean {
  return index.has('manifest.json');
}

/** Reads the image from an opened `docker save`-style archive (taking ownership of closing it). */
export async function readDockerArchive(archive: OpenArchive, options: ArchiveOptions): Promise<Image> {
  const { index } = archive;
  try {
    if (isOciLayoutArchive(index)) {
      const image = await readOciLayout(archiveBlobStore(index, options.source.reference), {
        ...options,
        close: archive.close,
      }).catch((error: unknown) => {
        // Docker ≥ 25 writes both layouts; when its OCI index is empty, its manifest.json still describes the image.
        if (isDockerArchive(index) && error instanceof LucentError && error.code === 'E_SOURCE_INVALID')
          return undefined;
        throw error;
      });
      if (!image) return await readLegacy(archive, options);
      const tags = await repoTagsFor(index, image.configDigest);
      if (tags.length > 0) image.repoTags = tags;
      if (tags[0] && image.name === options.source.reference) image.name = tags[0];
      return image;
    }
    if (!isDockerArchive(index)) {
      throw new LucentError(
        'E_SOURCE_INVALID',
        `${options.source.reference} has neither manifest.json nor index.json`,
        {
          hint: 'it is not an image archive; for a plain filesystem tarball, extract it and use dir:PATH',
        },
      );
    }
    return await readLegacy(archive, options);
  } catch (error) {
    await archive.close();
    throw error;
  }
}

async function readManifestJson(index: TarIndex, describe: string) {
  const bytes = await index.read('manifest.json', MAX_METADATA_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new LucentError('E_SOURCE_INVALID', `${describe}: manifest.json is not valid JSON`, { cause: error });
  }
  const parsed = dockerManifestSchema.safeParse(json);
  if (!parsed.success || parsed.data.length === 0) {
    throw new LucentError('E_SOURCE_INVALID', `${describe}: manifest.json does not describe any image`);
  }
  return parsed.data;
}

async function repoTagsFor(index: TarIndex, configDigest: string | undefined): Promise<string[]> {
  if (!configDigest || !index.has('manifest.json')) return [];
  const entries = await readManifestJson(index, 'archive').catch(() => []);
  const hex = configDigest.split(':')[1] ?? '';
  return entries.find((entry) => entry.Config.includes(hex))?.RepoTags ?? [];
}

async function readLegacy(archive: OpenArchive, options: ArchiveOptions): Promise<Image> {
  const { index } = archive;
  const describe = options.source.reference;
  const entries = await readManifestJson(index, describe);
  const entry = entries[0] as (typeof entries)[number];
  const warnings: string[] = [];
  if (entries.length > 1) {
    const names = entries.map((item) => item.RepoTags?.[0] ?? item.Config).join(', ');
    warnings.push(`the archive holds ${entries.length} images (${names}); reading the first`);
  }
  const configBytes = await index.read(entry.Config, MAX_METADATA_BYTES);
  const configDigest = sha256Digest(configBytes);
  const namedDigest = digestFromPath(entry.Config);
  if (namedDigest) verifyBytes(configBytes, namedDigest, `config ${entry.Config} in ${describe}`);
  const config = parseImageConfig(configBytes, `config ${entry.Config} in ${describe}`);
  let diffIds = diffIdsOf(config);
  if (diffIds.length !== entry.Layers.length) {
    warnings.push(
      `manifest.json lists ${entry.Layers.length} layers but the config lists ${diffIds.length} diffIDs; ` +
        'the layers were read as listed, their diffIDs computed from their content, and history may not line up',
    );
    diffIds = await Promise.all(entry.Layers.map((path) => computeDiffId(index, path)));
  }
  const history = historyOf(config, entry.Layers.length);
  const createdBy = createdByPerLayer(history);
  const layers = await Promise.all(
    entry.Layers.map(async (path, layerIndex): Promise<Layer> => {
      const diffId = diffIds[layerIndex] as string;
      const source = entry.LayerSources?.[diffId];
      const blobDigest = digestFromPath(path) ?? source?.digest;
      const compression = compressionOf(await firstBytes(index, path));
      const check = {
        describe: `layer ${layerIndex} (${path})`,
        diffId,
        strict: false,
        ...(blobDigest ? { blobDigest } : {}),
      };
      const layer: Layer = {
        index: layerIndex,
        digest: blobDigest ?? diffId,
        diffId,
        mediaType: source?.mediaType ?? mediaTypeFor(compression),
        size: index.members.get(path)?.size ?? -1,
        entries: async function* (streamOptions) {
          yield* localLayerEntries(await index.locate(path), check, streamOptions);
        },
        entryBatches: async function* (streamOptions) {
          yield* localLayerBatches(await index.locate(path), check, streamOptions);
        },
      };
      const line = createdBy.get(layerIndex);
      if (line) layer.createdBy = line;
      return layer;
    }),
  );
  const image: Image = {
    source: options.source,
    name: entry.RepoTags?.[0] ?? describe,
    configDigest,
    config,
    history,
    layers,
    repoTags: entry.RepoTags ?? [],
    warnings,
    close: archive.close,
  };
  const platform = platformOf(config);
  if (platform) image.platform = platform;
  return image;
}

/** `blobs/sha256/<hex>` and `<hex>.json` name their content's digest. */
function digestFromPath(path: string): string | undefined {
  const match = /(?:^|\/)(?:blobs\/sha256\/)?([a-f0-9]{64})(?:\.json|\.tar)?$/.exec(path);
  return match && path.includes('blobs/sha256/') ? `sha256:${match[1]}` : undefined;
}

function mediaTypeFor(compression: Compression): string {
  if (compression === 'gzip') return MEDIA_TYPES.dockerLayer;
  if (compression === 'zstd') return `${MEDIA_TYPES.ociLayer}+zstd`;
  return MEDIA_TYPES.dockerLayerTar;
}

function firstBytes(index: TarIndex, path: string): Promise<Buffer> {
  return index.head(path, 4);
}

/** Hashes a layer's uncompressed content, for archives whose config does not list it. */
async function computeDiffId(index: TarIndex, path: string): Promise<string> {
  const compression = compressionOf(await firstBytes(index, path));
  const hash = createHash('sha256');
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback();
    },
  });
  const stages = compression === 'gzip' ? [createGunzip()] : compression === 'zstd' ? [createZstdDecompress()] : [];
  await pipeline([index.open(path), ...stages, sink] as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream]);
  return `sha256:${hash.digest('hex')}`;
}
