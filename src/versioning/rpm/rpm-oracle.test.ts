/**
 * Checks the rpm order against rpm itself (`rpm.vercmp` in rpm's embedded Lua, rpm >= 4.16) on generated pairs:
 * versions from the table, paired after a seeded shuffle, plus hand-picked edge cases. Skipped, with a message, where
 * rpm is not installed or too old.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTable } from '../testing/compare-table.ts';
import { rpmVersioning } from './index.ts';

const probe = spawnSync('rpm', ['--eval', "%{lua: print(rpm.vercmp('1.0', '1.0~rc1'))}"], { encoding: 'utf8' });
const hasRpm = probe.status === 0 && probe.stdout.trim() === '1';

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
  ['1.0~~', '1.0~'],
  ['1.0', '1.0^'],
  ['1.0^', '1.0.1'],
  ['1.0^git1~1', '1.0^git1'],
  ['1.0a', '1.0.1'],
  ['1.a', '1.1'],
  ['1.0', '1_0'],
  ['007', '7'],
  ['123456789012345678901234567890', '123456789012345678901234567891'],
  ['0:1.0-1', '1.0-1'],
  [':1.0', '0:1.0'],
  ['1:1.0', '2.0'],
  ['1.0', '1.0-1'],
  ['1.0-', '1.0'],
  ['1.0-1', '1.0-1.el8'],
  ['1.0-1.el8', '1.0-1.el8_1'],
  ['2.17-326.el7_9', '2.17-326.el7_9.3'],
  ['1:3.10.0-1160.el7', '3.10.0-1160.99.1.el7'],
  ['a:1', '0:2'],
  ['1.1.α', '1.1'],
];

function rpmPairs(): [string, string][] {
  const versions = new Set<string>();
  for (const { a, b } of compareTable('redhat-versions.txt')) versions.add(a).add(b);
  const list = [...versions];
  const pairs: [string, string][] = [];
  for (const seed of [1, 2, 3, 4, 5]) {
    const shuffled = seededShuffle(list, seed);
    for (let i = 0; i + 1 < shuffled.length; i += 2) pairs.push([shuffled[i] as string, shuffled[i + 1] as string]);
  }
  return [...pairs, ...EDGE_PAIRS];
}

// One rpm process runs every comparison: a Lua script reads the pairs from a file and prints one sign per line.
function rpmSigns(pairs: readonly [string, string][]): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'lucent-rpm-oracle-'));
  try {
    const pairsFile = join(dir, 'pairs.txt');
    const scriptFile = join(dir, 'compare.lua');
    writeFileSync(pairsFile, `${pairs.map(([a, b]) => `${a} ${b}`).join('\n')}\n`);
    writeFileSync(
      scriptFile,
      [
        `for line in io.lines(${JSON.stringify(pairsFile)}) do`,
        '  local a, b = line:match("^(%S+) (%S+)$")',
        '  io.write(rpm.vercmp(a, b), "\\n")',
        'end',
      ].join('\n'),
    );
    const output = execFileSync('rpm', ['--eval', `%{lua: dofile(${JSON.stringify(scriptFile)})}`], {
      encoding: 'utf8',
    });
    return output.trim().split('\n').map(Number);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const title = hasRpm
  ? 'rpm order against rpm.vercmp'
  : 'rpm order against rpm.vercmp (skipped: rpm >= 4.16 is not installed, so there is no oracle)';

describe.skipIf(!hasRpm)(title, () => {
  it('agrees with rpm on every generated pair', () => {
    const pairs = rpmPairs();
    expect(pairs.length).toBeGreaterThan(300);
    const expected = rpmSigns(pairs);
    expect(expected).toHaveLength(pairs.length);
    // The oracle really answered: it saw older, equal and newer pairs.
    expect(new Set(expected)).toEqual(new Set([-1, 0, 1]));
    const disagreements = pairs
      .map(([a, b], index) => ({ a, b, rpm: expected[index], ours: Math.sign(rpmVersioning.compare(a, b)) }))
      .filter((row) => row.rpm !== row.ours);
    expect(disagreements).toEqual([]);
  });
});
