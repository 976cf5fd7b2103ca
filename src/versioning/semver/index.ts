/**
 * The `semver` versioning scheme: npm and Cargo packages, ordered by SemVer 2.0.0 (https://semver.org/#spec-item-11)
 * through the `semver` package that npm itself uses (DESIGN §6). Parsing is `loose`, as npm is when it reads a
 * manifest (normalize-package-data), so a leading `v` or `=`, surrounding spaces and `1.2.3-01` are accepted; build
 * metadata (`+build`) never changes the order (SemVer §10).
 */
import semver from 'semver';
import type { VersioningScheme } from '../scheme.ts';

const options = { loose: true } as const;

/** SemVer 2.0.0 order, as npm and Cargo use it. */
export const semverVersioning = {
  name: 'semver',
  isValid(version: string): boolean {
    return semver.valid(version, options) !== null;
  },
  compare(a: string, b: string): number {
    // semver.compare throws a TypeError ("Invalid Version: …") for text it cannot parse.
    return semver.compare(a, b, options);
  },
} satisfies VersioningScheme;
