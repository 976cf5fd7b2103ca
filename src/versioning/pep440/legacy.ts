/**
 * Order of versions that are not PEP 440, as packaging ≤ 21.3 gave them (`LegacyVersion`, setuptools' old
 * `parse_version`): https://github.com/pypa/packaging/blob/21.3/packaging/version.py#L106-L225. packaging 22 dropped
 * it and `@renovatebot/pep440` never had it, but PyPI still holds releases named like `0.7.11p1` or
 * `2013-01-21T20:33:09+0100`, and advisories list them, so it is written here from that source.
 */

// Python's `\d` in a str pattern matches any Unicode decimal digit, hence \p{Nd}.
const componentPattern = /(\p{Nd}+|[a-z]+|\.|-)/u;

const replacements: Readonly<Record<string, string>> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

/** The parts of a legacy version: numbers padded to 8 digits for text order, everything else prefixed with `*`. */
function legacyParts(version: string): string[] {
  const parts: string[] = [];
  for (const raw of version.split(componentPattern)) {
    const part = replacements[raw] ?? raw;
    if (part === '' || part === '.') continue;
    parts.push(/^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`);
  }
  // alpha, beta and candidate parts sort before the final release
  parts.push('*final');
  return parts;
}

/** The comparison key packaging ≤ 21.3 gave a non-PEP 440 version (`_legacy_cmpkey`, without its epoch of -1). */
export function legacyKey(version: string): string[] {
  const key: string[] = [];
  for (const part of legacyParts(version.toLowerCase())) {
    if (part.startsWith('*')) {
      // drop a "-" before a pre-release tag, then trailing zeros of the numeric run before it
      if (part < '*final') while (key.at(-1) === '*final-') key.pop();
      while (key.at(-1) === '00000000') key.pop();
    }
    key.push(part);
  }
  return key;
}

/** Orders two legacy versions as Python orders their key tuples (part by part, then the shorter first). */
export function compareLegacy(a: string, b: string): number {
  const keyA = legacyKey(a);
  const keyB = legacyKey(b);
  for (let i = 0; i < Math.min(keyA.length, keyB.length); i++) {
    const partA = keyA[i] as string;
    const partB = keyB[i] as string;
    if (partA !== partB) return partA < partB ? -1 : 1;
  }
  return Math.sign(keyA.length - keyB.length);
}
