/** CycloneDX 1.6 JSON output (https://cyclonedx.org/docs/1.6/json/), serialized by `@cyclonedx/cyclonedx-library`. */
import { JSON as CdxJson, JsonSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { buildBom } from '../../cyclonedx/build-bom.ts';
import type { EncodeInput } from '../../encode.ts';

/** Encodes an analysis result as a CycloneDX 1.6 JSON document. */
export function encodeCycloneDxJson(input: EncodeInput): string {
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  // sortLists off: the inventory is already sorted by purl, and foundBy/locations keep their meaningful order.
  return `${serializer.serialize(buildBom(input), { sortLists: false, space: 2 })}\n`;
}
