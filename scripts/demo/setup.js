// The demo's own data directory and the builds it needs. The demo never touches the user's server database, advisory
// database or layer cache: everything it writes goes to its directory, under names no real installation uses.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/** The repository root (scripts/demo/..). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** The bundled samples (samples/README.md says where they come from). */
export const SAMPLES = {
  debian: 'samples/images/debian10-nginx-sample.tar',
  alpine: 'samples/images/alpine-3.11-sample.tar.gz',
  advisories: ['DSA-list.txt.gz', 'DLA-list.txt.gz'].map((name) => `samples/advisories/${name}`),
};

/**
 * The demo directory: `$LUCENT_DEMO_DIR`, else `$XDG_DATA_HOME/lucent/demo` (`~/.local/share/lucent/demo`), else, when
 * that cannot be created, a new temporary directory. `note` says which.
 */
export function demoDirectory(env = process.env) {
  const wanted = env.LUCENT_DEMO_DIR || join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'lucent', 'demo');
  try {
    mkdirSync(wanted, { recursive: true });
    return { dir: wanted, note: '' };
  } catch (error) {
    const dir = mkdtempSync(join(tmpdir(), 'lucent-demo-'));
    return {
      dir,
      note: `(${wanted} could not be created: ${error.code ?? error.message}; using a temporary directory)`,
    };
  }
}

/** The files of a demo run, inside `dir`. */
export function demoFiles(dir) {
  return {
    serverDb: join(dir, 'demo-server.db'),
    advisoryDb: join(dir, 'sample-advisories.db'),
    advisoryLists: join(dir, 'sample-advisories'),
    cache: join(dir, 'cache'),
  };
}

/** Removes the previous run's databases (and their SQLite side files) so each run starts afresh; keeps the cache. */
export function startAfresh(files) {
  for (const db of [files.serverDb, files.advisoryDb]) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${db}${suffix}`, { force: true });
  }
  rmSync(files.advisoryLists, { recursive: true, force: true });
  mkdirSync(files.advisoryLists, { recursive: true });
}

/** Unpacks the bundled advisory lists into `target`; the paths of the plain-text lists. */
export async function unpackSampleAdvisories(target) {
  const lists = [];
  for (const gz of SAMPLES.advisories) {
    const list = join(target, gz.split('/').pop().replace(/\.gz$/, ''));
    await pipeline(createReadStream(join(ROOT, gz)), createGunzip(), createWriteStream(list));
    lists.push(list);
  }
  return lists;
}

/**
 * Builds what `npm ci` (its `prepare` script) normally builds, when it is missing: the compiled CLI (dist/) is
 * required, the dashboard (web/dist/) only wanted; without it the server still serves the API.
 */
export function ensureBuilt(log) {
  if (!existsSync(join(ROOT, 'dist/bundle/main.js'))) {
    log('The compiled CLI (dist/) is missing: building it (npm run build) …');
    if (!runNode(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'])) {
      throw new Error('building dist/ failed: run `npm ci` (or `npm run build`) and try again');
    }
  }
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
    const vite = 'node_modules/vite/bin/vite.js';
    if (!existsSync(join(ROOT, vite))) {
      log('The dashboard (web/dist/) is not built and vite is not installed: the server will serve the API only.');
      return;
    }
    log('The dashboard (web/dist/) is missing: building it (npm run build:web) …');
    if (!runNode([vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) {
      log('Building the dashboard failed: the server will serve the API only.');
    }
  }
}

function runNode(args) {
  return spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
}
