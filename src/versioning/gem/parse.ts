/**
 * RubyGems version parsing, as Gem::Version does it
 * (https://github.com/rubygems/rubygems/blob/master/lib/rubygems/version.rb): `-` reads as `.pre.`, segments are runs
 * of digits or of letters, and trailing zeros are dropped from the release part and from the prerelease part.
 * Written here because no maintained npm package implements Gem::Version.
 */

/** One segment: a number, or a run of letters (which makes the version a prerelease). */
export type GemSegment = bigint | string;

// Gem::Version::ANCHORED_VERSION_PATTERN (Ruby's `\s` is ASCII whitespace only), with one leniency: Ruby wants the
// first segment all digits and refuses `1beta`, which OSV's tables order as `1.beta`; `[0-9a-zA-Z]*` accepts it, and
// the segment scan below orders it exactly as Gem::Version orders `1.beta`.
const VERSION_PATTERN =
  /^[ \t\r\n\f\v]*[0-9][0-9a-zA-Z]*(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?[ \t\r\n\f\v]*$/;

/** True when Gem::Version.correct? accepts the text, or `1beta` (the empty version, which Ruby reads as "0", is not). */
export function isGemVersion(text: string): boolean {
  return VERSION_PATTERN.test(text);
}

function dropTrailingZeros(segments: GemSegment[]): GemSegment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}

/** Gem::Version#canonical_segments: the segments with trailing zeros dropped before and after the first letter run. */
export function gemCanonicalSegments(text: string): GemSegment[] {
  const version = text.trim().replaceAll('-', '.pre.');
  const segments: GemSegment[] = (version.match(/[0-9]+|[a-z]+/gi) ?? []).map((run) =>
    /^[0-9]/.test(run) ? BigInt(run) : run,
  );
  const firstString = segments.findIndex((segment) => typeof segment === 'string');
  if (firstString === -1) return dropTrailingZeros(segments);
  return [...dropTrailingZeros(segments.slice(0, firstString)), ...dropTrailingZeros(segments.slice(firstString))];
}
