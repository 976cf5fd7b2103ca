/**
 * `sbom:FILE` for `lucent scan`: an SBOM from any tool (CycloneDX 1.4–1.7 JSON/XML, SPDX 2.2/2.3 JSON) stands in for
 * the analysis phase. Its packages are what gets matched; the OS comes from the OS packages' purls.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LucentError } from '../core/errors.ts';
import type { Image } from '../image/image.ts';
import { osFromPurls } from '../matcher/ecosystems.ts';
import type { AnalysisResult } from './analyze.ts';

/** Reads an SBOM file as an analysis result. */
export async function analysisFromSbom(path: string): Promise<AnalysisResult> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new LucentError('E_SOURCE_NOT_FOUND', `no such file or directory: ${path}`, { hint: 'check the sbom: path' });
  });
  const { decodeSbom } = await import('../sbom/decode.ts');
  const decoded = decodeSbom(text);
  const image: Image = {
    source: { kind: 'sbom', reference: `sbom:${path}`, target: path },
    name: basename(path),
    config: {},
    history: [],
    layers: [],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
  const os = osFromPurls(decoded.packages.map((pkg) => pkg.purl));
  return {
    image,
    inventory: { packages: decoded.packages, unknowns: [], layers: [], ...(os ? { os } : {}) },
    warnings: [],
  };
}
