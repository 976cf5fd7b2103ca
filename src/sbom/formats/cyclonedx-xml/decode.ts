/**
 * CycloneDX 1.4–1.7 XML input (https://cyclonedx.org/docs/1.6/xml/), parsed with fast-xml-parser and converted to
 * the JSON shape, so that the same zod schema validates it and the same reader turns it into packages.
 */
import { XMLParser } from 'fast-xml-parser';
import { cycloneDxInputSchema } from '../../cyclonedx/bom-schema.ts';
import { readCycloneDx } from '../../cyclonedx/read-bom.ts';
import { type DecodedSbom, type DecodeOptions, SbomFormatError } from '../../decoded-sbom.ts';

const REPEATED = new Set(['component', 'license', 'expression', 'hash', 'property', 'dependency', 'tool', 'service']);

type XmlNode = Record<string, unknown>;

/** Decodes a CycloneDX XML document into packages. */
export function decodeCycloneDxXml(text: string, options: DecodeOptions = {}): DecodedSbom {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    // Values stay strings: versions such as `1.10` must not become numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  let document: XmlNode;
  try {
    document = parser.parse(text, true) as XmlNode;
  } catch (error) {
    throw new SbomFormatError(`not XML: ${(error as Error).message}`);
  }
  const bom = node(document.bom);
  const namespace = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/.exec(attr(bom, 'xmlns') ?? '');
  if (!bom || !namespace)
    throw new SbomFormatError('not a CycloneDX XML BOM (no bom element in a CycloneDX namespace)');
  const metadata = node(bom.metadata);
  const tools = node(metadata?.tools);
  const json = {
    bomFormat: 'CycloneDX',
    specVersion: namespace[1],
    metadata: {
      ...(tools ? { tools: toolsOf(tools) } : {}),
      ...(node(metadata?.component) ? { component: componentOf(node(metadata?.component) as XmlNode) } : {}),
    },
    components: list(node(bom.components)?.component).map(componentOf),
    dependencies: list(node(bom.dependencies)?.dependency).map((dependency) => ({
      ref: attr(dependency, 'ref') ?? '',
      dependsOn: list(dependency.dependency).flatMap((inner) => attr(inner, 'ref') ?? []),
    })),
  };
  const parsed = cycloneDxInputSchema.safeParse(json);
  if (!parsed.success)
    throw new SbomFormatError(`not a CycloneDX 1.4–1.7 BOM: ${parsed.error.issues[0]?.message}`, parsed.error.issues);
  return readCycloneDx(parsed.data, 'cyclonedx-xml', options);
}

function toolsOf(tools: XmlNode) {
  const legacy = list(tools.tool);
  if (legacy.length > 0) return legacy.map((tool) => ({ vendor: textOf(tool.vendor), name: textOf(tool.name) }));
  return {
    components: list(node(tools.components)?.component).map((tool) => ({
      name: textOf(tool.name),
      group: textOf(tool.group),
    })),
  };
}

function componentOf(component: XmlNode): Record<string, unknown> {
  const licenses = node(component.licenses);
  return {
    type: attr(component, 'type') ?? '',
    name: textOf(component.name) ?? '',
    'bom-ref': attr(component, 'bom-ref'),
    group: textOf(component.group),
    version: textOf(component.version),
    purl: textOf(component.purl),
    cpe: textOf(component.cpe),
    licenses: licenses
      ? [
          ...list(licenses.license).map((license) => ({
            license: { id: textOf(license.id), name: textOf(license.name) },
          })),
          ...list(licenses.expression).map((expression) => ({ expression: textOf(expression) })),
        ]
      : undefined,
    hashes: list(node(component.hashes)?.hash).map((hash) => ({
      alg: attr(hash, 'alg') ?? '',
      content: textOf(hash) ?? '',
    })),
    properties: list(node(component.properties)?.property).map((property) => ({
      name: attr(property, 'name') ?? '',
      value: textOf(property) ?? '',
    })),
    components: list(node(component.components)?.component).map(componentOf),
  };
}

function node(value: unknown): XmlNode | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** Repeated elements as nodes; an element with only text becomes `{ '#text': … }`. */
function list(value: unknown): XmlNode[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((item) => node(item) ?? { '#text': String(item) });
}

function attr(value: XmlNode | undefined, name: string): string | undefined {
  const found = value?.[`@${name}`];
  return typeof found === 'string' ? found : undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const text = node(value)?.['#text'];
  return typeof text === 'string' ? text : undefined;
}
