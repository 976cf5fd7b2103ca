/** Authentication and authorization over HTTP, on SQLite and PostgreSQL: roles, sessions, rate limits, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Harness, startHarness } from './support/server-harness.ts';

describe.each(ENGINES)('auth on %s', (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(engine, { loginMaxFailures: 3 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('answers health probes without a token', async () => {
    expect((await harness.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await harness.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  it('refuses reads without a token (401), with a bad token (401), and accepts a viewer', async () => {
    const none = await harness.app.inject({ url: '/api/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'E_UNAUTHENTICATED' });
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const bad = await harness.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer lcn_nope' } });
    expect(bad.statusCode).toBe(401);
    const malformed = await harness.app.inject({ url: '/api/auth/me', headers: { authorization: 'Basic x' } });
    expect(malformed.statusCode).toBe(401);
    const viewer = await harness.app.inject({ url: '/api/auth/me', headers: harness.as('viewer') });
    expect(viewer.json()).toEqual({ kind: 'token', name: 'test-viewer', role: 'viewer' });
  });

  it('lets only admins manage tokens: 401 anonymous, 403 viewer and writer', async () => {
    const body = { name: 'ci', role: 'writer' };
    expect((await harness.app.inject({ method: 'POST', url: '/api/auth/tokens', payload: body })).statusCode).toBe(401);
    for (const role of ['viewer', 'writer'] as const) {
      const refused = await harness.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        payload: body,
        headers: harness.as(role),
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'E_FORBIDDEN' });
    }
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: body,
      headers: harness.as('admin'),
    });
    expect(created.statusCode).toBe(201);
    const token = created.json();
    expect(token).toMatchObject({ name: 'ci', role: 'writer', kind: 'api', expiresAt: null });
    expect(token.token).toMatch(/^lcn_/);
    const me = await harness.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token.token}` } });
    expect(me.json()).toEqual({ kind: 'token', name: 'ci', role: 'writer' });
    const listed = await harness.app.inject({ url: '/api/auth/tokens', headers: harness.as('admin') });
    expect(listed.json().map((entry: { name: string }) => entry.name)).toEqual([
      'test-admin',
      'test-writer',
      'test-viewer',
      'ci',
    ]);
    expect(JSON.stringify(listed.json())).not.toContain(token.token);
    const deleted = await harness.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${token.id}`,
      headers: harness.as('admin'),
    });
    expect(deleted.statusCode).toBe(204);
    const after = await harness.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('400 with E_INVALID_REQUEST and the failing field on an invalid body', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'x', role: 'root' },
      headers: harness.as('admin'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'E_INVALID_REQUEST', issues: [{ path: 'body.role' }] });
    const malformed = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: '{"name":',
      headers: { ...harness.as('admin'), 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'E_INVALID_REQUEST' });
  });

  it('logs users in with scrypt passwords and rate-limits failed logins per address and user', async () => {
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/users',
      payload: { name: 'alice', password: 'correct horse battery', role: 'viewer' },
      headers: harness.as('admin'),
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/users',
      payload: { name: 'alice', password: 'correct horse battery', role: 'viewer' },
      headers: harness.as('admin'),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'E_CONFLICT' });
    const ok = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'alice', password: 'correct horse battery' },
    });
    expect(ok.statusCode).toBe(200);
    const session = ok.json();
    expect(session.token).toMatch(/^lcs_/);
    expect(session.user).toMatchObject({ name: 'alice', role: 'viewer' });
    const me = await harness.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${session.token}` } });
    expect(me.json()).toEqual({ kind: 'session', name: 'alice', role: 'viewer' });
    const login = (password: string, address = '10.0.0.1') =>
      harness.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { name: 'alice', password },
        remoteAddress: address,
      });
    for (let attempt = 0; attempt < 3; attempt++) expect((await login('wrong password')).statusCode).toBe(401);
    const limited = await login('correct horse battery');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'E_RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect((await login('correct horse battery', '10.0.0.2')).statusCode).toBe(200);
    const relogin = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'alice', password: 'correct horse battery' },
      headers: { authorization: 'Bearer lcs_expired-or-unknown' },
      remoteAddress: '10.0.0.3',
    });
    expect(relogin.statusCode).toBe(200);
    const logout = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(logout.statusCode).toBe(204);
    const gone = await harness.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(gone.statusCode).toBe(401);
  });

  it('limits login attempts per address whatever the user name (password spraying)', async () => {
    const attempt = (index: number) =>
      harness.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { name: `user${index}`, password: 'Winter2025!' },
        remoteAddress: '10.9.9.9',
      });
    for (let index = 0; index < 30; index++) expect((await attempt(index)).statusCode).toBe(401);
    const limited = await attempt(30);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'E_RATE_LIMITED',
      message: 'too many login attempts from this address',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'user0', password: 'x' },
      remoteAddress: '10.9.9.10',
    });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const proxied = await startHarness(engine, { trustProxy: '127.0.0.1', loginMaxFailures: 1 });
    try {
      const login = (forwardedFor: string, remoteAddress = '127.0.0.1') =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { name: 'nobody', password: 'wrong' },
          headers: { 'x-forwarded-for': forwardedFor },
          remoteAddress,
        });
      expect((await login('203.0.113.1')).statusCode).toBe(401);
      expect((await login('203.0.113.1')).statusCode).toBe(429);
      expect((await login('203.0.113.2')).statusCode).toBe(401);
      // From an untrusted peer the header is ignored: the peer's own budget applies.
      expect((await login('203.0.113.3', '198.51.100.7')).statusCode).toBe(401);
      expect((await login('203.0.113.4', '198.51.100.7')).statusCode).toBe(429);
      const audit = await proxied.app.inject({ url: '/api/auth/audit', headers: proxied.as('admin') });
      expect(audit.json().items.map((entry: { address: string }) => entry.address)).toEqual([
        '198.51.100.7',
        '198.51.100.7',
        '203.0.113.2',
        '203.0.113.1',
        '203.0.113.1',
      ]);
    } finally {
      await proxied.close();
    }
  });

  it('413 with E_PAYLOAD_TOO_LARGE on a body over the limit', async () => {
    const small = await startHarness(engine, { bodyLimit: 1024 });
    try {
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        payload: { name: 'x'.repeat(2000), role: 'viewer' },
        headers: small.as('admin'),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'E_PAYLOAD_TOO_LARGE' });
    } finally {
      await small.close();
    }
  });

  it('records every write in the audit log, refused ones too, without secrets', async () => {
    const audit = await harness.app.inject({ url: '/api/auth/audit?pageSize=100', headers: harness.as('admin') });
    expect(audit.statusCode).toBe(200);
    const { items, total } = audit.json();
    expect(total).toBe(items.length);
    const summary = items.map((entry: { actor: string; action: string; status: number }) => [
      entry.actor,
      entry.action,
      entry.status,
    ]);
    expect(summary).toContainEqual(['anonymous', 'POST /api/auth/tokens', 401]);
    expect(summary).toContainEqual(['token:test-viewer', 'POST /api/auth/tokens', 403]);
    expect(summary).toContainEqual(['token:test-admin', 'POST /api/auth/tokens', 201]);
    expect(summary).toContainEqual(['token:test-admin', 'DELETE /api/auth/tokens/:id', 204]);
    expect(summary).toContainEqual(['user:alice', 'POST /api/auth/login', 200]);
    expect(summary).toContainEqual(['anonymous', 'POST /api/auth/login', 429]);
    expect(summary).toContainEqual(['user:alice', 'POST /api/auth/logout', 204]);
    expect(JSON.stringify(items)).not.toContain('correct horse');
    const limited = items.filter((entry: { status: number }) => entry.status === 429);
    expect(limited.map((entry: { target: string }) => entry.target).sort()).toEqual(['{"user":"alice"}', '{}']);
  });
});
