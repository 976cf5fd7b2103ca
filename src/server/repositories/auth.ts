/**
 * Users, API and session tokens, and the audit log. Only hashes are stored: the token's SHA-256 and the password's
 * scrypt/argon2 string, both computed by the caller (src/server/auth). Implements `AuthStore`, which the guard and the
 * auth routes depend on.
 */
import type { AuditEntry, AuthStore, StoredToken, StoredUser } from '../auth/auth-store.ts';
import type { Role } from '../config.ts';
import type { Store } from '../store/open-store.ts';
import type { ApiTokensTable, AuditLogTable, UsersTable } from '../store/schema.ts';

/** The auth repository over an open store. */
export function authRepository(store: Store): AuthStore {
  const { db } = store;
  return {
    async findTokenByHash(hash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
      return row ? tokenOf(row) : undefined;
    },
    async createToken(token) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          name: token.name,
          token_hash: token.hash,
          role: token.role,
          kind: token.kind,
          user_id: token.userId,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
          last_used_at: null,
        })
        .execute();
    },
    async listTokens() {
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(tokenOf);
    },
    async deleteToken(id) {
      const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteExpiredTokens(now) {
      const result = await db
        .deleteFrom('api_tokens')
        .where('expires_at', 'is not', null)
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteTokensOfUser(userId) {
      const result = await db
        .deleteFrom('api_tokens')
        .where('user_id', '=', userId)
        .where('kind', '=', 'session')
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
    async countTokens() {
      const row = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'api')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findUserByName(name) {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? userOf(row) : undefined;
    },
    async createUser(user) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          name: user.name,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: user.createdAt,
          updated_at: user.createdAt,
        })
        .execute();
    },
    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
      return rows.map(userOf);
    },
    async deleteUser(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async updateUser(id, changes) {
      if (changes.role === undefined && changes.passwordHash === undefined) {
        const exists = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
        return exists !== undefined;
      }
      const result = await db
        .updateTable('users')
        .set({
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async appendAudit(entry) {
      await db
        .insertInto('audit_log')
        .values({
          time: entry.time,
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          status: entry.status,
          address: entry.address,
        })
        .execute();
    },
    async listAudit({ limit, offset }) {
      const [count, rows] = await Promise.all([
        db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        // Newest first; the insertion id orders entries written in the same millisecond.
        db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      ]);
      return { total: Number(count.n), items: rows.map(auditOf) };
    },
  };
}

function tokenOf(row: ApiTokensTable): StoredToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    kind: row.kind as StoredToken['kind'],
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

function userOf(row: UsersTable): StoredUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

function auditOf(row: Omit<AuditLogTable, 'id'>): AuditEntry {
  return {
    time: row.time,
    actor: row.actor,
    action: row.action,
    target: row.target,
    status: row.status,
    address: row.address,
  };
}
