/**
 * PHP's version_compare(), ported from php-src ext/standard/versioning.c (php_canonicalize_version,
 * compare_special_version_forms, php_version_compare): https://www.php.net/manual/function.version-compare.php.
 * Two deliberate differences from PHP, both on input Composer refuses:
 * - PHP reads each number with strtol, which clamps at PHP_INT_MAX, so numbers beyond 2^63 compare equal there; here
 *   they compare by value (OSV's table orders 30-digit versions).
 * - PHP drops a `#` that follows a `.` and then finds `1.2.3.#` below itself (the trailing `.` leaves an empty part);
 *   here `#` stays a part of its own and weighs as a number, as `#` is version_compare's name for a number part and as
 *   OSV's table expects (`1.2.3.# = 1.2.3`, `1.2.3.#.beta < 1.2.3`).
 */

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isAlnum(char: string): boolean {
  return /^[0-9A-Za-z]$/.test(char);
}

/** php_canonicalize_version: `-`, `_`, `+` and other symbols but `#` become `.`; `.` splits digit/non-digit runs. */
export function phpCanonicalizeVersion(version: string): string {
  if (version === '') return '';
  let out = version[0] as string;
  let last = out;
  for (const char of version.slice(1)) {
    const previous = out[out.length - 1];
    const separator = previous === '.' ? '' : '.';
    if (char === '-' || char === '_' || char === '+') {
      out += separator;
    } else if ((!isDigit(last) && last !== '.' && isDigit(char)) || (isDigit(last) && !isDigit(char) && char !== '.')) {
      out += separator + char;
    } else if (!isAlnum(char) && char !== '#') {
      out += separator;
    } else {
      out += char;
    }
    last = char;
  }
  return out;
}

// compare_special_version_forms: a part is weighed by its prefix, case-sensitively; anything else weighs -1.
const SPECIAL_FORMS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function specialFormOrder(form: string): number {
  return SPECIAL_FORMS.find(([name]) => form.startsWith(name))?.[1] ?? -1;
}

function compareSpecialForms(a: string, b: string): number {
  return Math.sign(specialFormOrder(a) - specialFormOrder(b));
}

function leadingNumber(part: string): bigint {
  return BigInt(/^[0-9]+/.exec(part)?.[0] ?? '0');
}

// A number part weighs as "#N#", between RC and pl.
function compareParts(a: string, b: string): number {
  if (isDigit(a[0]) && isDigit(b[0])) {
    const left = leadingNumber(a);
    const right = leadingNumber(b);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (!isDigit(a[0]) && !isDigit(b[0])) return compareSpecialForms(a, b);
  return isDigit(a[0]) ? compareSpecialForms('#N#', b) : compareSpecialForms(a, '#N#');
}

/** php_version_compare: -1, 0 or 1, walking both canonical forms part by part as PHP does. */
export function phpVersionCompare(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a !== '' ? 1 : -1;
  const left = a.startsWith('#') ? a : phpCanonicalizeVersion(a);
  const right = b.startsWith('#') ? b : phpCanonicalizeVersion(b);
  // PHP finds `1.0.` below itself (its trailing empty part weighs below a number); a version equals itself here.
  if (left === right) return 0;
  let p1 = 0;
  let p2 = 0;
  let n1: number | undefined = 0;
  let n2: number | undefined = 0;
  let compare = 0;
  while (p1 < left.length && p2 < right.length && n1 !== undefined && n2 !== undefined) {
    const dot1 = left.indexOf('.', p1);
    const dot2 = right.indexOf('.', p2);
    n1 = dot1 === -1 ? undefined : dot1;
    n2 = dot2 === -1 ? undefined : dot2;
    compare = compareParts(left.slice(p1, n1), right.slice(p2, n2));
    if (compare !== 0) break;
    if (n1 !== undefined) p1 = n1 + 1;
    if (n2 !== undefined) p2 = n2 + 1;
  }
  if (compare !== 0) return compare;
  // One side has parts left: a number wins, anything else is weighed against a number.
  if (n1 !== undefined) return isDigit(left[p1]) ? 1 : phpVersionCompare(left.slice(p1), '#N#');
  if (n2 !== undefined) return isDigit(right[p2]) ? -1 : phpVersionCompare('#N#', right.slice(p2));
  return 0;
}
