/** CycloneDX 1.6 XML output (https://cyclonedx.org/docs/1.6/xml/), serialized by `@cyclonedx/cyclonedx-library`. */
import { XML as CdxXml, XmlSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { buildBom } from '../../cyclonedx/build-bom.ts';
import type { EncodeInput } from '../../encode.ts';

/** Encodes an analysis result as a CycloneDX 1.6 XML document (the library writes it with xmlbuilder2). */
export function encodeCycloneDxXml(input: EncodeInput): string {
  const serializer = new XmlSerializer(new CdxXml.Normalize.Factory(Spec1dot6));
  return `${serializer.serialize(buildBom(input), { sortLists: false, space: 2 })}\n`;
}
