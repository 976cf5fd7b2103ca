/** CycloneDX 1.6 JSON output (https://cyclonedx.org/docs/1.6/json/), serialized by `@cyclonedx/cyclonedx-library`. */
import { createRequire } from 'node:module';
import type { JSON as CdxJsonApi, JsonSerializer as JsonSerializerApi } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { buildBom } from '../../cyclonedx/build-bom.ts';
import type { EncodeInput } from '../../encode.ts';

// The library's `Serialize` entry also loads its XML stack (xmlbuilder2 and some 160 modules, about a quarter of a
// warm `lucent analyze`): the JSON serializer and normalizer are loaded from their own files beside that entry.
const serialize = createRequire(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/Serialize'));
const { JsonSerializer } = serialize('./jsonSerializer.js') as { JsonSerializer: typeof JsonSerializerApi };
const CdxJson = { Normalize: serialize('./json/normalize.js') as typeof CdxJsonApi.Normalize };

/** Encodes an analysis result as a CycloneDX 1.6 JSON document. */
export function encodeCycloneDxJson(input: EncodeInput): string {
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  // sortLists off: the inventory is already sorted by purl, and foundBy/locations keep their meaningful order.
  return `${serializer.serialize(buildBom(input), { sortLists: false, space: 2 })}\n`;
}
