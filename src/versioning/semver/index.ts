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
import { compareSemverLike, parseSemverLike } from './semver-like.ts';

const options = { loose: true } as const;

/** SemVer 2.0.0 order, as npm and Cargo use it, widened to SemVer-like versions (see above). */
export const semverVersioning = {
  name: 'semver',
  isValid(version: string): boolean {
    return semver.valid(version, options) !== null || parseSemverLike(version) !== undefined;
  },
  compare(a: string, b: string): number {
    if (semver.valid(a, options) !== null && semver.valid(b, options) !== null) return semver.compare(a, b, options);
    const x = parseSemverLike(a);
    const y = parseSemverLike(b);
    if (!x) throw new TypeError(`Invalid Version: ${a}`);
    if (!y) throw new TypeError(`Invalid Version: ${b}`);
    return compareSemverLike(x, y);
  },
} satisfies VersioningScheme;
