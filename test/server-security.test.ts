/**
 * The API's security properties, on SQLite and PostgreSQL: SQL-injection attempts in every filter and sort parameter
 * change nothing; every write route refuses anonymous callers (401) and viewers (403); oversized bodies get 413;
 * invalid bodies 400 with a stable code; every write is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListSpec } from '../src/server/list-query/list-query.ts';
import {
  APPLICATIONS_LIST,
  PACKAGES_LIST,
  RESOURCES_LIST,
  VULNERABILITIES_LIST,
} from '../src/server/repositories/list-specs.ts';
import { ENGINES, type Harness, seedSample, startHarness } from './support/server-harness.ts';

const LISTS: [string, ListSpec][] = [
  ['/api/applications', APPLICATIONS_LIST],
  ['/api/applicationResources', RESOURCES_LIST],
  ['/api/packages', PACKAGES_LIST],
  ['/api/vulnerabilities', VULNERABILITIES_LIST],
];

const ATTACKS = [
  "' OR '1'='1",
  "x'); DROP TABLE applications; --",
  '" OR ""="',
  '1; DELETE FROM packages',
  "%' OR 1=1 --",
  '%',
  '_',
  '\\',
  "') UNION SELECT token_hash, 1, 1 FROM api_tokens --",
];

/** Every write route, with a valid body, as [method, url]. */
function writeRoutes(ids: { shop: string }): { method: 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }[] {
  const report = { resource: { name: 'x', hash: 'sha256:x', type: 'IMAGE' }, packages: [] };
  return [
    { method: 'POST', url: '/api/applications', payload: { name: 'new', type: 'POD' } },
    { method: 'PUT', url: `/api/applications/${ids.shop}`, payload: { name: 'shop', type: 'IMAGE' } },
    { method: 'DELETE', url: `/api/applications/${ids.shop}` },
    { method: 'DELETE', url: '/api/applicationResources/some-id' },
    { method: 'POST', url: `/api/applications/contentAnalysis/${ids.shop}`, payload: report },
    { method: 'POST', url: `/api/applications/vulnerabilityScan/${ids.shop}`, payload: { ...report, findings: [] } },
    { method: 'POST', url: '/api/auth/tokens', payload: { name: 'x', role: 'viewer' } },
    { method: 'DELETE', url: '/api/auth/tokens/some-id' },
    {
      method: 'POST',
      url: '/api/auth/users',
      payload: { name: 'u', password: 'long enough password', role: 'viewer' },
    },
    { method: 'PUT', url: '/api/auth/users/u', payload: { role: 'admin' } },
    { method: 'DELETE', url: '/api/auth/users/u' },
  ];
}

