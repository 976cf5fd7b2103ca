/**
 * License strings as analyzers report them (SPDX ids, expressions or free text), classified for the SBOM formats:
 * CycloneDX has `license.id`, `license.name` and `expression`; SPDX 2.3 wants one expression per package, with
 * `LicenseRef-` ids for text that is no SPDX license (SPDX 2.3 Annex D).
 */
import { fixupSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import parseSpdxExpression from 'spdx-expression-parse';

/** What a license string is: a listed SPDX id, a valid SPDX expression, or just a name. */
export type LicenseChoice =
  | { kind: 'id'; id: string }
  | { kind: 'expression'; expression: string }
  | { kind: 'name'; name: string };

/** Classifies one license string; ids are fixed up to the SPDX list's spelling (`mit` → `MIT`). */
export function classifyLicense(text: string): LicenseChoice {
  const trimmed = text.trim();
  const id = fixupSpdxId(trimmed);
  if (id !== undefined) return { kind: 'id', id };
  if (isSpdxExpression(trimmed)) return { kind: 'expression', expression: trimmed };
  return { kind: 'name', name: trimmed };
}

/** True when the text parses as an SPDX license expression (ids checked against the SPDX license list). */
export function isSpdxExpression(text: string): boolean {
  try {
    parseSpdxExpression(text);
    return true;
  } catch {
    return false;
  }
}

/** A `LicenseRef-` id for free license text; only letters, digits, `.` and `-` are allowed after the prefix. */
export function licenseRefFor(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `LicenseRef-${cleaned === '' ? 'unknown' : cleaned}`;
}
