/**
 * The identifiers of a scanned image, for VEX statements whose product is the image rather than a package: the
 * references it was named by, its digests, and `pkg:oci` purls (https://github.com/package-url/purl-spec, type `oci`:
 * the name is the repository's last segment, the version the manifest or index digest, as Trivy and the OpenVEX OCI
 * module write them). Directories and SBOM inputs have no image identity: only package products apply to them.
 */
import { PackageURL } from 'packageurl-js';
import type { Image } from '../image/image.ts';

type SubjectImage = Pick<Image, 'source' | 'name' | 'manifest' | 'index' | 'configDigest' | 'platform' | 'repoTags'>;

/** Every identifier a VEX product may use for this image. */
export function subjectIdentifiers(image: SubjectImage): string[] {
  if (image.source.kind === 'dir' || image.source.kind === 'file' || image.source.kind === 'sbom') return [];
  const references = [image.name, image.source.target ?? image.source.reference, ...image.repoTags];
  const digests = [image.index?.digest, image.manifest?.digest].filter((digest): digest is string => !!digest);
  const ids = new Set<string>([...references, ...digests, ...(image.configDigest ? [image.configDigest] : [])]);
  for (const repository of new Set(references.map(repositoryOf).filter((repo): repo is string => !!repo))) {
    for (const digest of digests) {
      ids.add(`${repository}@${digest}`);
      ids.add(ociPurl(repository, digest, image.platform?.architecture));
    }
    if (digests.length === 0) ids.add(ociPurl(repository, undefined, image.platform?.architecture));
  }
  return [...ids];
}

/** `docker.io/library/nginx:1.25@sha256:…` → `docker.io/library/nginx`; undefined for what is not a reference. */
export function repositoryOf(reference: string): string | undefined {
  const withoutDigest = reference.replace(/@sha256:[0-9a-f]{64}$/i, '');
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const repository = colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest;
  return /^[a-z0-9][a-z0-9._\-/:]*$/.test(repository) && !repository.includes('..') ? repository : undefined;
}

function ociPurl(repository: string, digest: string | undefined, arch: string | undefined): string {
  const name = repository.split('/').at(-1) as string;
  const qualifiers: Record<string, string> = { repository_url: repository };
  if (arch) qualifiers.arch = arch;
  return new PackageURL('oci', undefined, name, digest, qualifiers, undefined).toString();
}
