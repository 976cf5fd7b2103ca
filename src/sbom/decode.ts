/**
 * SBOM input (DESIGN §5), for `--merge-sbom FILE` and the Trivy/Syft analyzer plug-ins: CycloneDX 1.4–1.7 JSON or
 * XML and SPDX 2.2/2.3 JSON from any tool, detected from the content and decoded by `formats/<format>/decode.ts`
 * into `Package`s (identity from the purl; foundBy from the tool that wrote the SBOM, or a given label).
 */
import { type DecodedSbom, type DecodeOptions, SbomFormatError } from './decoded-sbom.ts';
import { decodeCycloneDxJson } from './formats/cyclonedx-json/decode.ts';
import { decodeCycloneDxXml } from './formats/cyclonedx-xml/decode.ts';
import { decodeSpdxJson } from './formats/spdx-json/decode.ts';

/** Decodes an SBOM of any supported format, recognised from its content. */
export function decodeSbom(text: string, options: DecodeOptions = {}): DecodedSbom {
  const start = text.trimStart();
  if (start.startsWith('<')) return decodeCycloneDxXml(text, options);
  if (!start.startsWith('{')) throw new SbomFormatError('neither JSON nor XML');
  // Cheap look at the top-level keys: the formats' own markers (`bomFormat`, `spdxVersion`).
  if (/"spdxVersion"\s*:/.test(text) && !/"bomFormat"\s*:/.test(text)) return decodeSpdxJson(text, options);
  return decodeCycloneDxJson(text, options);
}
