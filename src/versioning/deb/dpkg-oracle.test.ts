/**
 * Checks the deb order against the real `dpkg --compare-versions` on generated pairs: versions from the tables,
 * paired after a seeded shuffle, plus hand-picked edge cases. Skipped, with a message, where dpkg is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareTable } from '../testing/compare-table.ts';
import { debVersioning } from './index.ts';

const hasDpkg = spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status === 0;

// Deterministic shuffle (mulberry32), so a failure names the same pairs on every run.
function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(next() * (i + 1));
    [out[i], out[k]] = [out[k] as T, out[i] as T];
  }
  return out;
}

const EDGE_PAIRS: [string, string][] = [
  ['1.0~rc1', '1.0'],
  ['1.0~rc1', '1.0~rc1~1'],
  ['1.0~', '1.0'],
  ['1.0~', '1.0~~'],
  ['1.0+', '1.0.'],
  ['1.0+', '1.0a'],
  ['1.0+dfsg', '1.0'],
  ['1.0.', '1.0'],
  ['1.0-1', '1.0-1.1'],
  ['1.0-1+deb12u1', '1.0-1+b1'],
  ['1.0-1~bpo12+1', '1.0-1'],
  ['1:1.0', '2.0'],
  ['0:1.0', '1.0'],
  ['1.0', '1.0-0'],
  ['1.0', '1.0-1'],
  ['10:1', '9:2'],
  ['1.001', '1.1'],
  ['1.0a', '1.0A'],
  ['1.0-a', '1.0-0'],
  ['2.7.4+reloaded2-13ubuntu1', '2.7.4+reloaded2-13+deb9u1'],
  ['1.2.3-4-5', '1.2.3-4-4'],
  ['1:2:3', '1:2:4'],
  ['0.0.0', '0.0.0-00'],
  ['99999999999999999999', '100000000000000000000'],
];

function dpkgPairs(): [string, string][] {
  const versions = new Set<string>();
  for (const file of ['debian-versions.txt', 'debian-versions-generated.txt']) {
    for (const { a, b } of compareTable(file)) versions.add(a).add(b);
  }
  const shuffled = seededShuffle([...versions], 12);
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < shuffled.length && pairs.length < 300; i += 2) {
    pairs.push([shuffled[i] as string, shuffled[i + 1] as string]);
  }
  // Every table version against its neighbour once more, to compare close versions too.
  const sorted = [...versions].sort();
  for (let i = 0; i + 1 < sorted.length && pairs.length < 450; i += 7) {
    pairs.push([sorted[i] as string, sorted[i + 1] as string]);
  }
  return [...pairs, ...EDGE_PAIRS];
}

// One shell runs every comparison, so a few hundred pairs cost one process start instead of hundreds.
function dpkgSigns(pairs: readonly [string, string][]): number[] {
  const script =
    'while read -r a b; do ' +
    'if dpkg --compare-versions "$a" lt "$b"; then echo -1; ' +
    'elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done';
  const input = pairs.map(([a, b]) => `${a} ${b}`).join('\n');
  const output = execFileSync('sh', ['-c', script], { input: `${input}\n`, encoding: 'utf8', stdio: 'pipe' });
  return output.trim().split('\n').map(Number);
}

const title = hasDpkg
  ? 'deb order against dpkg --compare-versions'
  : 'deb order against dpkg --compare-versions (skipped: dpkg is not installed, so there is no oracle)';

describe.skipIf(!hasDpkg)(title, () => {
  it('agrees with dpkg on every generated pair', () => {
    const pairs = dpkgPairs();
    expect(pairs.length).toBeGreaterThan(300);
    const expected = dpkgSigns(pairs);
    expect(expected).toHaveLength(pairs.length);
    // The oracle really answered: it saw older, equal and newer pairs.
    expect(new Set(expected)).toEqual(new Set([-1, 0, 1]));
    const disagreements = pairs
      .map(([a, b], index) => ({ a, b, dpkg: expected[index], ours: Math.sign(debVersioning.compare(a, b)) }))
      .filter((row) => row.dpkg !== row.ours);
    expect(disagreements).toEqual([]);
  });
});
