/**
 * Go versions, read into one shape so module versions and toolchain versions order together:
 * - module versions: SemVer with a `v` (https://go.dev/ref/mod#versions), as golang.org/x/mod/semver reads them,
 *   with its `v1` and `v1.2` shorthands; pseudo-versions (https://go.dev/ref/mod#pseudo-versions) are ordinary
 *   pre-releases, and build metadata such as `+incompatible` is kept but never ordered;
 * - the same without the `v`, as OSV's Go records write them (`1.2.3-rc.1`, `0.0.0-20191109021931-daa7c04131f5`);
 * - toolchain versions (`go1.21.3`, `1.21rc2`, `1.20`), as Go's internal/gover reads them
 *   (https://go.dev/doc/toolchain#version): `1.21rc2` is `1.21.0-rc.2`, `1.20` is `1.20.0`, and from Go 1.21 on a
 *   bare `1.21` is the language version, before 1.21's first pre-release.
 * Written here because x/mod/semver's syntax (`v` required, shorthands, numbers of any length) and gover are not
 * what the `semver` package reads.
 */

/** A parsed Go version. Numbers are decimal text without leading zeros, of any length, as Go keeps them. */
export interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  /** SemVer pre-release identifiers; empty for a release. */
  prerelease: readonly string[];
  /** A language version such as `1.21` (Go ≥ 1.21, no patch): before every 1.21 pre-release and release. */
  language: boolean;
  /** Build metadata without the `+` (`incompatible`), or ''. It never changes the order. */
  build: string;
}

const number = '0|[1-9][0-9]*';
const identifier = '[0-9A-Za-z-]+';
// x/mod/semver: pre-release and build only after a full MAJOR.MINOR.PATCH; numeric pre-release identifiers have no
// leading zeros (checked below), build identifiers may.
const modulePattern = new RegExp(
  `^(${number})(?:\\.(${number})(?:\\.(${number})(?:-(${identifier}(?:\\.${identifier})*))?(?:\\+(${identifier}(?:\\.${identifier})*))?)?)?$`,
);
// gover: MAJOR[.MINOR[.PATCH]][KIND[PRE]], KIND in lower-case letters (alpha, beta, rc), only after a minor.
const toolchainPattern = new RegExp(`^(${number})(?:\\.(${number})(?:\\.(${number}))?(?:([a-z]+)(${number})?)?)?$`);

function moduleVersion(text: string): GoVersion | undefined {
  const match = modulePattern.exec(text);
  if (!match) return undefined;
  const [, major = '', minor = '0', patch = '0', prerelease, build = ''] = match;
  const identifiers = prerelease === undefined ? [] : prerelease.split('.');
  if (identifiers.some((id) => /^0[0-9]+$/.test(id))) return undefined;
  return { major, minor, patch, prerelease: identifiers, language: false, build };
}

function toolchainVersion(text: string): GoVersion | undefined {
  const match = toolchainPattern.exec(text);
  if (!match) return undefined;
  const [, major = '', minor, patch, kind, pre] = match;
  if (minor === undefined) return { major, minor: '0', patch: '0', prerelease: [], language: false, build: '' };
  // gover: a missing patch is .0 before Go 1.21; from 1.21 on, "1.21" alone is the language version
  const language = patch === undefined && kind === undefined && compareNumbers(minor, '21') >= 0;
  // 1.21rc1 and 1.21.0rc1 both read as 1.21.0-rc.1 (gover puts the first just before the second; Go never released
  // both forms of one version)
  const prerelease = kind === undefined ? [] : pre === undefined ? [kind] : [kind, pre];
  return { major, minor, patch: patch ?? '0', prerelease, language, build: '' };
}

/** Reads a Go module or toolchain version; undefined when it is neither. */
export function parseGoVersion(version: string): GoVersion | undefined {
  if (version.startsWith('v')) return moduleVersion(version.slice(1));
  if (version.startsWith('go')) return toolchainVersion(version.slice(2));
  // without a prefix: toolchain first (`1.21rc2`, `1.21`), then SemVer as OSV writes module versions
  return toolchainVersion(version) ?? moduleVersion(version);
}

/** Orders decimal texts without leading zeros, of any length (x/mod/semver's compareInt). */
export function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
