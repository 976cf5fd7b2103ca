/**
 * SBOM output (DESIGN §5): one entry point for `lucent analyze -f <format>`, dispatching to the encoder in
 * `formats/<format>/encode.ts`. CycloneDX 1.6 JSON is the default.
 */
import type { AnalysisResult } from '../pipeline/analyze.ts';
import { encodeCycloneDxJson } from './formats/cyclonedx-json/encode.ts';
import { encodeCycloneDxXml } from './formats/cyclonedx-xml/encode.ts';
import { encodeSpdxJson } from './formats/spdx-json/encode.ts';

/** The SBOM formats Lucent writes. */
export const SBOM_FORMATS = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] as const;

/** One of the SBOM formats Lucent writes. */
export type SbomFormat = (typeof SBOM_FORMATS)[number];

/** What an encoder needs; timestamp and serial number are fixed only by tests (defaults: now and a random UUID). */
export interface EncodeInput {
  result: AnalysisResult;
  tool: { name: string; version: string };
  timestamp?: Date;
  /** `urn:uuid:<uuid>`; SPDX uses the UUID in its document namespace. */
  serialNumber?: string;
}

const ENCODERS: Record<SbomFormat, (input: EncodeInput) => string> = {
  'cyclonedx-json': encodeCycloneDxJson,
  'cyclonedx-xml': encodeCycloneDxXml,
  'spdx-json': encodeSpdxJson,
};

/** Encodes an analysis result in the given SBOM format. */
export function encodeSbom(format: SbomFormat, input: EncodeInput): string {
  return ENCODERS[format](input);
}
