/**
 * RubyGems versioning: the order of Gem::Version#<=>
 * (https://github.com/rubygems/rubygems/blob/master/lib/rubygems/version.rb).
 */
import type { VersioningScheme } from '../scheme.ts';
import { type GemSegment, gemCanonicalSegments, isGemVersion } from './parse.ts';

// A letter run sorts before any number (a prerelease before its release); strings compare byte-wise.
function compareSegments(a: GemSegment, b: GemSegment): number {
  if (typeof a === 'string' && typeof b !== 'string') return -1;
  if (typeof a !== 'string' && typeof b === 'string') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** RubyGems' version order. */
export const gemVersioning = {
  name: 'gem',
  isValid(version: string): boolean {
    return isGemVersion(version);
  },
  compare(a: string, b: string): number {
    for (const version of [a, b]) {
      if (!isGemVersion(version)) throw new Error(`invalid RubyGems version: ${JSON.stringify(version)}`);
    }
    const left = gemCanonicalSegments(a);
    const right = gemCanonicalSegments(b);
    // Missing segments count as 0, so `1.a` < `1` (a < 0) and `1.0.1` > `1`.
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const result = compareSegments(left[i] ?? 0n, right[i] ?? 0n);
      if (result !== 0) return result;
    }
    return 0;
  },
} satisfies VersioningScheme;
