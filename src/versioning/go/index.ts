/**
 * The `go` versioning scheme: Go modules (SemVer with a `v`, pseudo-versions, `+incompatible`) and the Go toolchain
 * and standard library (`go1.21.3`, `1.21rc2`), ordered as golang.org/x/mod/semver and Go's gover do (parse.ts).
 */
import type { VersioningScheme } from '../scheme.ts';
import { compareGoVersions } from './compare.ts';
import { type GoVersion, parseGoVersion } from './parse.ts';

function parseOrThrow(version: string): GoVersion {
  const parsed = parseGoVersion(version);
  if (parsed === undefined) throw new Error(`invalid Go version '${version}'`);
  return parsed;
}

/** Go module and toolchain version order. */
export const goVersioning = {
  name: 'go',
  isValid(version: string): boolean {
    return parseGoVersion(version) !== undefined;
  },
  compare(a: string, b: string): number {
    return compareGoVersions(parseOrThrow(a), parseOrThrow(b));
  },
} satisfies VersioningScheme;
