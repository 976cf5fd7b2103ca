// Runs `lucent` commands as a user would, echoing each command line and keeping its tables short: the demo shows what
// Lucent finds, and the dashboard shows all of it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './setup.js';

const BIN = join(ROOT, 'bin/lucent.js');
const running = new Set();

/**
 * The environment of the demo's commands. The user's own LUCENT_* settings (database URL, advisory DB, server, token,
 * cache) would point them at real data, so they are dropped; the demo passes everything it needs explicitly.
 */
export function demoEnv(env, cacheDir) {
  const kept = Object.entries(env).filter(([name]) => !name.startsWith('LUCENT_'));
  return { ...Object.fromEntries(kept), LUCENT_CACHE_DIR: cacheDir };
}

/** Spawns `lucent ARGS…` (stdin ignored); the caller reads its output. Tracked (unless `track: false`) for stops. */
export function spawnLucent(args, env, options = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', options.stderr ?? 'pipe'],
    detached: options.detached ?? false,
  });
  if (options.track !== false) {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
  return child;
}

/** Sends `signal` to every command still running (a stop signal sent to the demo alone, not its process group). */
export function signalRunning(signal) {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/**
 * A function that runs one `lucent` command: echoes it (through `display`, which shortens paths and hides tokens),
 * prints its standard output with every table cut to `rows` rows, then its standard error; a warning or other
 * standard-error line is shown once per demo (the same warning about the same sample image is not repeated).
 * Rejects when the command fails.
 */
export function commandRunner({ env, display, out }) {
  const shown = new Set();
  return async (args, { rows = 8 } = {}) => {
    out(`$ lucent ${args.map(display).join(' ')}`);
    const { code, signal, stdout, stderr } = await capture(spawnLucent(args, env));
    // `inspect` prints its warnings on standard output, the other commands on standard error.
    const firstTime = (line) => {
      if (shown.has(line)) return false;
      shown.add(line);
      return true;
    };
    const text = shorten(stdout, rows)
      .split('\n')
      .filter((line) => !line.startsWith('warning: ') || firstTime(line))
      .join('\n');
    if (text) out(text);
    for (const line of stderr.split('\n')) if (line.trim() !== '' && firstTime(line)) out(line);
    if (code !== 0) throw new Error(`lucent ${args[0]} ${signal ? `was stopped by ${signal}` : `exited with ${code}`}`);
    return { stdout, stderr };
  };
}

function capture(child) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

// A table header: upper-case columns, two or more spaces apart (`NAME  VERSION  TYPE`, `#  DIGEST  DIFF ID`).
const HEADER = /^(#|[A-Z][A-Z-]*)( {2,}[A-Z][A-Z-]*( [A-Z][A-Z-]*)*)+ *$/;

/** `text` with the rows of each table (a header line, then lines up to a blank one) cut to `rows`. */
export function shorten(text, rows) {
  const lines = text.replace(/\n+$/, '').split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    kept.push(lines[i]);
    if (!HEADER.test(lines[i])) continue;
    let end = i + 1;
    while (end < lines.length && lines[end].trim() !== '') end++;
    const body = lines.slice(i + 1, end);
    kept.push(...body.slice(0, rows));
    if (body.length > rows) kept.push(`… ${body.length - rows} more rows`);
    i = end - 1;
  }
  return kept.join('\n');
}
