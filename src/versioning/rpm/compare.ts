/**
 * RPM version order: `rpmvercmp` (https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.c) on
 * each of epoch, version and release, combined as `rpmverCmp` does (rpmio/rpmver.c). Written from the C source because
 * no maintained npm package follows it, `~` and `^` included.
 */
import type { RpmVersion } from './parse.ts';

// rpm's risdigit/risalpha are ASCII-only: any other character, UTF-8 letters included, is a separator.
function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isAlpha(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'));
}

function isSeparator(char: string | undefined): boolean {
  return char !== undefined && !isDigit(char) && !isAlpha(char) && char !== '~' && char !== '^';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * rpmvercmp: alternating runs of digits and of ASCII letters, other characters only separate them. `~` sorts before
 * anything, even the end of the string; `^` sorts after the end of the string but before anything else. A digit run
 * is newer than a letter run.
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (isSeparator(a[i])) i++;
    while (isSeparator(b[j])) j++;

    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;

    const numeric = isDigit(a[i]);
    const inRun = numeric ? isDigit : isAlpha;
    let endA = i;
    let endB = j;
    while (inRun(a[endA])) endA++;
    while (inRun(b[endB])) endB++;
    // Segments of different kinds: the numeric one is newer.
    if (endB === j) return numeric ? 1 : -1;

    let segA = a.slice(i, endA);
    let segB = b.slice(j, endB);
    if (numeric) {
      // Numbers of any length: drop leading zeros, then the longer one is larger.
      segA = segA.replace(/^0+/, '');
      segB = segB.replace(/^0+/, '');
      if (segA.length !== segB.length) return segA.length > segB.length ? 1 : -1;
    }
    const diff = compareText(segA, segB);
    if (diff !== 0) return diff;
    i = endA;
    j = endB;
  }
  // Every segment matched: equal when both ran out, else the one with something left is newer.
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

// rpmverCmp's compare_values: a missing part is older than any present one, even an empty one.
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return rpmvercmp(a, b);
}

/** Orders two parsed EVRs: epoch (missing means 0), then version, then release (missing sorts before present). */
export function compareRpmVersions(a: RpmVersion, b: RpmVersion): number {
  return (
    rpmvercmp(a.epoch ?? '0', b.epoch ?? '0') ||
    rpmvercmp(a.version, b.version) ||
    compareOptional(a.release, b.release)
  );
}
