/**
 * The `rpm` versioning scheme: Red Hat, Fedora, SUSE and other RPM distributions, ordered like rpm's own `rpmverCmp`
 * on `[epoch:]version[-release]` (https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.c).
 */
import type { VersioningScheme } from '../scheme.ts';
import { compareRpmVersions } from './compare.ts';
import { parseRpmVersion } from './parse.ts';

// rpm orders any non-empty string; blanks only come from a broken field, so they are refused.
function isRpmVersion(version: string): boolean {
  return /^\S+$/.test(version);
}

function checked(version: string): string {
  if (!isRpmVersion(version)) throw new Error(`invalid RPM version '${version}': empty or holds blanks`);
  return version;
}

/** RPM version order (rpmvercmp on epoch, version and release). */
export const rpmVersioning = {
  name: 'rpm',
  isValid: isRpmVersion,
  compare(a: string, b: string): number {
    return compareRpmVersions(parseRpmVersion(checked(a)), parseRpmVersion(checked(b)));
  },
} satisfies VersioningScheme;
