/**
 * What an SBOM describes, taken from an analysis result once for every format: the image (name, manifest digest,
 * tags, platform, layers) or the directory, and the operating system.
 */
import type { Image } from '../image/image.ts';
import type { AnalysisResult } from '../pipeline/analyze.ts';
import { LUCENT, type NamedValue } from './lucent-properties.ts';

/** The thing an SBOM is about. */
export interface SbomSubject {
  kind: 'image' | 'directory';
  name: string;
  /** The manifest digest; the image ID (config digest) when the source has no manifest (legacy docker save). */
  version?: string;
  /** A stable reference for the subject inside the document. */
  ref: string;
  properties: NamedValue[];
}

/** The subject of an analysis result. */
export function subjectOf(result: AnalysisResult): SbomSubject {
  const { image } = result;
  if (image.source.kind === 'dir' || image.source.kind === 'file') {
    return {
      kind: 'directory',
      name: image.name,
      ref: `dir:${image.name}`,
      properties: [[LUCENT.sourceKind, image.source.kind]],
    };
  }
  const version = image.manifest?.digest ?? image.configDigest;
  return {
    kind: 'image',
    name: image.name,
    ...(version ? { version } : {}),
    ref: `image:${image.name}`,
    properties: imageProperties(image, result),
  };
}

/** The OS component's reference, `os:<id>@<version>` as Syft writes it. */
export function osRef(os: { id: string; versionId?: string }): string {
  return `os:${os.id}${os.versionId ? `@${os.versionId}` : ''}`;
}

function imageProperties(image: Image, result: AnalysisResult): NamedValue[] {
  const out: NamedValue[] = [
    [LUCENT.sourceKind, image.source.kind],
    [LUCENT.imageReference, image.source.reference],
  ];
  for (const tag of image.repoTags) out.push([LUCENT.imageTag, tag]);
  if (image.platform) {
    const { os, architecture, variant } = image.platform;
    out.push([LUCENT.imagePlatform, [os, architecture, variant].filter(Boolean).join('/')]);
  }
  if (image.configDigest) out.push([LUCENT.imageConfigDigest, image.configDigest]);
  if (image.index) out.push([LUCENT.imageIndexDigest, image.index.digest]);
  for (const layer of result.inventory.layers) {
    out.push([`${LUCENT.layer}${layer.index}:digest`, layer.digest]);
    out.push([`${LUCENT.layer}${layer.index}:diffId`, layer.diffId]);
  }
  return out;
}
