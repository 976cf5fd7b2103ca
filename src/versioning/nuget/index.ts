/**
 * NuGet versioning: NuGet.Versioning's VersionComparer.Default order
 * (https://learn.microsoft.com/nuget/concepts/package-versioning#version-precedence).
 */
import type { VersioningScheme } from '../scheme.ts';
import { type NuGetVersion, parseNuGetVersion } from './parse.ts';

function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// A label: numeric labels compare as numbers and sort before alphanumeric ones; others compare ordinally, ignoring case.
function compareLabels(a: string, b: string): number {
  const aNumeric = /^[0-9]+$/.test(a);
  const bNumeric = /^[0-9]+$/.test(b);
  if (aNumeric && bNumeric) return compareBigInts(BigInt(a), BigInt(b));
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  const left = a.toUpperCase();
  const right = b.toUpperCase();
  return left < right ? -1 : left > right ? 1 : 0;
}

// A release sorts after its prereleases; a longer label list wins when one is a prefix of the other.
function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return Math.sign(b.length - a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const result = compareLabels(a[i] as string, b[i] as string);
    if (result !== 0) return result;
  }
  return Math.sign(a.length - b.length);
}

function parseOrThrow(version: string): NuGetVersion {
  const parsed = parseNuGetVersion(version);
  if (!parsed) throw new Error(`invalid NuGet version: ${JSON.stringify(version)}`);
  return parsed;
}

/** NuGet's version order (four parts, case-insensitive labels, metadata ignored). */
export const nugetVersioning = {
  name: 'nuget',
  isValid(version: string): boolean {
    return parseNuGetVersion(version) !== undefined;
  },
  compare(a: string, b: string): number {
    const left = parseOrThrow(a);
    const right = parseOrThrow(b);
    for (let i = 0; i < 4; i++) {
      const result = compareBigInts(left.parts[i] as bigint, right.parts[i] as bigint);
      if (result !== 0) return result;
    }
    return comparePrerelease(left.prerelease, right.prerelease);
  },
} satisfies VersioningScheme;
