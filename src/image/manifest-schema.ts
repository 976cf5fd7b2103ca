/**
 * Validation of manifests and indexes at the boundary: Docker v2 schema 2, OCI image manifest v1, Docker manifest
 * list and OCI image index. Specs: https://github.com/opencontainers/image-spec/blob/main/manifest.md,
 * https://github.com/opencontainers/image-spec/blob/main/image-index.md,
 * https://distribution.github.io/distribution/spec/manifest-v2-2/
 */
// The v3 API that zod 4 still ships: it loads 10 modules where zod 4 loads 95 (about 50 ms of CPU at start-up), and
// this schema is read on every image's path.
import { z } from 'zod/v3';
import { LucentError } from '../core/errors.ts';

/** Media types Lucent understands. */
export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  dockerLayerTar: 'application/vnd.docker.image.rootfs.diff.tar',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
} as const;

const platformSchema = z
  .object({ os: z.string(), architecture: z.string(), variant: z.string().optional() })
  .passthrough()
  .transform(({ os, architecture, variant }) => (variant ? { os, architecture, variant } : { os, architecture }));

/** A content descriptor. */
export const descriptorSchema = z
  .object({
    mediaType: z.string().default(''),
    digest: z.string(),
    size: z.number().int().nonnegative().default(-1),
    urls: z.array(z.string()).nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
    platform: platformSchema.optional(),
  })
  .passthrough();

/** A single-platform image manifest (Docker v2s2 or OCI). */
export const imageManifestSchema = z
  .object({
    schemaVersion: z.literal(2),
    mediaType: z.string().optional(),
    config: descriptorSchema,
    layers: z.array(descriptorSchema),
    annotations: z.record(z.string(), z.string()).nullish(),
  })
  .passthrough();

/** A manifest list or OCI index. */
export const imageIndexSchema = z
  .object({
    schemaVersion: z.literal(2),
    mediaType: z.string().optional(),
    // Docker 25 writes `"manifests": null` into index.json when it saved no OCI manifest.
    manifests: z
      .array(descriptorSchema)
      .nullish()
      .transform((list) => list ?? []),
    annotations: z.record(z.string(), z.string()).nullish(),
  })
  .passthrough();

/** A descriptor. */
export type Descriptor = z.infer<typeof descriptorSchema>;
/** An image manifest. */
export type ImageManifest = z.infer<typeof imageManifestSchema>;
/** An index or manifest list. */
export type ImageIndex = z.infer<typeof imageIndexSchema>;

/** A parsed manifest document: an image manifest or an index. */
export type ManifestDocument = { kind: 'manifest'; manifest: ImageManifest } | { kind: 'index'; index: ImageIndex };

/** Parses a manifest or index by its media type, falling back to its shape (OCI allows omitting mediaType). */
export function parseManifestDocument(
  bytes: Uint8Array,
  declaredType: string | undefined,
  what: string,
): ManifestDocument {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new LucentError('E_SOURCE_INVALID', `${what} is not valid JSON`, { cause: error });
  }
  const record = (json ?? {}) as { schemaVersion?: unknown; mediaType?: unknown; manifests?: unknown };
  const type = declaredType || (typeof record.mediaType === 'string' ? record.mediaType : '');
  if (record.schemaVersion === 1 || type === MEDIA_TYPES.dockerSchema1 || type === MEDIA_TYPES.dockerSchema1Signed) {
    throw new LucentError('E_MANIFEST_UNSUPPORTED', `${what} is a Docker schema 1 manifest, which is unsupported`, {
      hint: 'schema 1 was deprecated in 2017; re-push the image with a current Docker, Podman, skopeo or crane',
    });
  }
  const isIndex = type === MEDIA_TYPES.ociIndex || type === MEDIA_TYPES.dockerList || Array.isArray(record.manifests);
  const result = isIndex ? imageIndexSchema.safeParse(json) : imageManifestSchema.safeParse(json);
  if (!result.success) {
    throw new LucentError(
      'E_SOURCE_INVALID',
      `${what} is not a valid image manifest: ${result.error.issues[0]?.message}`,
    );
  }
  return isIndex
    ? { kind: 'index', index: result.data as ImageIndex }
    : { kind: 'manifest', manifest: result.data as ImageManifest };
}
