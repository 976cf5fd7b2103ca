/**
 * Go version order: golang.org/x/mod/semver's Compare (SemVer 2.0.0 precedence, https://semver.org/#spec-item-11,
 * with numbers of any length), plus gover's language versions (`1.21` before `1.21rc1`).
 */
import { compareNumbers, type GoVersion } from './parse.ts';

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^[0-9]+$/.test(a);
  const numericB = /^[0-9]+$/.test(b);
  // numeric identifiers order numerically and before alphanumeric ones, which order in ASCII
  if (numericA && numericB) return compareNumbers(a, b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrereleases(a: readonly string[], b: readonly string[]): number {
  // a release follows its pre-releases
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIdentifiers(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  // a longer list follows a shorter one it starts with
  return Math.sign(a.length - b.length);
}

/** Orders two parsed Go versions; build metadata is ignored. */
export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return (
    compareNumbers(a.major, b.major) ||
    compareNumbers(a.minor, b.minor) ||
    compareNumbers(a.patch, b.patch) ||
    (a.language === b.language ? 0 : a.language ? -1 : 1) ||
    comparePrereleases(a.prerelease, b.prerelease)
  );
}
