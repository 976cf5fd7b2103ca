/**
 * Maven's ComparableVersion item tree, ported from maven-artifact 3.8.6 (the version osv-scalibr's generated table was
 * sorted with): https://maven.apache.org/ref/3.8.6/maven-artifact/apidocs/org/apache/maven/artifact/versioning/ComparableVersion.html
 * and its source, ComparableVersion.parseVersion. A version is a list of items split on `.`, `-` and digit/letter
 * transitions; `-` and transitions open a nested list. Written here because no maintained npm package ports it.
 * Limit: Maven 3.9 reorders some qualifiers (maven-artifact 3.9.6 says `2.9.0-1 > 2.9.0.RC1`, 3.8.6 says `<`);
 * the OSV tables and this port keep the 3.8.6 order.
 */

/** One item of a parsed Maven version: a number, a qualifier or a nested list. */
export type MavenItem =
  | { readonly kind: 'number'; readonly value: bigint }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: MavenItem[] };

/** The top-level list of a parsed Maven version. */
export type MavenVersion = Extract<MavenItem, { kind: 'list' }>;

// Qualifiers in order; unknown qualifiers sort after all of them, lexically (StringItem.QUALIFIERS).
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'] as const;
const RELEASE_INDEX = QUALIFIERS.indexOf('');
const ALIASES: Readonly<Record<string, string>> = { ga: '', final: '', release: '', cr: 'rc' };
// `a1`, `b1`, `m1`: a one-letter qualifier directly followed by a digit.
const SHORTHANDS: Readonly<Record<string, string>> = { a: 'alpha', b: 'beta', m: 'milestone' };

/** The sortable key of a qualifier: its index among the known ones, else "7-<qualifier>" (string order). */
export function comparableQualifier(qualifier: string): string {
  const index = (QUALIFIERS as readonly string[]).indexOf(qualifier);
  return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

/** The release qualifier's key: items equal to it count as "null" and are trimmed. */
export const RELEASE_QUALIFIER_KEY = String(RELEASE_INDEX);

function stringItem(value: string, followedByDigit: boolean): MavenItem {
  const shorthand = followedByDigit && value.length === 1 ? SHORTHANDS[value] : undefined;
  const expanded = shorthand ?? value;
  return { kind: 'string', value: ALIASES[expanded] ?? expanded };
}

function parseItem(isDigit: boolean, text: string): MavenItem {
  return isDigit ? { kind: 'number', value: BigInt(text) } : stringItem(text, false);
}

/** True when an item is "null": 0, a release qualifier or an empty list. */
export function isNullItem(item: MavenItem): boolean {
  if (item.kind === 'number') return item.value === 0n;
  if (item.kind === 'string') return comparableQualifier(item.value) === RELEASE_QUALIFIER_KEY;
  return item.items.length === 0;
}

/**
 * ListItem.normalize: drop trailing null items, stopping at the first non-null item that is not a list.
 *
 * One step is the POM reference's rather than ComparableVersion's: its version order spec
 * (https://maven.apache.org/pom.html#version-order-specification) trims a null between two hyphens, so `1-ga-1`
 * is `1-1` (osv-scalibr's table asserts it). ComparableVersion drops the `ga` but keeps the list it stood in, which
 * then holds only the next list ([1, [[1]]]), and orders `1-ga-1` below `1-1`. A nested list only ever holds nothing
 * but one list after such a trim (a list always gets an item before the list opened after it), so here that list
 * takes the inner one's items: the spec's order, and ComparableVersion's for every version without a null between
 * hyphens. The top-level list is left alone (`-1` stays [[1]], as in Maven).
 */
function normalize(list: MavenItem[], nested: boolean): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as MavenItem;
    if (isNullItem(item)) list.splice(i, 1);
    else if (item.kind !== 'list') break;
  }
  const [only] = list;
  if (nested && list.length === 1 && only?.kind === 'list') list.splice(0, 1, ...only.items);
}

function isAsciiDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/** Parses any text into Maven's item tree (Maven accepts every string; it lower-cases it first). */
export function parseMavenVersion(text: string): MavenVersion {
  const version = text.toLowerCase();
  const root: MavenVersion = { kind: 'list', items: [] };
  const stack: MavenItem[][] = [root.items];
  let list = root.items;
  let isDigit = false;
  let start = 0;

  function openList(): void {
    const nested: MavenVersion = { kind: 'list', items: [] };
    list.push(nested);
    list = nested.items;
    stack.push(list);
  }

  for (let i = 0; i < version.length; i++) {
    const char = version[i] as string;
    if (char === '.' || char === '-') {
      list.push(i === start ? { kind: 'number', value: 0n } : parseItem(isDigit, version.slice(start, i)));
      start = i + 1;
      if (char === '-') openList();
    } else if (isAsciiDigit(char)) {
      if (!isDigit && i > start) {
        list.push(stringItem(version.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, version.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (version.length > start) list.push(parseItem(isDigit, version.slice(start)));

  // Innermost lists first, as Maven pops its stack.
  for (let nested = stack.pop(); nested !== undefined; nested = stack.pop()) normalize(nested, nested !== root.items);
  return root;
}
