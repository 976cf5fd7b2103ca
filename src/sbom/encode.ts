/**
 * SBOM output (DESIGN §5): one entry point for `lucent analyze -f <format>`, dispatching to the encoder in
 * `formats/<format>/encode.ts`. CycloneDX 1.6 JSON is the default.
 */
import type { AnalysisResult } from '../pipeline/analyze.ts';

import type { SbomFormat } from './sbom-formats.ts';

export { SBOM_FORMATS, type SbomFormat } from './sbom-formats.ts';

/** What an encoder needs; timestamp and serial number are fixed only by tests (defaults: now and a random UUID). */
export interface EncodeInput {
  result: AnalysisResult;
  tool: { name: string; version: string };
  timestamp?: Date;
  /** `urn:uuid:<uuid>`; SPDX uses the UUID in its document namespace. */
  serialNumber?: string;
}

/** Loads the encoder of one format (each pulls in its own libraries, so only the one used is loaded). */
const ENCODERS: Record<SbomFormat, () => Promise<(input: EncodeInput) => string>> = {
  'cyclonedx-json': async () => (await import('./formats/cyclonedx-json/encode.ts')).encodeCycloneDxJson,
  'cyclonedx-xml': async () => (await import('./formats/cyclonedx-xml/encode.ts')).encodeCycloneDxXml,
  'spdx-json': async () => (await import('./formats/spdx-json/encode.ts')).encodeSpdxJson,
};

/** Encodes an analysis result in one of the SBOM formats. */
export async function encodeSbom(format: SbomFormat, input: EncodeInput): Promise<string> {
  return (await ENCODERS[format]())(input);
}
