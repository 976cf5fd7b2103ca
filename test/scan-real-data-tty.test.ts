/**
 * `lucent scan`'s table on a terminal, as users see it: the Debian 10 nginx image against the real DSA and DLA lists
 * plus the tracker urgencies and CVSS records of test/fixtures/debian-severity. The table is grouped by severity,
 * highest first, and coloured only on a terminal (a pseudo-terminal from util-linux `script`), never with
 * `NO_COLOR` set or `TERM=dumb`, nor when piped.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';
import { onPath } from './support/run-program.ts';

const exec = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/lucent.js', import.meta.url));
const NGINX = fixtureImage('snyk-docker-plugin/docker-save_nginx.tar');
const tracker = fileURLToPath(new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url));
const severity = fileURLToPath(new URL('./fixtures/debian-severity/', import.meta.url));
const ESC = '\u001b[';
const hasScript = await onPath('script');
if (!hasScript) console.warn('scan-real-data-tty: util-linux `script` is missing: terminal tests skipped');

let db: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-tty-'));
  db = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  const imported = await runCli([
    'db',
    'import',
    ...lists,
    join(severity, 'tracker-buster.json'),
    join(severity, 'osv'),
    '--db',
    db,
  ]);
  expect(imported.code).toBe(0);
});

/** Runs `lucent` with stdout on a pseudo-terminal; what the terminal showed, with CRLF made LF. */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  // stderr (progress lines on a terminal) goes elsewhere: only stdout, the report, is on the terminal.
  const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`);
  const command = `${quoted.join(' ')} 2>/dev/null`;
  const { stdout } = await exec('script', ['-q', '-e', '-c', command, '/dev/null'], {
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: '', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.replaceAll('\r\n', '\n');
}

const scanArgs = () => ['--no-cache', 'scan', NGINX, '--db', db];

describe.skipIf(!hasScript)('the table on a terminal', () => {
  let coloured: string;
  beforeAll(async () => {
    coloured = await onTerminal(scanArgs());
  });

  it('is coloured by severity, and reads as the plain table without its escape codes', async () => {
    expect(coloured).toContain(`${ESC}1m${ESC}31mCRITICAL`);
    expect(coloured).toContain(`${ESC}33mMEDIUM`);
    expect(coloured).toContain(`${ESC}36mLOW`);
    const piped = await runCli(scanArgs());
    expect(piped.stdout).not.toContain(ESC);
    expect(stripVTControlCharacters(coloured)).toBe(piped.stdout);
  });

  it('groups the findings by severity, highest first', () => {
    const levels = stripVTControlCharacters(coloured)
      .split('\n')
      .slice(1)
      .flatMap((line) => /\s(CRITICAL|HIGH|MEDIUM|LOW|NEGLIGIBLE|UNKNOWN)\s/.exec(line)?.[1] ?? []);
    const runs = levels.filter((level, index) => level !== levels[index - 1]);
    expect(runs).toEqual(['CRITICAL', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN']);
    expect(levels).toHaveLength(71);
    expect(stripVTControlCharacters(coloured)).toContain(
      '71 vulnerabilities: 1 CRITICAL, 0 HIGH, 2 MEDIUM, 2 LOW, 2 NEGLIGIBLE, 64 UNKNOWN; 71 fixable, 0 KEV',
    );
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['TERM=dumb', { TERM: 'dumb' }],
  ])('has no colour with %s', async (_, env) => {
    const plain = await onTerminal(scanArgs(), env);
    expect(plain).not.toContain(ESC);
    expect(plain).toContain('71 vulnerabilities');
  });
});
