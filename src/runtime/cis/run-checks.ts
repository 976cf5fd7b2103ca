/** Runs the image checks: pure over a `CisInput`, or on an opened image (its file list from the layer cache). */
import type { Image } from '../../image/image.ts';
import type { LayerCache } from '../../image/layer-cache.ts';
import { mergeLayers, readLayers } from '../../pipeline/read-layers.ts';
import type { CisInput, CisResult } from './check.ts';
import { CIS_CHECKS } from './registry.ts';

/** The failed checks, in registry order; checks whose input is missing are skipped. */
export function runCisChecks(input: CisInput): CisResult[] {
  return CIS_CHECKS.flatMap((check) => {
    if (check.needs === 'files' && !input.files) return [];
    const details = check.run(input);
    return details.length > 0 ? [{ code: check.code, title: check.title, level: check.level, details }] : [];
  });
}

/**
 * The checks on an image. The file list comes from the walker indexes, which the layer cache holds once the image
 * was analyzed, so this reads no layer bytes then.
 */
export async function checkImage(image: Image, cache: LayerCache, references: readonly string[]): Promise<CisResult[]> {
  const layers = await readLayers(image, { cache });
  const files = mergeLayers(layers)
    .list()
    .map((node) => ({ path: node.path, type: node.type, mode: node.mode }));
  return runCisChecks({
    config: image.config,
    history: image.history.map((entry) => entry.createdBy ?? ''),
    files,
    references,
  });
}

/**
 * The checks of `lucent scan --cis` on the image it analyzed: a registry image is referred to as the user named it,
 * an archive by the `repository:tag` names it carries (an OCI layout's bare ref name such as `app` is no image
 * reference, so it is not taken for an implicit `latest`). Directories, files and SBOMs are not images (no config, no
 * history): undefined.
 */
export async function checkScannedImage(image: Image, cache: LayerCache): Promise<CisResult[] | undefined> {
  const { kind } = image.source;
  if (kind === 'dir' || kind === 'file' || kind === 'sbom') return undefined;
  const references =
    kind === 'registry'
      ? [image.source.target ?? image.source.reference]
      : image.repoTags.filter((tag) => /:[^/]+$/.test(tag));
  return checkImage(image, cache, references);
}
