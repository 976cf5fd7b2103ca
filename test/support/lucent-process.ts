/**
 * Real `lucent server` and `lucent worker` processes (the built CLI) for durability tests: their output is collected
 * line by line so a test can wait for a log line, and they can be killed with any signal (SIGKILL included).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/lucent.js', import.meta.url));

/** A running `lucent` process. */
export interface LucentProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** JSON log lines it wrote so far (pino, on stderr). */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line that matches, waiting up to `timeoutMs`. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): Promise<number | string>;
}

/** Starts `lucent ARGS…` with the environment extended by `env`. */
export function startLucent(args: string[], env: NodeJS.ProcessEnv = {}): LucentProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const logs: Record<string, unknown>[] = [];
  let partial = '';
  const waiters = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) {
        try {
          logs.push(JSON.parse(line));
        } catch {
          // not a log line
        }
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (found) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching log line in ${timeoutMs} ms; output:\n${output.slice(-4000)}`));
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`lucent exited before the log line; output:\n${output.slice(-4000)}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
        child.off('exit', onExit);
      };
      waiters.add(check);
      child.once('exit', onExit);
      check();
    });
  return {
    child,
    pid: child.pid ?? 0,
    output: () => output,
    logs: () => logs,
    waitForLog,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A running `lucent server`: its process, URL and admin token. */
export interface ServerProcess {
  process: LucentProcess;
  url: string;
  token: string;
  /** Calls the API with the admin token; JSON in and out. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

/** Starts `lucent server --listen 127.0.0.1:0` and waits until it answers /readyz. */
export async function startServerProcess(options: {
  databaseUrl: string;
  advisoryDb: string;
  token: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
}): Promise<ServerProcess> {
  const proc = startLucent(
    [
      'server',
      '--listen',
      '127.0.0.1:0',
      '--database-url',
      options.databaseUrl,
      '--advisory-db',
      options.advisoryDb,
      '--db-update-interval',
      'off',
      ...(options.args ?? []),
    ],
    { LUCENT_ADMIN_TOKEN: options.token, ...options.env },
  );
  const url = await waitFor(() => /listening on (http:\/\/\S+)/.exec(proc.output())?.[1], proc, 60_000);
  await waitFor(
    async () =>
      (await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      )) || undefined,
    proc,
    60_000,
  );
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  return { process: proc, url, token: options.token, api };
}

/** Polls `probe` every 50 ms until it gives a value; fails when the process exits or after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  proc: LucentProcess | undefined,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (proc && proc.child.exitCode !== null) throw new Error(`lucent exited early:\n${proc.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms:\n${proc?.output().slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
