/**
 * Token and user management, and login: the service behind the auth routes and the first start. Tokens are shown
 * once, at creation; only their hashes are stored (secrets.ts).
 */
import { randomUUID } from 'node:crypto';
import { LucentError } from '../../core/errors.ts';
import type { Role } from '../config.ts';
import type { AuthStore, StoredToken, StoredUser } from './auth-store.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { DUMMY_PASSWORD_HASH, generateToken, hashPassword, hashToken, verifyPassword } from './secrets.ts';

/** A token as listed: never the secret. */
export type TokenInfo = Omit<StoredToken, 'userId'>;

/** A user as listed: never the password hash. */
export type UserInfo = Omit<StoredUser, 'passwordHash'>;

/** A token just created, with its secret (shown once). */
export interface CreatedToken extends TokenInfo {
  token: string;
}

/** Creates an API token with a role; `expiresAt` absent means it never expires. */
export async function createApiToken(
  store: AuthStore,
  request: { name: string; role: Role; expiresAt?: string | null; token?: string },
  now: Date,
): Promise<CreatedToken> {
  const token = request.token ?? generateToken('api');
  const info: TokenInfo = {
    id: randomUUID(),
    name: request.name,
    role: request.role,
    kind: 'api',
    createdAt: now.toISOString(),
    expiresAt: request.expiresAt ?? null,
    lastUsedAt: null,
  };
  await store.createToken({ ...info, userId: null, hash: hashToken(token) });
  return { ...info, token };
}

/**
 * The first start: when no token exists yet, an admin token is created, from `LUCENT_ADMIN_TOKEN` when set, else
 * random. A set `LUCENT_ADMIN_TOKEN` that is not stored yet is added on any start, so a rotated secret works. Returns
 * the new token's secret for the caller to print once, or undefined when nothing was created or it came from the env.
 */
export async function bootstrapAdminToken(
  store: AuthStore,
  envToken: string | undefined,
  now: Date,
): Promise<{ created: boolean; printable?: string }> {
  if (envToken) {
    if (envToken.length < 16) {
      throw new LucentError('E_USAGE', 'LUCENT_ADMIN_TOKEN is too short', {
        hint: 'use at least 16 random characters',
      });
    }
    if (await store.findTokenByHash(hashToken(envToken))) return { created: false };
    await createApiToken(store, { name: 'admin (LUCENT_ADMIN_TOKEN)', role: 'admin', token: envToken }, now);
    return { created: true };
  }
  if ((await store.countTokens()) > 0) return { created: false };
  const created = await createApiToken(store, { name: 'admin', role: 'admin' }, now);
  return { created: true, printable: created.token };
}

/** Logs a user in: a session token valid for `ttlMs`, or 401 (429 after too many failures from the same place). */
export async function login(
  store: AuthStore,
  limiter: LoginLimiter,
  attempt: { name: string; password: string; address: string; ttlMs: number },
  now: Date,
): Promise<{ token: string; expiresAt: string; user: UserInfo }> {
  const limit = limiter.check(attempt.address, attempt.name);
  if (!limit.allowed) {
    throw Object.assign(
      new LucentError('E_RATE_LIMITED', 'too many failed logins', {
        hint: `try again in ${limit.retryAfterSeconds} s`,
      }),
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const user = await store.findUserByName(attempt.name);
  // An unknown name costs the same scrypt time as a wrong password, so timing does not reveal which names exist.
  const valid = await verifyPassword(attempt.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid) {
    limiter.fail(attempt.address, attempt.name);
    throw new LucentError('E_UNAUTHENTICATED', 'wrong user name or password');
  }
  limiter.succeed(attempt.address, attempt.name);
  await store.deleteExpiredTokens(now.toISOString());
  const token = generateToken('session');
  const expiresAt = new Date(now.getTime() + attempt.ttlMs).toISOString();
  await store.createToken({
    id: randomUUID(),
    name: user.name,
    role: user.role,
    kind: 'session',
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt,
    hash: hashToken(token),
  });
  return { token, expiresAt, user: userInfo(user) };
}

/** Creates a user; 409 when the name is taken. */
export async function createUser(
  store: AuthStore,
  request: { name: string; password: string; role: Role },
  now: Date,
): Promise<UserInfo> {
  if (await store.findUserByName(request.name)) {
    throw new LucentError('E_CONFLICT', `user "${request.name}" already exists`);
  }
  const user: StoredUser = {
    id: randomUUID(),
    name: request.name,
    role: request.role,
    passwordHash: await hashPassword(request.password),
    createdAt: now.toISOString(),
  };
  await store.createUser(user);
  return userInfo(user);
}

/** Changes a user's role or password; their sessions end, so the change applies at once. 404 when unknown. */
export async function updateUser(
  store: AuthStore,
  name: string,
  changes: { role?: Role; password?: string },
): Promise<UserInfo> {
  const user = await store.findUserByName(name);
  if (!user) throw new LucentError('E_NOT_FOUND', `user "${name}" not found`);
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  await store.updateUser(user.id, {
    ...(changes.role ? { role: changes.role } : {}),
    ...(passwordHash ? { passwordHash } : {}),
  });
  await store.deleteTokensOfUser(user.id);
  return userInfo({ ...user, ...(changes.role ? { role: changes.role } : {}) });
}

/** Deletes a user and their sessions; 404 when unknown. */
export async function deleteUser(store: AuthStore, name: string): Promise<void> {
  const user = await store.findUserByName(name);
  if (!user) throw new LucentError('E_NOT_FOUND', `user "${name}" not found`);
  await store.deleteTokensOfUser(user.id);
  await store.deleteUser(user.id);
}

/** A user without the password hash. */
export function userInfo(user: StoredUser): UserInfo {
  return { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt };
}
