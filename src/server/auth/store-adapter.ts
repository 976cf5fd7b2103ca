/**
 * `AuthStore` over the server store's `api_tokens`, `users` and `audit_log` tables (src/server/store/schema.ts).
 * Queries are built with Kysely, every value bound.
 */
import type { Role } from '../config.ts';
import type { Store } from '../store/open-store.ts';
import type { ApiTokensTable, UsersTable } from '../store/schema.ts';
import type { AuthStore, StoredToken, StoredUser } from './auth-store.ts';

/** The auth store of an open server store. */
export function authStoreOf(store: Store): AuthStore {
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
      const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('name').execute();
      return rows.map(tokenOf);
    },
    async deleteToken(id) {
      const result = await db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteExpiredTokens(now) {
      const result = await db.deleteFrom('api_tokens').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteTokensOfUser(userId) {
      const result = await db.deleteFrom('api_tokens').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async touchToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
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
      return (await db.selectFrom('users').selectAll().orderBy('name').execute()).map(userOf);
    },
    async deleteUser(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async updateUser(id, changes) {
      const result = await db
        .updateTable('users')
        .set({
          ...(changes.role ? { role: changes.role } : {}),
          ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async countTokens() {
      const row = await db
        .selectFrom('api_tokens')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async appendAudit(entry) {
      await db.insertInto('audit_log').values(entry).execute();
    },
    async listAudit({ limit, offset }) {
      const total = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      const items = await db
        .selectFrom('audit_log')
        .select(['time', 'actor', 'action', 'target', 'status', 'address'])
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { total: Number(total.count), items };
    },
  };
}

function tokenOf(row: ApiTokensTable): StoredToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    kind: row.kind === 'session' ? 'session' : 'api',
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
