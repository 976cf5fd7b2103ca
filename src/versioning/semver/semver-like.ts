/**
 * SemVer-like versions: SemVer 2.0.0 (https://semver.org/#spec-item-11) with any number of numeric components, each of
 * any size. Used for the versions OSV SEMVER ranges carry that npm's `semver` refuses (see index.ts). Written here
 * because `semver` stores numbers as JavaScript numbers and needs exactly three; the order is SemVer's own, so a
 * version both read compares the same way here and there.
 */
import semver from 'semver';

/** A parsed SemVer-like version. */
export interface SemverLike {
  /** Numeric components, as written (`1.2` has two; missing ones count as 0). */
  numbers: bigint[];
  /** Pre-release identifiers; empty for a release. */
  prerelease: (bigint | string)[];
}

const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
// A leading `v` or `=` and surrounding blanks, as npm's loose mode allows; build metadata is read and ignored.
const SEMVER_LIKE = new RegExp(`^[v=\\s]*(\\d+(?:\\.\\d+)*)(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?\\s*$`);

function identifier(text: string | number): bigint | string {
  return typeof text === 'number' || /^\d+$/.test(text) ? BigInt(text) : text;
}

/** A version `semver` has read, as a SemVer-like one. */
export function semverLikeOf(parsed: semver.SemVer): SemverLike {
  return {
    numbers: [BigInt(parsed.major), BigInt(parsed.minor), BigInt(parsed.patch)],
    prerelease: parsed.prerelease.map(identifier),
  };
}

/** Parses a version `semver` reads (its own way) or a SemVer-like one; undefined for anything else. */
export function parseSemverLike(version: string): SemverLike | undefined {
  const parsed = semver.parse(version, { loose: true });
  if (parsed) return semverLikeOf(parsed);
  const match = SEMVER_LIKE.exec(version);
  if (!match) return undefined;
  return {
    numbers: (match[1] as string).split('.').map((part) => BigInt(part)),
    prerelease: match[2] ? match[2].split('.').map(identifier) : [],
  };
}

function sign(a: bigint | string, b: bigint | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer §11 precedence: numbers, then a pre-release below its release, then identifiers one by one. */
export function compareSemverLike(a: SemverLike, b: SemverLike): number {
  const count = Math.max(a.numbers.length, b.numbers.length);
  for (let index = 0; index < count; index++) {
    const diff = sign(a.numbers[index] ?? 0n, b.numbers[index] ?? 0n);
    if (diff !== 0) return diff;
  }
  const aRelease = a.prerelease.length === 0;
  const bRelease = b.prerelease.length === 0;
  if (aRelease || bRelease) return aRelease === bRelease ? 0 : aRelease ? 1 : -1;
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < length; index++) {
    const x = a.prerelease[index];
    const y = b.prerelease[index];
    // A longer list of identifiers wins when all before are equal.
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    // Numeric identifiers sort below alphanumeric ones, and compare as numbers.
    if (typeof x !== typeof y) return typeof x === 'bigint' ? -1 : 1;
    const diff = sign(x, y);
    if (diff !== 0) return diff;
  }
  return 0;
}
