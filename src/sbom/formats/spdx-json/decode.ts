/**
 * SPDX 2.2/2.3 JSON input (Lucent, Syft, Trivy, …): packages with a `purl` external reference become packages; the
 * rest (the described image, the OS, files) is skipped. Declared licenses are split on top-level `AND` and
 * `LicenseRef-` ids are mapped back to their text; `lucent:` annotations bring back foundBy and locations;
 * DEPENDS_ON / DEPENDENCY_OF relationships become dependency edges.
 */
import { type Package, type PackageHash, packageKey } from '../../../core/package.ts';
import { decodedPackage, type SkippedEntry, toolLabel } from '../../decoded-package.ts';
import { type DecodedSbom, type DecodeOptions, SbomFormatError } from '../../decoded-sbom.ts';
import { type NamedValue, readLucentFacts } from '../../lucent-properties.ts';
import { type SpdxInput, spdxInputSchema } from './schema.ts';

const CHECKSUMS: Record<string, PackageHash['algorithm']> = {
  MD5: 'MD5',
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
};
const NO_LICENSE = new Set(['NOASSERTION', 'NONE', '']);

/** Decodes an SPDX 2.2/2.3 JSON document into packages. */
export function decodeSpdxJson(text: string, options: DecodeOptions = {}): DecodedSbom {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SbomFormatError(`not JSON: ${(error as Error).message}`);
  }
  const parsed = spdxInputSchema.safeParse(json);
  if (!parsed.success)
    throw new SbomFormatError(
      `not an SPDX 2.2/2.3 JSON document: ${parsed.error.issues[0]?.message}`,
      parsed.error.issues,
    );
  const document = parsed.data;
  const tool = toolOf(document) ?? 'unknown';
  const extracted = extractedTexts(json);
  const packages: Package[] = [];
  const skipped: SkippedEntry[] = [];
  const byId = new Map<string, Package>();
  for (const spdx of document.packages) {
    const purl = spdx.externalRefs?.find((ref) => ref.referenceType === 'purl')?.referenceLocator;
    const properties = (spdx.annotations ?? []).flatMap((annotation): NamedValue[] => {
      const match = /^(lucent:[^=]+)=(.*)$/s.exec(annotation.comment);
      return match ? [[match[1] as string, match[2] as string]] : [];
    });
    const lucent = readLucentFacts(properties);
    const declared = [spdx.licenseDeclared, spdx.licenseConcluded].find((value) => value && !NO_LICENSE.has(value));
    const decoded = decodedPackage(purl, {
      foundBy: options.label ? [options.label] : lucent.foundBy.length > 0 ? lucent.foundBy : [tool],
      locations: lucent.locations,
      licenses: declared ? splitConjunction(declared).map((term) => extracted.get(term) ?? term) : [],
      hashes: (spdx.checksums ?? []).flatMap((checksum) => {
        const algorithm = CHECKSUMS[checksum.algorithm];
        return algorithm ? [{ algorithm, value: checksum.checksumValue }] : [];
      }),
      source: lucent.source,
      dev: lucent.dev,
      cpes: (spdx.externalRefs ?? [])
        .filter((ref) => ref.referenceType.startsWith('cpe'))
        .map((ref) => ref.referenceLocator),
    });
    if ('skipped' in decoded) {
      skipped.push({ ref: spdx.SPDXID, reason: decoded.skipped });
      continue;
    }
    packages.push(decoded);
    byId.set(spdx.SPDXID, decoded);
  }
  // Edges are gathered in sets first: a package with thousands of dependencies must not copy its list per edge.
  const edges = new Map<Package, Set<string>>();
  for (const relationship of document.relationships) {
    const forward = relationship.relationshipType === 'DEPENDS_ON';
    if (!forward && relationship.relationshipType !== 'DEPENDENCY_OF') continue;
    const from = byId.get(forward ? relationship.spdxElementId : relationship.relatedSpdxElement);
    const to = byId.get(forward ? relationship.relatedSpdxElement : relationship.spdxElementId);
    if (!from || !to || from === to) continue;
    const targets = edges.get(from) ?? new Set(from.dependsOn ?? []);
    targets.add(packageKey(to));
    edges.set(from, targets);
  }
  for (const [from, targets] of edges) from.dependsOn = [...targets];
  return { format: 'spdx-json', specVersion: document.spdxVersion, tool, packages, skipped };
}

/** `Tool: syft-1.4.1` → `syft`; `Tool: trivy` → `trivy`. */
function toolOf(document: SpdxInput): string | undefined {
  const creator = document.creationInfo?.creators.find((entry) => entry.startsWith('Tool:'));
  if (!creator) return undefined;
  return toolLabel(
    creator
      .slice('Tool:'.length)
      .trim()
      .replace(/-v?\d[\w.+-]*$/, ''),
  );
}

/** `LicenseRef-` id → extracted text, from `hasExtractedLicensingInfos` (read leniently: optional data). */
function extractedTexts(json: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const infos = (json as { hasExtractedLicensingInfos?: unknown }).hasExtractedLicensingInfos;
  if (!Array.isArray(infos)) return out;
  for (const info of infos) {
    const { licenseId, extractedText, name } = (info ?? {}) as Record<string, unknown>;
    const text = typeof name === 'string' && name !== '' ? name : extractedText;
    if (typeof licenseId === 'string' && typeof text === 'string') out.set(licenseId, text);
  }
  return out;
}

/** Top-level `AND` terms of an expression, outer parentheses removed: `MIT AND (A OR B)` → `MIT`, `A OR B`. */
export function splitConjunction(expression: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < expression.length; index += 1) {
    const char = expression[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && expression.startsWith(' AND ', index)) {
      terms.push(expression.slice(start, index));
      start = index + ' AND '.length;
      index = start - 1;
    }
  }
  terms.push(expression.slice(start));
  return terms.map(unwrap).filter((term) => term !== '');
}

function unwrap(term: string): string {
  const trimmed = term.trim();
  if (!trimmed.startsWith('(') || !trimmed.endsWith(')')) return trimmed;
  // Only strip when the outer parentheses enclose the whole term: `(A) OR (B)` stays.
  let depth = 0;
  for (let index = 0; index < trimmed.length - 1; index += 1) {
    if (trimmed[index] === '(') depth += 1;
    else if (trimmed[index] === ')') depth -= 1;
    if (depth === 0) return trimmed;
  }
  return trimmed.slice(1, -1).trim();
}
