/**
 * The `pep440` versioning scheme: PyPI packages, ordered by PEP 440 (https://peps.python.org/pep-0440/#summary-of-
 * permitted-suffixes-and-relative-ordering) through `@renovatebot/pep440` (DESIGN §6): normalised forms compare equal
 * (`1.0.0 == 1`, `1.0a1 == 1.0.0-alpha.1`), epochs (`1!2.0`), pre, post and dev releases and `+local` versions.
 * Text that is not PEP 440 orders as packaging ≤ 21.3's `LegacyVersion`, before every PEP 440 version (legacy.ts).
 */
import { compare as comparePep440, valid as validPep440 } from '@renovatebot/pep440';
import type { VersioningScheme } from '../scheme.ts';
import { compareLegacy } from './legacy.ts';

/** The version as PEP 440 reads it (packaging strips surrounding spaces), or undefined when it is not PEP 440. */
function pep440(version: string): string | undefined {
  const trimmed = version.trim();
  return validPep440(trimmed) === null ? undefined : trimmed;
}

/**
 * A legacy version: any other non-empty text without spaces. packaging ≤ 21.3 accepted any string at all; spaces
 * are refused so that prose ("see below") is not taken for a version.
 */
function isLegacy(version: string): boolean {
  return /^\S+$/.test(version);
}

function checked(version: string): void {
  if (pep440(version) === undefined && !isLegacy(version)) throw new Error(`invalid PyPI version '${version}'`);
}

/** PEP 440 order, as pip and packaging use it. */
export const pep440Versioning = {
  name: 'pep440',
  isValid(version: string): boolean {
    return pep440(version) !== undefined || isLegacy(version);
  },
  compare(a: string, b: string): number {
    checked(a);
    checked(b);
    const pepA = pep440(a);
    const pepB = pep440(b);
    if (pepA !== undefined && pepB !== undefined) return Math.sign(comparePep440(pepA, pepB));
    // a legacy version has epoch -1 in packaging ≤ 21.3, so it sorts before every PEP 440 version
    if (pepA !== undefined) return 1;
    if (pepB !== undefined) return -1;
    return compareLegacy(a, b);
  },
} satisfies VersioningScheme;
