/**
 * A server started with --allow-anonymous-read: the login page offers read-only browsing, which shows the data and
 * no write buttons; without the flag the offer is not made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, chromiumInstalled, launchBrowser } from './support/browser.ts';
import { type LucentServer, startLucentServer } from './support/lucent-server.ts';
import { numberOf, withScreenshotOnFailure } from './support/pages.ts';
import { ensureWebBuilt, WEB_DIST } from './support/web-build.ts';

let open: LucentServer;
let closed: LucentServer;
let browser: BrowserSession;

describe.skipIf(!chromiumInstalled)('anonymous read in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    [open, closed] = await Promise.all([
      startLucentServer({ webDir: WEB_DIST, extraArgs: ['--allow-anonymous-read'] }),
      startLucentServer({ webDir: WEB_DIST }),
    ]);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await open?.stop();
    await closed?.stop();
  });

  it('browses read-only without signing in when the server allows it', async () => {
    const page = await browser.context.newPage();
    await withScreenshotOnFailure(page, browser.artifacts, 'anonymous', async () => {
      await page.goto(`${open.url}/applications`);
      await page.waitForURL(/\/login/);
      await page.getByRole('button', { name: 'Browse without signing in (read only)' }).click();
      await page.waitForURL(`${open.url}/applications`);
      await page.locator('main h1').filter({ hasText: 'Applications' }).waitFor();
      expect(await page.getByRole('button', { name: 'New application' }).count()).toBe(0);
      expect(await page.getByTestId('role').textContent()).toBe('viewer');
      await page.goto(`${open.url}/`);
      expect(await numberOf(page, 'counter-applications')).toBe(0);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/login/);
    });
    await page.close();
  });

  it('does not offer it when the server does not', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${closed.url}/login`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: /Browse without signing in/ }).count()).toBe(0);
    await page.close();
  });
});

if (!chromiumInstalled) console.warn('anonymous-read.test.ts skipped: no Chromium at /usr/bin/chromium');
