/**
 * Test oracle for Alpine version order, written apart from src/versioning/apk (which follows apk-tools' tokenizer).
 * It accepts only the strict version grammar of the APKBUILD reference
 * (https://wiki.alpinelinux.org/wiki/APKBUILD_Reference#pkgver, and `-r<n>` for pkgrel):
 *
 *   <number>(.<number>)* [<letter>[<number>]] (_<suffix>[<number>])* [-r<number>]
 *
 * and orders a parsed version field by field, the way the reference describes it: the numbers (the first as an
 * integer, later ones with a leading zero compared as decimal fractions, as Gentoo and apk do), more numbers above
 * fewer; then the letter (none below any) and the number right after it (`6.6.2p1`, OpenSSH's style); then the suffixes (alpha < beta < pre < rc < none < cvs < svn < git < hg
 * < p, each with its number); then the revision (none below -r0). Versions outside the grammar throw: the oracle never
 * guesses. It is checked against the valid lines of osv-scalibr's Alpine tables in the tests that use it.
 */

const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const NO_SUFFIX = SUFFIXES.indexOf('');
const GRAMMAR = /^(\d+(?:\.\d+)*)(?:([a-z])(\d+)?)?((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:-r(\d+))?$/;

interface ApkVersion {
  numbers: string[];
  letter: string;
  /** Digits right after the letter (`6.6.2p1`), a further number in apk's reading; -1 when absent. */
  letterNumber: bigint;
  suffixes: { rank: number; number: bigint }[];
  revision: bigint;
}

/** Whether `version` is in the strict grammar. */
export function isStrictApkVersion(version: string): boolean {
  return GRAMMAR.test(version);
}

function parse(version: string): ApkVersion {
  const match = GRAMMAR.exec(version);
  if (!match) throw new Error(`not a strict apk version: ${version}`);
  const [, numbers = '', letter = '', letterNumber, suffixes = '', revision] = match;
  return {
    numbers: numbers.split('.'),
    letter,
    letterNumber: letterNumber === undefined ? -1n : BigInt(letterNumber),
    suffixes: suffixes
      .split('_')
      .slice(1)
      .map((suffix) => {
        const [, name = '', number = ''] = /^([a-z]+)(\d*)$/.exec(suffix) ?? [];
        return { rank: SUFFIXES.indexOf(name), number: BigInt(number || '0') };
      }),
    revision: revision === undefined ? -1n : BigInt(revision),
  };
}

const sign = (a: bigint | number, b: bigint | number) => (a < b ? -1 : a > b ? 1 : 0);

function compareNumber(a: string, b: string, first: boolean): number {
  if (!first && (a.startsWith('0') || b.startsWith('0'))) {
    // Decimal fractions: ".05" < ".1"; trailing zeros do not count.
    const x = a.replace(/0+$/, '');
    const y = b.replace(/0+$/, '');
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return sign(BigInt(a), BigInt(b));
}

/** Compares two strict apk versions: negative, zero or positive. */
export function compareApk(left: string, right: string): number {
  const a = parse(left);
  const b = parse(right);
  for (let i = 0; i < Math.min(a.numbers.length, b.numbers.length); i++) {
    const order = compareNumber(a.numbers[i] as string, b.numbers[i] as string, i === 0);
    if (order !== 0) return order;
  }
  if (a.numbers.length !== b.numbers.length) return sign(a.numbers.length, b.numbers.length);
  if (a.letter !== b.letter) return a.letter < b.letter ? -1 : 1;
  if (a.letterNumber !== b.letterNumber) return sign(a.letterNumber, b.letterNumber);
  for (let i = 0; i < Math.max(a.suffixes.length, b.suffixes.length); i++) {
    const x = a.suffixes[i] ?? { rank: NO_SUFFIX, number: 0n };
    const y = b.suffixes[i] ?? { rank: NO_SUFFIX, number: 0n };
    const order = sign(x.rank, y.rank) || sign(x.number, y.number);
    if (order !== 0) return order;
  }
  return sign(a.revision, b.revision);
}
