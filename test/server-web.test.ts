/** The dashboard's files: served from the web directory with client-side routes falling back to the index. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/server-harness.ts';

describe('web files', () => {
  let dir: string;
  let built: Harness;
  let bare: Harness;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lucent-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    built = await startHarness('sqlite', { webDir: dir });
    bare = await startHarness('sqlite', { webDir: join(dir, 'missing') });
  });
  afterAll(async () => {
    await built?.close();
    await bare?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the index, assets, and the index for client-side routes, without a token', async () => {
    const index = await built.app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe('<!doctype html><title>app</title>');
    const asset = await built.app.inject({ url: '/assets/app.js' });
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await built.app.inject({ url: '/vulnerabilities/abc' })).body).toBe('<!doctype html><title>app</title>');
    expect(index.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    const api = await built.app.inject({ url: '/api/openapi.json' });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for missing assets, unknown API paths and paths outside the directory', async () => {
    expect((await built.app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await built.app.inject({ url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'E_NOT_FOUND' });
    const outside = await built.app.inject({ url: '/..%2f..%2fetc%2fpasswd.txt' });
    expect((await built.app.inject({ url: '/bad%zz.js' })).statusCode).toBe(400);
    expect([403, 404]).toContain(outside.statusCode);
    expect(outside.body).not.toContain('root:');
  });

  it('shows a short notice when the dashboard is not built', async () => {
    const notice = await bare.app.inject({ url: '/' });
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('The dashboard is not built');
  });
});
