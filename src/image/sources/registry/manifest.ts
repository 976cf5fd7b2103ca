/**
 * From a reference to one image manifest: fetch by tag or digest, verify the bytes, and when the answer is an index
 * (a Docker manifest list or an OCI image index) pick the entry for the wanted platform and fetch that.
 * Digests: https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 */
import { LucentError } from '../../../core/errors.ts';
import { isDigest, sha256Digest, verifyBytes } from '../../digest.ts';
import type { Platform } from '../../image.ts';
import { type Descriptor, type ImageManifest, MEDIA_TYPES, parseManifestDocument } from '../../manifest-schema.ts';
import { pickPlatform } from '../../platform.ts';
import { type ImageReference, manifestReference } from './reference.ts';
import type { FetchedManifest, RegistryClient } from './registry-client.ts';
import { IMAGE_CONFIG_TYPES, MANIFEST_ACCEPT } from './schema.ts';

/** Manifests and configs are a few KiB; anything past this is broken or hostile. */
export const METADATA_LIMIT = 4 * 1024 * 1024;

/** The image manifest chosen for a reference. */
export interface ResolvedManifest {
  manifest: ImageManifest;
  digest: string;
  mediaType: string;
  /** The index it was picked from, with the platform its entry declared. */
  index?: { digest: string; mediaType: string; platform?: Platform };
}

/** Fetches the manifest a reference names, going through an index to the wanted platform when there is one. */
export async function resolveManifest(
  client: RegistryClient,
  reference: ImageReference,
  wanted: Platform,
  name: string,
): Promise<ResolvedManifest> {
  const requested = manifestReference(reference);
  const top = await client.getManifest(requested, MANIFEST_ACCEPT, METADATA_LIMIT);
  const topDigest = verifiedDigest(top, reference.digest, `manifest of ${name}`);
  const document = parseManifestDocument(top.bytes, top.contentType, `manifest ${topDigest} of ${name}`);
  if (document.kind === 'manifest') {
    return {
      manifest: checkImageManifest(document.manifest, `manifest ${topDigest} of ${name}`),
      digest: topDigest,
      mediaType: mediaTypeOf(top, document.manifest.mediaType, MEDIA_TYPES.ociManifest),
    };
  }

  const indexType = mediaTypeOf(top, document.index.mediaType, MEDIA_TYPES.ociIndex);
  const entry = pickEntry(document.index.manifests, wanted, `${name} (index ${topDigest})`);
  if (!isDigest(entry.digest)) {
    throw new LucentError(
      'E_SOURCE_INVALID',
      `index ${topDigest} of ${name} lists an invalid digest "${entry.digest}"`,
    );
  }
  const child = await client.getManifest(entry.digest, MANIFEST_ACCEPT, METADATA_LIMIT);
  const childDigest = verifiedDigest(child, entry.digest, `manifest ${entry.digest} of ${name}`);
  const what = `manifest ${childDigest} of ${name}`;
  const picked = parseManifestDocument(child.bytes, child.contentType || entry.mediaType, what);
  if (picked.kind !== 'manifest') {
    throw new LucentError('E_MANIFEST_UNSUPPORTED', `${what} is an index nested in an index, which is unsupported`, {
      hint: 'pin the inner index by digest (NAME@sha256:…) to read it',
    });
  }
  return {
    manifest: checkImageManifest(picked.manifest, what),
    digest: childDigest,
    mediaType: mediaTypeOf(child, picked.manifest.mediaType, entry.mediaType || MEDIA_TYPES.ociManifest),
    index: { digest: topDigest, mediaType: indexType, ...(entry.platform ? { platform: entry.platform } : {}) },
  };
}

/**
 * The digest of fetched manifest bytes, verified: against the digest asked for when fetched by digest, else against
 * the registry's `Docker-Content-Digest` when it sent one, else computed (sha256, as registries use).
 */
function verifiedDigest(fetched: FetchedManifest, expected: string | undefined, what: string): string {
  if (expected !== undefined) {
    verifyBytes(fetched.bytes, expected, what);
    return expected;
  }
  if (fetched.headerDigest !== undefined && isDigest(fetched.headerDigest)) {
    verifyBytes(fetched.bytes, fetched.headerDigest, `${what} (against its Docker-Content-Digest header)`);
    return fetched.headerDigest;
  }
  return sha256Digest(fetched.bytes);
}

function pickEntry(entries: Descriptor[], wanted: Platform, where: string): Descriptor {
  // Some single-entry OCI indexes carry no platform at all; that entry is the image.
  const images = entries.filter((entry) => entry.mediaType !== MEDIA_TYPES.ociIndex);
  if (images.length === 1 && images.every((entry) => !entry.platform)) return images[0] as Descriptor;
  return pickPlatform(entries, wanted, where);
}

/** Rejects manifests that are not container images: OCI artifacts, and encrypted layers Lucent cannot read. */
function checkImageManifest(manifest: ImageManifest, what: string): ImageManifest {
  const configType = manifest.config.mediaType;
  if (configType && !IMAGE_CONFIG_TYPES.has(configType)) {
    throw new LucentError(
      'E_MANIFEST_UNSUPPORTED',
      `${what} is not a container image: its config has media type ${configType} (an OCI artifact)`,
      { hint: 'point Lucent at the image itself, not at a signature, attestation, chart or other artifact' },
    );
  }
  const encrypted = manifest.layers.find((layer) => layer.mediaType.includes('+encrypted'));
  if (encrypted) {
    throw new LucentError('E_MANIFEST_UNSUPPORTED', `${what} has an encrypted layer (${encrypted.mediaType})`, {
      hint: 'decrypt the image first, e.g. with `skopeo copy --decryption-key`',
    });
  }
  return manifest;
}

function mediaTypeOf(fetched: FetchedManifest, declared: string | undefined, fallback: string): string {
  return (
    declared || (fetched.contentType && fetched.contentType !== 'application/json' ? fetched.contentType : fallback)
  );
}
