/**
 * Reads an image from an OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md):
 * `index.json` → (nested indexes) → the manifest for the wanted platform → config and layers. Manifests whose blobs
 * are absent are skipped, since `ctr export` and `docker save` keep only the platforms that were pulled.
 */
import { LucentError } from '../../../core/errors.ts';
import { layersFromManifest, parseImageConfig, platformOf } from '../../assemble.ts';
import { verifyBytes } from '../../digest.ts';
import type { EntryStreamOptions, Image, LayerEntry, Platform, SourceKind } from '../../image.ts';
import type { TarLayerSpec } from '../../layer-stream.ts';
import { type Descriptor, MEDIA_TYPES, parseManifestDocument } from '../../manifest-schema.ts';
import { formatPlatform, hostPlatform, pickPlatform } from '../../platform.ts';
import { localLayerBatches, localLayerEntries } from '../archive/local-layer.ts';
import type { BlobStore } from './blob-store.ts';

/** How to read a layout. */
export interface LayoutOptions {
  source: { kind: SourceKind; reference: string };
  /** The platform to pick from a multi-platform layout; the host's when not given. */
  platform?: Platform;
  close?: () => Promise<void>;
}

const NAME_ANNOTATIONS = ['io.containerd.image.name', 'org.opencontainers.image.ref.name'];

/** A manifest descriptor found by walking the layout's indexes, with the index it came from. */
interface Candidate {
  descriptor: Descriptor;
  platform?: Platform;
  parent?: { digest: string; mediaType: string };
  name?: string;
}

/** Reads the image a layout holds for the wanted platform. */
export async function readOciLayout(store: BlobStore, options: LayoutOptions): Promise<Image> {
  const root = await store.readRoot('index.json');
  if (!root) throw new LucentError('E_SOURCE_INVALID', `${store.describe} has no index.json; it is not an OCI layout`);
  const top = parseManifestDocument(root, MEDIA_TYPES.ociIndex, `${store.describe}/index.json`);
  if (top.kind !== 'index') throw new LucentError('E_SOURCE_INVALID', `${store.describe}/index.json is not an index`);
  const candidates = await collectCandidates(store, top.index.manifests, undefined, 0);
  if (candidates.length === 0) {
    throw new LucentError('E_SOURCE_INVALID', `${store.describe} holds no image manifest whose blobs are all present`);
  }
  const chosen = await choose(store, candidates, options.platform);
  return readManifest(store, chosen, options);
}

async function collectCandidates(
  store: BlobStore,
  descriptors: Descriptor[],
  parent: Candidate['parent'],
  depth: number,
): Promise<Candidate[]> {
  if (depth > 4) throw new LucentError('E_SOURCE_INVALID', `${store.describe} nests indexes too deeply`);
  const out: Candidate[] = [];
  for (const descriptor of descriptors) {
    if (!(await store.has(descriptor.digest))) continue;
    const bytes = await store.read(descriptor.digest);
    verifyBytes(bytes, descriptor.digest, `manifest ${descriptor.digest} in ${store.describe}`);
    const document = parseManifestDocument(bytes, descriptor.mediaType, `manifest ${descriptor.digest}`);
    const name = NAME_ANNOTATIONS.map((key) => descriptor.annotations?.[key]).find(Boolean);
    if (document.kind === 'index') {
      const self = { digest: descriptor.digest, mediaType: descriptor.mediaType || MEDIA_TYPES.ociIndex };
      const nested = await collectCandidates(store, document.index.manifests, self, depth + 1);
      out.push(...nested.map((candidate) => (name && !candidate.name ? { ...candidate, name } : candidate)));
      continue;
    }
    const blobs = [document.manifest.config, ...document.manifest.layers];
    const present = await Promise.all(blobs.map((blob) => store.has(blob.digest)));
    if (present.every(Boolean)) {
      out.push({
        descriptor,
        ...(descriptor.platform ? { platform: descriptor.platform } : {}),
        ...(parent ? { parent } : {}),
        ...(name ? { name } : {}),
      });
    }
  }
  return out;
}

async function choose(store: BlobStore, candidates: Candidate[], wanted: Platform | undefined): Promise<Candidate> {
  if (candidates.length === 1 && !wanted) return candidates[0] as Candidate;
  // Manifests without a platform in their descriptor get it from their config.
  const withPlatforms = await Promise.all(
    candidates.map(async (candidate) => {
      if (candidate.platform) return candidate;
      const bytes = await store.read(candidate.descriptor.digest);
      const document = parseManifestDocument(bytes, candidate.descriptor.mediaType, 'manifest');
      if (document.kind !== 'manifest') return candidate;
      const config = parseImageConfig(await store.read(document.manifest.config.digest), 'config');
      const platform = platformOf(config);
      return platform ? { ...candidate, platform } : candidate;
    }),
  );
  const target = wanted ?? hostPlatform();
  if (!wanted && withPlatforms.every((candidate) => !candidate.platform)) return withPlatforms[0] as Candidate;
  return pickPlatform(withPlatforms, target, store.describe);
}

async function readManifest(store: BlobStore, chosen: Candidate, options: LayoutOptions): Promise<Image> {
  const digest = chosen.descriptor.digest;
  const document = parseManifestDocument(await store.read(digest), chosen.descriptor.mediaType, `manifest ${digest}`);
  if (document.kind !== 'manifest') throw new LucentError('E_INTERNAL', 'expected an image manifest');
  const { manifest } = document;
  const configBytes = await store.read(manifest.config.digest);
  verifyBytes(configBytes, manifest.config.digest, `config blob ${manifest.config.digest}`);
  const config = parseImageConfig(configBytes, `config blob ${manifest.config.digest}`);
  const { layers, history } = layersFromManifest({
    manifest,
    config,
    what: `manifest ${digest} in ${store.describe}`,
    hint: 'the image is malformed; rebuild or re-export it',
    entries: (descriptor, check, streamOptions) => localLayerBlob(store, descriptor.digest, check, streamOptions),
    entryBatches: (descriptor, check, streamOptions) =>
      localLayerBlobBatches(store, descriptor.digest, check, streamOptions),
    strict: false,
  });
  const platform = platformOf(config) ?? chosen.platform;
  const image: Image = {
    source: options.source,
    name: chosen.name ?? options.source.reference,
    manifest: { digest, mediaType: chosen.descriptor.mediaType || manifest.mediaType || MEDIA_TYPES.ociManifest },
    configDigest: manifest.config.digest,
    config,
    history,
    layers,
    repoTags: chosen.name ? [chosen.name] : [],
    warnings: [],
    close: options.close ?? (async () => undefined),
  };
  if (chosen.parent) image.index = chosen.parent;
  if (platform) image.platform = platform;
  if (chosen.platform && platform && formatPlatform(chosen.platform) !== formatPlatform(platform)) {
    image.warnings.push(
      `the index says ${formatPlatform(chosen.platform)} but the config says ${formatPlatform(platform)}`,
    );
  }
  return image;
}

/** A layout's layer, read from its blob on disk (by seeking when uncompressed). */
async function* localLayerBlob(
  store: BlobStore,
  digest: string,
  check: TarLayerSpec,
  options: EntryStreamOptions | undefined,
): AsyncGenerator<LayerEntry> {
  yield* localLayerEntries(await store.locate(digest), check, options);
}

/** The same, a batch at a time. */
async function* localLayerBlobBatches(
  store: BlobStore,
  digest: string,
  check: TarLayerSpec,
  options: EntryStreamOptions | undefined,
): AsyncGenerator<readonly LayerEntry[]> {
  yield* localLayerBatches(await store.locate(digest), check, options);
}
