/** The auth repository on any store: users, hashed tokens and the audit log. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authRepository } from '../../repositories/auth.ts';
import type { Store } from '../open-store.ts';
import type { StoreHarness } from './harness.ts';

/** Registers the auth suite for a harness. */
export function describeAuthContract(harness: StoreHarness): void {
  describe(`auth repository (${harness.dialect})`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await harness.fresh();
    });
    afterEach(() => harness.release(store));

    it('stores users by name and updates their role and password hash', async () => {
      const auth = authRepository(store);
      const user = { id: 'u1', name: 'alice', role: 'viewer' as const, passwordHash: 'scrypt$a', createdAt: 't0' };
      await auth.createUser(user);
      await expect(auth.createUser({ ...user, id: 'u2' })).rejects.toThrow();
      expect(await auth.findUserByName('alice')).toEqual(user);
      expect(await auth.findUserByName('bob')).toBeUndefined();
      expect(await auth.updateUser('u1', { role: 'admin', passwordHash: 'scrypt$b' })).toBe(true);
      expect(await auth.updateUser('nope', { role: 'admin' })).toBe(false);
      expect(await auth.listUsers()).toEqual([{ ...user, role: 'admin', passwordHash: 'scrypt$b' }]);
      expect(await auth.deleteUser('u1')).toBe(true);
      expect(await auth.listUsers()).toEqual([]);
    });

    it('stores token hashes with roles, finds, touches, expires and deletes them', async () => {
      const auth = authRepository(store);
      await auth.createUser({ id: 'u1', name: 'alice', role: 'admin', passwordHash: 'h', createdAt: 't0' });
      const api = { id: 't1', name: 'ci', role: 'writer' as const, kind: 'api' as const, userId: null };
      await auth.createToken({ ...api, hash: 'sha256-a', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: null });
      await auth.createToken({
        id: 't2',
        name: 'alice session',
        role: 'admin',
        kind: 'session',
        userId: 'u1',
        hash: 'sha256-b',
        createdAt: '2025-01-01T00:00:00.000Z',
        expiresAt: '2025-01-02T00:00:00.000Z',
      });
      await expect(
        auth.createToken({ ...api, id: 't3', hash: 'sha256-a', createdAt: 'x', expiresAt: null }),
      ).rejects.toThrow();
      expect(await auth.findTokenByHash('sha256-a')).toEqual({
        ...api,
        createdAt: '2025-01-01T00:00:00.000Z',
        expiresAt: null,
        lastUsedAt: null,
      });
      expect(await auth.findTokenByHash('sha256-z')).toBeUndefined();
      await auth.touchToken('t1', '2025-01-05T00:00:00.000Z');
      expect((await auth.findTokenByHash('sha256-a'))?.lastUsedAt).toBe('2025-01-05T00:00:00.000Z');
      expect(await auth.countTokens()).toBe(1);
      expect((await auth.listTokens()).map((token) => token.id)).toEqual(['t1', 't2']);
      expect(await auth.deleteExpiredTokens('2025-01-03T00:00:00.000Z')).toBe(1);
      expect(await auth.deleteTokensOfUser('u1')).toBe(0);
      expect(await auth.deleteToken('t1')).toBe(true);
      expect(await auth.deleteToken('t1')).toBe(false);
      expect(await auth.listTokens()).toEqual([]);
    });

    it('appends audit entries and lists them newest first', async () => {
      const auth = authRepository(store);
      for (const [i, status] of [200, 403, 201].entries()) {
        await auth.appendAudit({
          time: '2025-01-01T00:00:00.000Z',
          actor: `token:t${i}`,
          action: 'POST /api/applications',
          target: '{}',
          status,
          address: '127.0.0.1',
        });
      }
      const page = await auth.listAudit({ limit: 2, offset: 0 });
      expect(page.total).toBe(3);
      expect(page.items.map((entry) => [entry.actor, entry.status])).toEqual([
        ['token:t2', 201],
        ['token:t1', 403],
      ]);
    });
  });
}
