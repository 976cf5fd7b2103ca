/** `lucent inspect`: what an image is, from its manifest and config alone (no layer is read). */
import type { Image } from '../image/image.ts';
import { formatPlatform } from '../image/platform.ts';

/** The inspect report; its JSON form is documented in docs/cli.md. */
export interface InspectReport {
  name: string;
  source: { kind: string; reference: string };
  repoTags: string[];
  manifest: { digest: string; mediaType: string } | null;
  index: { digest: string; mediaType: string } | null;
  configDigest: string | null;
  platform: string | null;
  created: string | null;
  config: {
    user: string | null;
    env: string[];
    entrypoint: string[];
    cmd: string[];
    workingDir: string | null;
    labels: Record<string, string>;
    exposedPorts: string[];
  };
  history: { created: string | null; createdBy: string | null; emptyLayer: boolean; layer: number | null }[];
  layers: {
    index: number;
    digest: string;
    diffId: string;
    size: number;
    mediaType: string;
    createdBy: string | null;
  }[];
  warnings: string[];
}

/** Describes an opened image. */
export function inspectImage(image: Image): InspectReport {
  const runtime = image.config.config ?? {};
  return {
    name: image.name,
    source: image.source,
    repoTags: image.repoTags,
    manifest: image.manifest ?? null,
    index: image.index ?? null,
    configDigest: image.configDigest ?? null,
    platform: image.platform ? formatPlatform(image.platform) : null,
    created: image.config.created ?? null,
    config: {
      user: runtime.User || null,
      env: runtime.Env ?? [],
      entrypoint: runtime.Entrypoint ?? [],
      cmd: runtime.Cmd ?? [],
      workingDir: runtime.WorkingDir || null,
      labels: runtime.Labels ?? {},
      exposedPorts: Object.keys(runtime.ExposedPorts ?? {}),
    },
    history: image.history.map((entry) => ({
      created: entry.created ?? null,
      createdBy: entry.createdBy ?? null,
      emptyLayer: entry.emptyLayer,
      layer: entry.layerIndex ?? null,
    })),
    layers: image.layers.map((layer) => ({
      index: layer.index,
      digest: layer.digest,
      diffId: layer.diffId,
      size: layer.size,
      mediaType: layer.mediaType,
      createdBy: layer.createdBy ?? null,
    })),
    warnings: image.warnings,
  };
}
