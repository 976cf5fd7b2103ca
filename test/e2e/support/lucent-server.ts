/**
 * A real `lucent server` (the built CLI) for browser tests: its own temp SQLite database, a free port (port 0, the
 * address read from its start-up line), a known admin token, and the built dashboard from web/dist.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/lucent.js', import.meta.url));

/** A running server. */
export interface LucentServer {
  url: string;
  adminToken: string;
  dir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `lucent server --listen 127.0.0.1:0` on a fresh database and waits until it answers /readyz. */
export async function startLucentServer(
  options: {
    webDir?: string;
    extraArgs?: string[];
    env?: NodeJS.ProcessEnv;
    databaseUrl?: string;
    /** Keep the server's folder (its database) after stop, e.g. to reuse a seeded database. */
    keep?: boolean;
  } = {},
): Promise<LucentServer> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-e2e-server-'));
  const adminToken = `lucent-e2e-admin-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const args = [
    BIN,
    'server',
    '--listen',
    '127.0.0.1:0',
    '--database-url',
    options.databaseUrl ?? `sqlite:${join(dir, 'server.db')}`,
    '--log-level',
    'warn',
    ...(options.webDir ? ['--web-dir', options.webDir] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      LUCENT_ADMIN_TOKEN: adminToken,
      XDG_DATA_HOME: dir,
      XDG_CACHE_HOME: join(dir, 'cache'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitForUrl(child, () => output);
  await waitReady(url, () => output);
  return {
    url,
    adminToken,
    dir,
    output: () => output,
    stop: async () => {
      await stop(child);
      if (!options.keep) await rm(dir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lucent server did not start in 30 s:\n${output()}`)), 30_000);
    const check = () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lucent server exited with ${code}:\n${output()}`));
    });
  });
}

async function waitReady(url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`lucent server at ${url} never became ready:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
