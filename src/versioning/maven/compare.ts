/**
 * Maven's item order (ComparableVersion's IntItem/StringItem/ListItem.compareTo, maven-artifact 3.8.6):
 * number > list > qualifier across kinds, and a missing item compares as "null" (0 / release / empty list).
 */
import { comparableQualifier, type MavenItem, RELEASE_QUALIFIER_KEY } from './parse.ts';

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// An item against a missing one: "1.0 == 1", "1-rc < 1", "1-sp > 1", and a list by its first non-null item (MNG-6964).
function compareWithNull(item: MavenItem): number {
  if (item.kind === 'number') return item.value === 0n ? 0 : 1;
  if (item.kind === 'string') return compareStrings(comparableQualifier(item.value), RELEASE_QUALIFIER_KEY);
  for (const nested of item.items) {
    const result = compareWithNull(nested);
    if (result !== 0) return result;
  }
  return 0;
}

/** Orders two Maven items; `undefined` is a missing item. */
export function compareMavenItems(a: MavenItem | undefined, b: MavenItem | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 0 - compareWithNull(b);
  if (b === undefined) return compareWithNull(a);
  if (a.kind === 'number') {
    return b.kind === 'number' ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : 1;
  }
  if (a.kind === 'string') {
    return b.kind === 'string' ? sign(compareStrings(comparableQualifier(a.value), comparableQualifier(b.value))) : -1;
  }
  if (b.kind === 'number') return -1;
  if (b.kind === 'string') return 1;
  const length = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < length; i++) {
    const result = compareMavenItems(a.items[i], b.items[i]);
    if (result !== 0) return result;
  }
  return 0;
}
