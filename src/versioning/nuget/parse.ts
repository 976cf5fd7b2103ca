/**
 * NuGet version parsing (https://learn.microsoft.com/nuget/concepts/package-versioning): one to four numeric parts,
 * a SemVer 2.0 prerelease (`-label.label`) and build metadata (`+...`), which takes no part in ordering.
 * Written here because the `semver` package refuses four-part versions and orders labels case-sensitively.
 */

/** A parsed NuGet version: four numbers (missing parts are 0) and the prerelease labels (empty for a release). */
export interface NuGetVersion {
  readonly parts: readonly [bigint, bigint, bigint, bigint];
  readonly prerelease: readonly string[];
}

// NuGetVersion.TryParse trims, allows leading zeros and pads to four parts. Leniency: numbers are not capped at
// Int32, since OSV's table orders 30-digit versions.
const IDENTIFIER = '[0-9A-Za-z-]+';
const VERSION_PATTERN = new RegExp(
  `^([0-9]+(?:\\.[0-9]+){0,3})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+${IDENTIFIER}(?:\\.${IDENTIFIER})*)?$`,
);

/** Parses a NuGet version, or returns undefined when it is not one. */
export function parseNuGetVersion(text: string): NuGetVersion | undefined {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const numbers = (match[1] as string).split('.').map((part) => BigInt(part));
  const [major = 0n, minor = 0n, patch = 0n, revision = 0n] = numbers;
  return { parts: [major, minor, patch, revision], prerelease: match[2] === undefined ? [] : match[2].split('.') };
}
