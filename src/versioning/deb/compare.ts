/**
 * dpkg version order, Debian Policy §5.6.12 (https://www.debian.org/doc/debian-policy/ch-controlfields.html#version),
 * as dpkg's `verrevcmp` implements it (lib/dpkg/version.c).
 */
import type { DebVersion } from './parse.ts';

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

// Weight of one character in a non-digit run: the end of the string and digits weigh 0, `~` sorts before everything
// (even the end), letters sort before every other character.
function order(char: string | undefined): number {
  if (char === undefined || isDigit(char)) return 0;
  if (isLetter(char)) return char.charCodeAt(0);
  if (char === '~') return -1;
  return char.charCodeAt(0) + 256;
}

/** Compares two upstream versions or two revisions: alternating non-digit runs (by `order`) and digit runs (as numbers). */
export function compareDebPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i] as string)) || (j < b.length && !isDigit(b[j] as string))) {
      const diff = order(a[i]) - order(b[j]);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    // Digit runs compare as numbers of any length: skip leading zeros, then the longer run wins, else the first
    // differing digit decides.
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDiff = 0;
    while (i < a.length && j < b.length && isDigit(a[i] as string) && isDigit(b[j] as string)) {
      if (firstDiff === 0) firstDiff = (a.charCodeAt(i) as number) - (b.charCodeAt(j) as number);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a[i] as string)) return 1;
    if (j < b.length && isDigit(b[j] as string)) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

/** Orders two parsed Debian versions: epoch, then upstream version, then revision. */
export function compareDebVersions(a: DebVersion, b: DebVersion): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  return compareDebPart(a.upstream, b.upstream) || compareDebPart(a.revision, b.revision);
}
