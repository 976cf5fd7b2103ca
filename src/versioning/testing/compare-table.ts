/**
 * Version-order tables (`a < b`, `a = b`, `a > b`, one per line; `#` and `//` comments), as in osv-scalibr's
 * semantic/testdata, copied to test/fixtures/version-compare/ (origins in test/fixtures/README.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One line of a table. */
export interface CompareCase {
  a: string;
  op: '<' | '=' | '>';
  b: string;
  line: number;
}

/** Reads a table from test/fixtures/version-compare/. */
export function compareTable(file: string): CompareCase[] {
  const path = fileURLToPath(new URL(`../../../test/fixtures/version-compare/${file}`, import.meta.url));
  const cases: CompareCase[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      // osv-scalibr's reader skips both `#` and `//` comment lines; maven, packagist, pub, pypi and semver use `//`.
      if (text === '' || text.startsWith('#') || text.startsWith('//')) return;
      const match = /^(\S+) ([<=>]) (\S+)$/.exec(text);
      if (!match) throw new Error(`${file}:${index + 1}: not a comparison: ${text}`);
      cases.push({ a: match[1] as string, op: match[2] as CompareCase['op'], b: match[3] as string, line: index + 1 });
    });
  return cases;
}

/** The sign a comparison must have for an operator. */
export function expectedSign(op: CompareCase['op']): -1 | 0 | 1 {
  return op === '<' ? -1 : op === '>' ? 1 : 0;
}
