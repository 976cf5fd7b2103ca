/**
 * The `semver` versioning scheme: npm and Cargo packages, ordered by SemVer 2.0.0 (https://semver.org/#spec-item-11)
 * through the `semver` package that npm itself uses (DESIGN §6). Parsing is `loose`, as npm is when it reads a
 * manifest (normalize-package-data), so a leading `v` or `=`, surrounding spaces and `1.2.3-01` are accepted; build
 * metadata (`+build`) never changes the order (SemVer §10).
 *
 * OSV's SEMVER range type is also written by hand and by converters, so advisories carry versions that npm and Cargo
 * refuse but whose order is still plain: fewer or more than three numbers (`1.2`, `1.1.3.4.5`) and numbers beyond
 * 2^53 (npm) or 2^64 (Cargo). Those go through `semver-like.ts`, which orders them the SemVer way with numbers of any
 * size and count, and agrees with `semver` on every version `semver` reads, so the order stays one order.
 */
import semver from 'semver';
import type { VersioningScheme } from '../scheme.ts';
import { compareSemverLike, parseSemverLike, type SemverLike, semverLikeOf } from './semver-like.ts';

const options = { loose: true } as const;

/** A version read once: by `semver` when it can, else SemVer-like, else null (invalid). */
type Parsed = semver.SemVer | SemverLike | null;

const parsedVersions = new Map<string, Parsed>();

/**
 * Parses once per text: matching compares the same few versions (the installed one, a record's events) over and over,
 * and parsing is most of a comparison. Bounded, so a long-lived server does not grow it without end.
 */
function parsed(version: string): Parsed {
  let known = parsedVersions.get(version);
  if (known === undefined) {
    if (parsedVersions.size >= 20_000) parsedVersions.clear();
    known = semver.parse(version, options) ?? parseSemverLike(version) ?? null;
    parsedVersions.set(version, known);
  }
  return known;
}

/** SemVer 2.0.0 order, as npm and Cargo use it, widened to SemVer-like versions (see above). */
export const semverVersioning = {
  name: 'semver',
  isValid(version: string): boolean {
    return parsed(version) !== null;
  },
  compare(a: string, b: string): number {
    const x = parsed(a);
    const y = parsed(b);
    // semver.compare throws this TypeError ("Invalid Version: …") for text it cannot parse; so does this scheme.
    if (x === null) throw new TypeError(`Invalid Version: ${a}`);
    if (y === null) throw new TypeError(`Invalid Version: ${b}`);
    if (x instanceof semver.SemVer && y instanceof semver.SemVer) return x.compare(y);
    return compareSemverLike(asSemverLike(x), asSemverLike(y));
  },
} satisfies VersioningScheme;

function asSemverLike(version: semver.SemVer | SemverLike): SemverLike {
  return version instanceof semver.SemVer ? semverLikeOf(version) : version;
}
