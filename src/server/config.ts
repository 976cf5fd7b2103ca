/**
 * The server's configuration: one validated object built from flags and environment variables, so nothing below
 * `buildApp` reads `process.env` itself.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LucentError } from '../core/errors.ts';

/** Who may call a route: anyone, or a token/session with at least this role. */
export type AuthLevel = 'public' | 'viewer' | 'writer' | 'admin';

/** Roles a token or user can hold, lowest first (each includes the ones before it). */
export const ROLES = ['viewer', 'writer', 'admin'] as const;

/** A role: viewer reads, writer also ingests (CI export), admin also manages applications, tokens and users. */
export type Role = (typeof ROLES)[number];

/** Everything the HTTP app needs to know that is not a dependency object. */
export interface ServerConfig {
  listen: { host: string; port: number };
  /** `sqlite:PATH` or `postgres://…`. */
  databaseUrl: string;
  /** Reads (GET lists, details, dashboard) without a token. Writes always need one. */
  allowAnonymousRead: boolean;
  /** Advisory database the server matches against (re-matching); absent: the CLI's default path. */
  advisoryDb: string | undefined;
  /** Largest accepted request body, in bytes; larger ones get 413. */
  bodyLimit: number;
  /** Failed logins allowed per client address and user name within `loginWindowMs` before 429. */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** How long a login session token stays valid. */
  sessionTtlMs: number;
  /** Built dashboard files to serve at `/`; absent or missing: a short notice instead. */
  webDir: string | undefined;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed, as addresses, CIDRs or `loopback`/`uniquelocal` (comma
   * separated); absent: none, the client address is the TCP peer's. Login limits and the audit log use it.
   */
  trustProxy: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Background `lucent db update` every this many ms (then re-matching, docs/queue.md); 0: never. */
  dbUpdateIntervalMs: number;
  /** Queued jobs the server runs at once itself; 0 leaves them to `lucent worker` processes. */
  workers: number;
}

/** Default request body limit: a 1,000-package scan is well under a megabyte; whole-cluster reports can be large. */
export const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;

/** The defaults, with the database in the user's data directory. */
export function defaultServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    listen: { host: '127.0.0.1', port: 8080 },
    databaseUrl: env.LUCENT_DATABASE_URL || `sqlite:${defaultServerDbPath(env)}`,
    allowAnonymousRead: false,
    advisoryDb: undefined,
    bodyLimit: DEFAULT_BODY_LIMIT,
    loginMaxFailures: 5,
    loginWindowMs: 15 * 60 * 1000,
    sessionTtlMs: 12 * 60 * 60 * 1000,
    webDir: undefined,
    trustProxy: undefined,
    logLevel: 'info',
    dbUpdateIntervalMs: 24 * 60 * 60 * 1000,
    workers: 1,
  };
}

/** `$XDG_DATA_HOME/lucent/server.db`, else `~/.local/share/lucent/server.db` (next to the advisory DB). */
export function defaultServerDbPath(env: NodeJS.ProcessEnv = process.env): string {
  // XDG Base Directory: data files go to $XDG_DATA_HOME (https://specifications.freedesktop.org/basedir-spec/latest/).
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'lucent', 'server.db');
}

/** Parses `HOST:PORT`, `:PORT`, `PORT` or `[IPv6]:PORT`; port 0 picks a free port. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LucentError('E_USAGE', `invalid --listen address "${value}"`, {
      hint: 'use HOST:PORT, for example 127.0.0.1:8080, 0.0.0.0:8080 or [::]:8080',
    });
  }
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

/** Checks a database URL's scheme early, so a typo fails before anything is opened. */
export function checkDatabaseUrl(value: string): string {
  if (/^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value)) return value;
  throw new LucentError('E_USAGE', `unsupported --database-url "${value}"`, {
    hint: 'use sqlite:PATH or postgres://USER@HOST:PORT/DB',
  });
}

/** Parses a byte size such as `64mb`, `512kb` or `1048576`. */
export function parseByteSize(value: string): number {
  const match = /^(\d+)\s*(b|kb|kib|mb|mib|gb|gib)?$/i.exec(value.trim());
  if (!match) throw new LucentError('E_USAGE', `invalid size "${value}"`, { hint: 'for example 64mb or 1048576' });
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  return Number(match[1]) * factor;
}
