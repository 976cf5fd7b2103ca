/**
 * The `deb` versioning scheme: Debian and Ubuntu packages, ordered like `dpkg --compare-versions` (Debian Policy
 * §5.6.12, https://www.debian.org/doc/debian-policy/ch-controlfields.html#version). Written from the spec because no
 * maintained npm package implements dpkg's order (DESIGN §6).
 */
import type { VersioningScheme } from '../scheme.ts';
import { compareDebVersions } from './compare.ts';
import { type DebVersion, parseDebVersion } from './parse.ts';

function parseOrThrow(version: string): DebVersion {
  const parsed = parseDebVersion(version);
  if (typeof parsed === 'string') throw new Error(`invalid Debian version '${version}': ${parsed}`);
  return parsed;
}

/** Debian version order (dpkg). */
export const debVersioning = {
  name: 'deb',
  isValid(version: string): boolean {
    return typeof parseDebVersion(version) !== 'string';
  },
  compare(a: string, b: string): number {
    return Math.sign(compareDebVersions(parseOrThrow(a), parseOrThrow(b)));
  },
} satisfies VersioningScheme;
