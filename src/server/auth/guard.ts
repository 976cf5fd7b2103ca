/**
 * Authorization, declared per route (STYLE rule 11): every route states `config: { auth }`, a route that states
 * nothing makes `buildApp` fail at start-up (`requireAuthDeclarations`), and the request hook (`authenticate`) denies
 * anything it cannot place. Credentials are bearer tokens: API tokens (`lcn_…`) and login sessions (`lcs_…`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { LucentError } from '../../core/errors.ts';
import { type AuthLevel, ROLES, type Role } from '../config.ts';
import type { AuthStore } from './auth-store.ts';
import { hashToken } from './secrets.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every route. */
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    /** Who is calling; set by the auth hook before any handler runs. */
    principal: Principal;
  }
}

/** The caller of a request. */
export interface Principal {
  kind: 'token' | 'session' | 'anonymous';
  /** Token id, or null for anonymous callers. */
  tokenId: string | null;
  /** Token name or user name; `anonymous` for anonymous callers. */
  name: string;
  role: Role | null;
  userId: string | null;
}

const ANONYMOUS: Principal = { kind: 'anonymous', tokenId: null, name: 'anonymous', role: null, userId: null };

/** Whether a role may call a route of a level. */
export function roleAllows(role: Role | null, level: AuthLevel): boolean {
  if (level === 'public') return true;
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(level);
}

/** Makes route registration fail for a route without an `auth` declaration, so nothing ships unguarded by mistake. */
export function requireAuthDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const level = route.config?.auth;
    if (level === undefined || !['public', ...ROLES].includes(level)) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no config.auth (public|viewer|writer|admin)`,
      );
    }
  });
}

/** What the auth hook needs. */
export interface AuthHookOptions {
  store: AuthStore;
  allowAnonymousRead: boolean;
  now?: () => Date;
}

/** Installs the request hook that identifies the caller and enforces the route's level (401/403). */
export function installAuthHook(app: FastifyInstance, options: AuthHookOptions): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    request.principal = ANONYMOUS;
    // Unknown URLs reach the not-found handler with no route config: they get a 404 and nothing else.
    if (request.is404) return;
    const level = request.routeOptions.config.auth;
    if (level === undefined) throw new LucentError('E_FORBIDDEN', 'this route declares no access level');
    // Public routes ignore credentials: a stale session sent along must not block a new login.
    if (level === 'public') return;
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) {
      if (level === 'viewer' && options.allowAnonymousRead) return;
      throw new LucentError('E_UNAUTHENTICATED', 'authentication required', {
        hint: 'send "Authorization: Bearer <token>"',
      });
    }
    const principal = await principalOf(token, options);
    if (!principal) {
      throw new LucentError('E_UNAUTHENTICATED', 'invalid or expired token', {
        hint: 'create a new token, or log in again',
      });
    }
    request.principal = principal;
    if (!roleAllows(principal.role, level)) {
      throw new LucentError('E_FORBIDDEN', `this operation needs the ${level} role (the caller has ${principal.role})`);
    }
  });
}

/** The token of an `Authorization: Bearer …` header; undefined when absent, '' when malformed (never valid). */
function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

async function principalOf(token: string, options: AuthHookOptions): Promise<Principal | undefined> {
  if (token === '') return undefined;
  const stored = await options.store.findTokenByHash(hashToken(token));
  const now = (options.now ?? (() => new Date()))();
  if (!stored || (stored.expiresAt !== null && Date.parse(stored.expiresAt) <= now.getTime())) return undefined;
  // Last use is kept to the minute, so a busy CI token does not turn every read into a write.
  if (stored.lastUsedAt === null || now.getTime() - Date.parse(stored.lastUsedAt) > 60_000) {
    await options.store.touchToken(stored.id, now.toISOString());
  }
  return {
    kind: stored.kind === 'session' ? 'session' : 'token',
    tokenId: stored.id,
    name: stored.name,
    role: stored.role,
    userId: stored.userId,
  };
}