describe.each(ENGINES)('security on %s', (engine) => {
  let harness: Harness;
  let ids: { shop: string; tools: string };
  let snapshot: string;

  /** Everything the lists show, to compare before and after the attacks. */
  async function state(): Promise<string> {
    const parts: unknown[] = [];
    for (const [url] of LISTS) {
      parts.push((await harness.app.inject({ url: `${url}?pageSize=100`, headers: harness.as('viewer') })).json());
    }
    parts.push((await harness.app.inject({ url: '/api/auth/tokens', headers: harness.as('admin') })).json().length);
    return JSON.stringify(parts);
  }

  beforeAll(async () => {
    harness = await startHarness(engine, { bodyLimit: 64 * 1024 });
    ids = await seedSample(harness);
    snapshot = await state();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('treats SQL in every filter as a value (or refuses it for typed fields), and in sort parameters as an error', async () => {
    let checked = 0;
    for (const [url, spec] of LISTS) {
      const total = (await harness.app.inject({ url, headers: harness.as('viewer') })).json().total;
      for (const [field, fieldSpec] of Object.entries(spec.filters)) {
        for (const op of fieldSpec.ops) {
          for (const attack of ATTACKS) {
            const query = new URLSearchParams({ [`${field}[${op}]`]: attack });
            const response = await harness.app.inject({ url: `${url}?${query}`, headers: harness.as('viewer') });
            const label = `${url}?${field}[${op}]=${attack}`;
            if (fieldSpec.kind === 'string' || fieldSpec.kind === 'elements') {
              // No stored name contains these strings: negative operators match everything, the others nothing.
              const everything = op === 'isNot' || op === 'doesntContainElements';
              expect(response.statusCode, label).toBe(200);
              expect(response.json().total, label).toBe(everything ? total : 0);
            } else {
              expect(response.statusCode, label).toBe(400);
              expect(response.json().code, label).toBe('E_INVALID_REQUEST');
            }
            checked++;
          }
        }
      }
      for (const attack of ATTACKS) {
        for (const parameter of ['sortKey', 'sortDir', 'page', 'pageSize']) {
          const query = new URLSearchParams({ [parameter]: attack });
          const response = await harness.app.inject({ url: `${url}?${query}`, headers: harness.as('viewer') });
          expect(response.statusCode, `${url}?${parameter}=${attack}`).toBe(400);
          expect(response.json().code).toBe('E_INVALID_REQUEST');
          checked++;
        }
        const scope = await harness.app.inject({
          url: `${url}?${new URLSearchParams({ [spec.scopes[0] ?? 'applicationID']: attack })}`,
          headers: harness.as('viewer'),
        });
        expect([200, 400], `${url} scope ${attack}`).toContain(scope.statusCode);
        if (scope.statusCode === 200) expect(scope.json().total).toBe(0);
      }
      const unknown = await harness.app.inject({ url: `${url}?name;drop[is]=x`, headers: harness.as('viewer') });
      expect(unknown.statusCode).toBe(400);
    }
    expect(checked).toBeGreaterThan(800);
    expect(await state()).toBe(snapshot);
  });

  it('matches LIKE wildcards literally', async () => {
    const like = await harness.app.inject({
      url: '/api/packages?packageName[contains]=%25&packageName[contains]=_',
      headers: harness.as('viewer'),
    });
    expect(like.json().total).toBe(0);
    const prefix = await harness.app.inject({
      url: '/api/packages?packageName[start]=left-',
      headers: harness.as('viewer'),
    });
    expect(prefix.json().items.map((item: { packageName: string }) => item.packageName)).toEqual(['left-pad']);
  });

  it('refuses every write without a token (401) and from a viewer (403), and audits each attempt', async () => {
    for (const route of writeRoutes(ids)) {
      const label = `${route.method} ${route.url}`;
      const anonymous = await harness.app.inject({ ...route });
      expect(anonymous.statusCode, label).toBe(401);
      expect(anonymous.json().code, label).toBe('E_UNAUTHENTICATED');
      const viewer = await harness.app.inject({ ...route, headers: harness.as('viewer') });
      expect(viewer.statusCode, label).toBe(403);
      expect(viewer.json().code, label).toBe('E_FORBIDDEN');
    }
    expect(await state()).toBe(snapshot);
    const audit = await harness.app.inject({ url: '/api/auth/audit?pageSize=100', headers: harness.as('admin') });
    const entries = audit.json().items as { actor: string; action: string; status: number }[];
    for (const route of writeRoutes(ids)) {
      const pattern = route.url
        .replace(ids.shop, ':id')
        .replace(/some-id$/, ':id')
        .replace(/\/u$/, '/:name');
      expect(entries, route.url).toContainEqual(
        expect.objectContaining({ actor: 'anonymous', action: `${route.method} ${pattern}`, status: 401 }),
      );
      expect(entries, route.url).toContainEqual(
        expect.objectContaining({ actor: 'token:test-viewer', action: `${route.method} ${pattern}`, status: 403 }),
      );
    }
  });

  it('413 on an ingestion body over the limit, 400 with a stable code on an invalid one', async () => {
    const packages = Array.from({ length: 2000 }, (_, index) => ({ name: `p${index}`, version: '1.0.0', type: 'npm' }));
    const big = await harness.app.inject({
      method: 'POST',
      url: `/api/applications/contentAnalysis/${ids.shop}`,
      payload: { resource: { name: 'big', hash: 'sha256:big', type: 'IMAGE' }, packages },
      headers: harness.as('writer'),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ code: 'E_PAYLOAD_TOO_LARGE', message: 'request body is too large' });
    for (const payload of [
      {},
      { resource: { name: 'x', hash: 'sha256:x', type: 'SPACESHIP' }, packages: [] },
      { resource: { name: 'x', hash: 'sha256:x', type: 'IMAGE' }, packages: [{ version: '1' }] },
      { resource: { name: '', hash: 'sha256:x', type: 'IMAGE' }, packages: [] },
    ]) {
      const response = await harness.app.inject({
        method: 'POST',
        url: `/api/applications/contentAnalysis/${ids.shop}`,
        payload,
        headers: harness.as('writer'),
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('E_INVALID_REQUEST');
      expect(response.json().issues.length).toBeGreaterThan(0);
    }
    const text = await harness.app.inject({
      method: 'POST',
      url: `/api/applications/contentAnalysis/${ids.shop}`,
      payload: 'resource=x',
      headers: { ...harness.as('writer'), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('E_UNSUPPORTED_MEDIA_TYPE');
    const missing = await harness.app.inject({
      method: 'POST',
      url: '/api/applications/contentAnalysis/no-such-application',
      payload: { resource: { name: 'x', hash: 'sha256:x', type: 'IMAGE' }, packages: [] },
      headers: harness.as('writer'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('E_NOT_FOUND');
    expect(await state()).toBe(snapshot);
  });
});
