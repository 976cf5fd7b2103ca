/**
 * Alpine version syntax, `number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}`, split into tokens the way
 * apk-tools does it (src/version.c, https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c).
 *
 * Three rules come from the apk-tools 2.x that Alpine 3.x ships rather than from master: real Alpine data needs the
 * first, and osv-scalibr's table (written with `apk version -t`) the others:
 * - digits right after the letter go on as a number (apk-tools <= 2.10): old Alpine releases and their secdb carry
 *   `openssh 6.6.2p1-r0`, and master would stop at the `1`, making every `p1-rN` equal;
 * - a `.` or `-r` with no digits after it counts as 0 (apk-tools 2.12-2.14), where master calls the version invalid;
 * - a version with no leading digit starts with an empty number (0), as apk-tools 2.10 reads it (`apk version -t a b`
 *   says `<`), where 2.12+ stops at once and calls every such pair equal.
 * Such empty numbers are kept as tokens with empty text: compare.ts gives them apk-tools 3's order against anything
 * else (see `goesWrong` there), and isApkVersion refuses the leading one.
 */

/** Token kinds, in apk's order: a version that ends sooner, or goes wrong sooner, sorts by this rank. */
export const APK_TOKEN_RANK = {
  initialDigit: 0,
  digit: 1,
  letter: 2,
  suffix: 3,
  suffixNumber: 4,
  commitHash: 5,
  revision: 6,
  end: 7,
  invalid: 8,
} as const;

/** One token kind. */
export type ApkTokenKind = keyof typeof APK_TOKEN_RANK;

/** Suffix weights: the pre-release ones sort below "no suffix" (0), the others above it. */
export const APK_SUFFIX_WEIGHT: Readonly<Record<string, number>> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};

/** One token: its kind and its text (digits without the '.', the suffix name, the hash). */
export interface ApkToken {
  kind: ApkTokenKind;
  text: string;
}

function spanOf(text: string, from: number, accepts: (char: string) => boolean): number {
  let end = from;
  while (end < text.length && accepts(text[end] as string)) end++;
  return end;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

function isLower(char: string): boolean {
  return char >= 'a' && char <= 'z';
}

function isHex(char: string): boolean {
  return isDigit(char) || (char >= 'a' && char <= 'f');
}

// The kind a digit run takes after the previous token, or undefined when digits may not follow it.
function digitKind(previous: ApkTokenKind, afterDot: boolean): ApkTokenKind | undefined {
  if (previous === 'initialDigit' || previous === 'digit') return 'digit';
  if (previous === 'letter' && !afterDot) return 'digit';
  if (previous === 'suffix' && !afterDot) return 'suffixNumber';
  return undefined;
}

/**
 * Splits a version into tokens, always ending with an `end` or `invalid` token. Like apk, it stops at the first
 * token that may not follow the previous one, so an invalid version still orders by its valid prefix.
 */
export function apkTokens(version: string): ApkToken[] {
  const tokens: ApkToken[] = [];
  let at = spanOf(version, 0, isDigit);
  tokens.push({ kind: 'initialDigit', text: version.slice(0, at) });

  for (;;) {
    const previous = (tokens[tokens.length - 1] as ApkToken).kind;
    const rank = APK_TOKEN_RANK[previous];
    const char = version[at];
    let next: ApkToken | undefined;
    if (char === undefined) {
      tokens.push({ kind: 'end', text: '' });
      return tokens;
    }
    if (isLower(char) && rank <= APK_TOKEN_RANK.digit) {
      next = { kind: 'letter', text: char };
      at++;
    } else if ((char === '.' && rank <= APK_TOKEN_RANK.digit) || isDigit(char)) {
      // '.' starts a number, even an empty one; a bare digit run follows a number, the letter or a suffix.
      const kind = digitKind(previous, char === '.');
      const start = char === '.' ? at + 1 : at;
      const end = spanOf(version, start, isDigit);
      if (kind !== undefined) next = { kind, text: version.slice(start, end) };
      at = end;
    } else if (char === '_' && rank <= APK_TOKEN_RANK.suffixNumber) {
      const end = spanOf(version, at + 1, isLower);
      const name = version.slice(at + 1, end);
      if (name in APK_SUFFIX_WEIGHT) next = { kind: 'suffix', text: name };
      at = end;
    } else if (char === '~' && rank < APK_TOKEN_RANK.commitHash) {
      const end = spanOf(version, at + 1, isHex);
      if (end > at + 1) next = { kind: 'commitHash', text: version.slice(at + 1, end) };
      at = end;
    } else if (char === '-' && rank < APK_TOKEN_RANK.revision && version[at + 1] === 'r') {
      const end = spanOf(version, at + 2, isDigit);
      next = { kind: 'revision', text: version.slice(at + 2, end) };
      at = end;
    }
    if (next === undefined) {
      tokens.push({ kind: 'invalid', text: '' });
      return tokens;
    }
    tokens.push(next);
  }
}

/**
 * True when the whole text tokenizes and starts with a digit (apk's `apk_version_validate`, with the 2.12-2.14 rules
 * above: `1.` and `1-r` pass).
 */
export function isApkVersion(version: string): boolean {
  const tokens = apkTokens(version);
  return tokens[0]?.text !== '' && tokens.at(-1)?.kind === 'end';
}
