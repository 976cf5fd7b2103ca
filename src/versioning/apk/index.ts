/**
 * The `apk` versioning scheme: Alpine packages, ordered like apk-tools
 * (https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c). Written from apk's source because no
 * maintained npm package follows it (DESIGN §6). `compare` never throws: apk orders invalid versions too (by their
 * valid prefix), and so must we to agree with `apk version -t`.
 */
import type { VersioningScheme } from '../scheme.ts';
import { compareApkVersions } from './compare.ts';
import { isApkVersion } from './parse.ts';

/** Alpine version order (apk-tools). */
export const apkVersioning = {
  name: 'apk',
  isValid: isApkVersion,
  compare: compareApkVersions,
} satisfies VersioningScheme;
