/**
 * apk version order (apk-tools `apk_version_compare`,
 * https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c): token by token, and when one version
 * runs out first, the one that goes on is newer unless it goes on with a pre-release suffix.
 */
import { APK_SUFFIX_WEIGHT, APK_TOKEN_RANK, type ApkToken, apkTokens } from './parse.ts';

function sign(diff: number): number {
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

// Byte order, shorter first on a tie (apk_blob_sort).
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Digit runs as numbers of any length (apk reads them into a uint64; every real version fits).
function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  return x.length !== y.length ? sign(x.length - y.length) : compareText(x, y);
}

function compareTokens(a: ApkToken, b: ApkToken): number {
  switch (a.kind) {
    case 'digit':
      // A later number with a leading zero compares as text, like a decimal fraction (Gentoo's rule): 1.05 < 1.1.
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareText(a.text, b.text);
      return compareNumbers(a.text, b.text);
    case 'initialDigit':
    case 'suffixNumber':
    case 'revision':
      return compareNumbers(a.text, b.text);
    case 'suffix':
      return sign((APK_SUFFIX_WEIGHT[a.text] ?? 0) - (APK_SUFFIX_WEIGHT[b.text] ?? 0));
    default:
      // Letters and commit hashes compare as text.
      return compareText(a.text, b.text);
  }
}

function isPreRelease(token: ApkToken): boolean {
  return token.kind === 'suffix' && (APK_SUFFIX_WEIGHT[token.text] ?? 0) < 0;
}

/**
 * True where apk-tools 3 finds the version invalid: an invalid token, or an empty number (a `.`, `-r` or start with no
 * digits, which parse.ts reads as 0 like apk-tools 2.x). Two versions with the same kind of token there go on
 * comparing the 2.x way, since that is the only way left to order them (`0..1..0 < 0..1..1`, `1-r = 1-r0`,
 * `.1 < .2`). But where they part, apk-tools 3's rule decides, because 2.x's does not give one order for such
 * text: a version that goes wrong sorts below one that goes on validly (`0.r1 < 0r2`, `1-ruff < 1`: 2.x put
 * `0.r1` above, reading `.` as `.0`, and `1-ruff` above `1`, reading `-r` as `-r0`), and two that go wrong at the same
 * place are equal (`1-ruff2 = 1--ruff1`).
 */
function goesWrong(token: ApkToken): boolean {
  if (token.kind === 'invalid') return true;
  return token.text === '' && (token.kind === 'initialDigit' || token.kind === 'digit' || token.kind === 'revision');
}

/** Orders two apk versions, valid or not, as apk does (invalid ones: see `goesWrong`): -1, 0 or 1. */
export function compareApkVersions(a: string, b: string): number {
  const left = apkTokens(a);
  const right = apkTokens(b);
  let index = 0;
  for (;;) {
    const x = left[index] as ApkToken;
    const y = right[index] as ApkToken;
    if (x.kind !== y.kind || APK_TOKEN_RANK[x.kind] >= APK_TOKEN_RANK.end) {
      if (x.kind === y.kind) return 0;
      if (goesWrong(x) && goesWrong(y)) return 0;
      if (isPreRelease(x)) return -1;
      if (isPreRelease(y)) return 1;
      // The version that went wrong sorts lower; else the one that stopped sooner (end).
      if (goesWrong(x)) return -1;
      if (goesWrong(y)) return 1;
      return APK_TOKEN_RANK[x.kind] > APK_TOKEN_RANK[y.kind] ? -1 : 1;
    }
    const diff = compareTokens(x, y);
    if (diff !== 0) return diff;
    index++;
  }
}
