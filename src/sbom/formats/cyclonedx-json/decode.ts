/** CycloneDX 1.4–1.7 JSON input (Lucent, Trivy, Syft, cdxgen, …), validated with zod at the boundary. */
import { cycloneDxInputSchema } from '../../cyclonedx/bom-schema.ts';
import { readCycloneDx } from '../../cyclonedx/read-bom.ts';
import { type DecodedSbom, type DecodeOptions, SbomFormatError } from '../../decoded-sbom.ts';

/** Decodes a CycloneDX JSON document into packages. */
export function decodeCycloneDxJson(text: string, options: DecodeOptions = {}): DecodedSbom {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SbomFormatError(`not JSON: ${(error as Error).message}`);
  }
  const parsed = cycloneDxInputSchema.safeParse(json);
  if (!parsed.success)
    throw new SbomFormatError(`not a CycloneDX 1.4–1.7 BOM: ${parsed.error.issues[0]?.message}`, parsed.error.issues);
  return readCycloneDx(parsed.data, 'cyclonedx-json', options);
}
