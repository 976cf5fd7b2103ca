/**
 * OpenVEX documents (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md) as VEX statements. A product is named
 * by its `@id` and `identifiers.purl`; its subcomponents by theirs. A statement's time is its `last_updated`, else its
 * `timestamp`, else the document's (spec: statements inherit the document's timestamp).
 */
import { invalidFile } from '../../file-errors.ts';
import type { VexProduct, VexStatement } from '../../vex-statements.ts';
import type { VexFormat, VexParseResult } from '../vex-format.ts';
import { OPENVEX_CONTEXT, type OpenVexComponent, openVexDocumentSchema } from './schema.ts';

const HINT = 'OpenVEX v0.2.0: https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md';

/** OpenVEX, recognised by its `@context`. */
export const openVexFormat: VexFormat = {
  name: 'openvex',
  detect: (document) => {
    const context = (document as { '@context'?: unknown } | null)?.['@context'];
    return typeof context === 'string' && context.startsWith(OPENVEX_CONTEXT);
  },
  parse: parseOpenVex,
};

function parseOpenVex(document: unknown, file: string): VexParseResult {
  const result = openVexDocumentSchema.safeParse(document);
  if (!result.success) throw invalidFile(file, result.error.issues, HINT);
  const doc = result.data;
  const statements: VexStatement[] = [];
  const warnings: string[] = [];
  doc.statements.forEach((statement, index) => {
    const origin = `${file} statements[${index}]`;
    const shared = (statement.subcomponents ?? []).flatMap(componentIds);
    const products: VexProduct[] = (statement.products ?? []).map((product) =>
      typeof product === 'string'
        ? { ids: [product], subcomponents: shared }
        : {
            ids: componentIds(product),
            subcomponents: [...(product.subcomponents ?? []).flatMap(componentIds), ...shared],
          },
    );
    const usable = products.filter((product) => product.ids.length > 0);
    if (usable.length === 0) {
      warnings.push(`${origin}: no product named by @id or purl; the statement applies to nothing`);
      return;
    }
    const vulnerability = statement.vulnerability;
    const vulnerabilities =
      typeof vulnerability === 'string'
        ? [vulnerability]
        : [
            vulnerability.name,
            ...(vulnerability['@id'] ? [vulnerability['@id']] : []),
            ...(vulnerability.aliases ?? []),
          ];
    const detail = statement.impact_statement ?? statement.status_notes ?? statement.action_statement;
    const timestamp = statement.last_updated ?? statement.timestamp ?? doc.last_updated ?? doc.timestamp;
    statements.push({
      format: 'openvex',
      vulnerabilities,
      products: usable,
      status: statement.status,
      ...(statement.justification ? { justification: statement.justification } : {}),
      ...(detail ? { detail } : {}),
      ...(timestamp ? { timestamp } : {}),
      origin,
    });
  });
  return { statements, warnings };
}

/** A component's identifiers: `@id` (a purl or any IRI) and its purl. CPEs and hashes are not matched. */
function componentIds(component: OpenVexComponent): string[] {
  if (typeof component === 'string') return [component];
  return [...new Set([component['@id'], component.identifiers?.purl].filter((id): id is string => !!id))];
}
