/**
 * What authentication needs from storage. The routes and the guard depend on this interface only; `store-adapter.ts`
 * implements it over the persistence layer's repositories, and tests can use `memoryAuthStore`.
 */
import type { Role } from '../config.ts';

/** A stored API or session token (never the token itself, only its hash). */
export interface StoredToken {
  id: string;
  name: string;
  role: Role;
  kind: 'api' | 'session';
  /** The user a session belongs to. */
  userId: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** A stored user. */
export interface StoredUser {
  id: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

/** One audit log entry: who did which write, to what, with which outcome. */
export interface AuditEntry {
  time: string;
  /** `token:<name>`, `user:<name>` or `anonymous`. */
  actor: string;
  /** `METHOD /route/pattern`, e.g. `DELETE /api/applications/:id`. */
  action: string;
  /** Route parameters of the request (ids), as JSON text; no bodies, no secrets. */
  target: string;
  status: number;
  address: string;
}

/** Storage operations for tokens, users and the audit log. */
export interface AuthStore {
  findTokenByHash(hash: string): Promise<StoredToken | undefined>;
  createToken(token: Omit<StoredToken, 'lastUsedAt'> & { hash: string }): Promise<void>;
  listTokens(): Promise<StoredToken[]>;
  deleteToken(id: string): Promise<boolean>;
  /** Deletes expired session tokens; returns how many. */
  deleteExpiredTokens(now: string): Promise<number>;
  /** Deletes every session of a user (after a role or password change). */
  deleteTokensOfUser(userId: string): Promise<number>;
  touchToken(id: string, at: string): Promise<void>;
  findUserByName(name: string): Promise<StoredUser | undefined>;
  createUser(user: StoredUser): Promise<void>;
  listUsers(): Promise<StoredUser[]>;
  deleteUser(id: string): Promise<boolean>;
  updateUser(id: string, changes: { role?: Role; passwordHash?: string }): Promise<boolean>;
  countTokens(): Promise<number>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(options: { limit: number; offset: number }): Promise<{ total: number; items: AuditEntry[] }>;
}
