/**
 * Composer (Packagist) versioning: PHP's version_compare on the version without its `v` prefix, which is how OSV orders
 * Packagist versions and how osv-scalibr's generated table was made (`version_compare(ltrim($a, "vV"), …)`).
 * Limit: Composer's own resolver first normalises versions (VersionParser::normalize: `1.0` → `1.0.0.0`,
 * `1.0-stable` → `1.0.0.0`, `1.0-ALPHA` → `1.0.0.0-alpha`), which reverses lines of that table such as
 * `v3.0 < v3.0.0-beta`, `5.1.0-stable < 5.1.0-beta2`, `v1.9.0-ALPHA.1 = v1.9.0-BETA.1` and `1.0.0 > 1.0`, so it is
 * not applied here.
 */
import type { VersioningScheme } from '../scheme.ts';
import { phpVersionCompare } from './php-version-compare.ts';

// A version starts with a digit (after an optional `v`) and holds printable ASCII only; `dev-<branch>` is a branch.
const VERSION_PATTERN = /^[vV]?[0-9][!-~]*$/;
const BRANCH_PATTERN = /^dev-[!-~]+$/;

function comparableForm(version: string): string {
  const trimmed = version.trim();
  if (!VERSION_PATTERN.test(trimmed) && !BRANCH_PATTERN.test(trimmed)) {
    throw new Error(`invalid Composer version: ${JSON.stringify(version)}`);
  }
  return trimmed.replace(/^[vV]/, '');
}

/** Composer's (and OSV's Packagist) version order. */
export const composerVersioning = {
  name: 'composer',
  isValid(version: string): boolean {
    const trimmed = version.trim();
    return VERSION_PATTERN.test(trimmed) || BRANCH_PATTERN.test(trimmed);
  },
  compare(a: string, b: string): number {
    const left = comparableForm(a);
    const right = comparableForm(b);
    // Composer never orders two branches (version_compare calls any two equal): only the same branch is equal, and
    // different ones get a stable order by name. A branch sorts below every version (`dev` is the lowest form).
    if (left.startsWith('dev-') && right.startsWith('dev-')) return left < right ? -1 : left > right ? 1 : 0;
    return phpVersionCompare(left, right);
  },
} satisfies VersioningScheme;
