/**
 * The dashboard in real headless Chromium, continued: application create/edit/delete, settings (tokens, users, the
 * advisory database), keyboard navigation, light and dark themes, and what a viewer may not see. Same seeded server
 * as dashboard.test.ts; screenshots go to the artifacts folder.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from './support/a11y.ts';
import { type ApiPage, apiJson } from './support/api.ts';
import { type BrowserSession, chromiumInstalled, launchBrowser, screenshot } from './support/browser.ts';
import type { LucentServer } from './support/lucent-server.ts';
import { listTotal, signIn, waitForList, withScreenshotOnFailure } from './support/pages.ts';
import { type SeededServer, startSeededServer } from './support/seeded-server.ts';

/** Polls a value until it matches (the page re-renders a moment after the URL changes). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** Uncaught exceptions in the page, over the whole run. */
const scriptErrors: string[] = [];
let seeded: SeededServer;
let server: LucentServer;
let browser: BrowserSession;
let admin: Page;

describe.skipIf(!chromiumInstalled)('dashboard writes, roles and themes in Chromium', () => {
  beforeAll(async () => {
    seeded = await startSeededServer();
    server = seeded.server;
    browser = await launchBrowser();
    admin = await browser.context.newPage();
    admin.on('pageerror', (error) => scriptErrors.push(`${admin.url()}: ${error.message}`));
    await signIn(admin, server.url, seeded.admin.name, seeded.admin.password);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await seeded?.stop();
    if (browser) console.log(`dashboard screenshots: ${browser.artifacts}`);
  });

  const step = (name: string, body: () => Promise<void>) =>
    withScreenshotOnFailure(admin, browser.artifacts, name, body);

  it('creates, edits and deletes an application (admin)', () =>
    step('application-crud', async () => {
      await admin.goto(`${server.url}/applications`);
      await waitForList(admin);
      await admin.getByRole('button', { name: 'New application' }).click();
      const dialog = admin.getByRole('dialog', { name: 'New application' });
      await dialog.getByLabel('Name').fill('payments-api');
      await dialog.getByLabel('Type').selectOption('POD');
      await dialog.getByLabel('Labels').fill('team=payments\ntier=backend');
      await dialog.getByLabel('Environments').fill('production, staging');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(() => listTotal(admin)).toBe(4);
      await admin.getByRole('link', { name: 'payments-api', exact: true }).click();
      await admin.getByRole('heading', { level: 1, name: 'payments-api' }).waitFor();
      await admin.getByRole('button', { name: 'Edit' }).click();
      const edit = admin.getByRole('dialog', { name: 'Edit application' });
      await edit.getByLabel('Environments').fill('production');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      const apps = await apiJson<ApiPage<{ applicationName: string; environments: string[]; labels: string[] }>>(
        server,
        '/api/applications?applicationName[is]=payments-api',
      );
      expect(apps.items[0]).toMatchObject({ environments: ['production'], labels: ['team=payments', 'tier=backend'] });
      await admin.getByRole('button', { name: 'Delete' }).click();
      await admin
        .getByRole('dialog', { name: 'Delete this application?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await admin.waitForURL(`${server.url}/applications`);
      await eventually(() => listTotal(admin)).toBe(3);
    }));

  it('moves through the page with the keyboard', () =>
    step('keyboard', async () => {
      await admin.goto(`${server.url}/`);
      await admin.getByTestId('top-applications').waitFor();
      await admin.keyboard.press('Tab');
      expect(await admin.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Skip to content');
      await admin.keyboard.press('Enter');
      expect(await admin.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
      // Tabs follow the WAI-ARIA pattern: arrow keys move between them.
      await admin.getByRole('tab', { name: 'Applications' }).focus();
      await admin.keyboard.press('ArrowRight');
      expect(await admin.getByRole('tab', { name: 'Resources' }).getAttribute('aria-selected')).toBe('true');
      expect(await admin.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Resources');
      await admin.getByTestId('top-resources').waitFor();
      // A severity bar is a link reachable by Tab and followed with Enter.
      await admin.locator('.fix-bars__row[data-severity="UNKNOWN"]').focus();
      await admin.keyboard.press('Enter');
      await admin.waitForURL(/vulnerabilitySeverity%5Bis%5D=UNKNOWN|vulnerabilitySeverity\[is\]=UNKNOWN/);
      await waitForList(admin);
    }));

  it('switches to the dark theme and remembers it', () =>
    step('dark-theme', async () => {
      await admin.goto(`${server.url}/`);
      await admin.getByTestId('theme').selectOption('dark');
      expect(await admin.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
      const background = () => admin.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(await background()).toBe('rgb(15, 18, 22)');
      await admin.reload();
      await admin.getByTestId('counter-applications').waitFor();
      expect(await background()).toBe('rgb(15, 18, 22)');
      await screenshot(admin, browser.artifacts, 'dashboard-dark');
      await admin.getByTestId('theme').selectOption('light');
      expect(await background()).toBe('rgb(246, 247, 249)');
    }));

  it('follows a dark system preference', async () => {
    const dark = await launchBrowser({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${server.url}/login`);
      expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(15, 18, 22)');
    } finally {
      await dark.close();
    }
  });

  it('manages tokens and users and shows the advisory database (admin)', () =>
    step('settings', async () => {
      await admin.goto(`${server.url}/settings`);
      const feeds = admin.getByTestId('feeds').locator('tbody tr');
      await feeds.first().waitFor();
      const status = await apiJson<{ database: { feeds: { feed: string }[] } }>(server, '/api/advisories/status');
      expect(await feeds.count()).toBe(status.database.feeds.length);
      expect(await admin.getByRole('button', { name: 'Update now' }).isVisible()).toBe(true);
      await screenshot(admin, browser.artifacts, 'settings-database');

      await admin.getByRole('tab', { name: 'API tokens' }).click();
      await admin.getByLabel('Name').fill('ci-pipeline');
      await admin.getByLabel('Role').selectOption('writer');
      await admin.getByRole('button', { name: 'Create token' }).click();
      const secret = await admin.getByTestId('new-token').innerText();
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(await me.json()).toEqual({ kind: 'token', name: 'ci-pipeline', role: 'writer' });
      const row = admin.locator('tr', { hasText: 'ci-pipeline' });
      await row.getByRole('button', { name: 'Revoke' }).click();
      await admin.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke' }).click();
      await row.waitFor({ state: 'detached' });
      const revoked = await fetch(`${server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(revoked.status).toBe(401);

      await admin.getByRole('tab', { name: 'Users' }).click();
      await admin.getByLabel('User name').fill('carol');
      await admin.getByLabel('Password').fill('a-long-enough-password');
      await admin.getByLabel('Role', { exact: true }).selectOption('writer');
      await admin.getByRole('button', { name: 'Create user' }).click();
      await admin.getByLabel('Role of carol').selectOption('viewer');
      await eventually(async () =>
        (await apiJson<{ name: string; role: string }[]>(server, '/api/auth/users')).find(
          (user) => user.name === 'carol',
        ),
      ).toMatchObject({ role: 'viewer' });
      await screenshot(admin, browser.artifacts, 'settings-users');
      await admin.locator('tr', { hasText: 'carol' }).getByRole('button', { name: 'Delete' }).click();
      await admin.getByRole('dialog', { name: 'Delete this user?' }).getByRole('button', { name: 'Delete' }).click();
      await admin.locator('tr', { hasText: 'carol' }).waitFor({ state: 'detached' });
    }));

  it('shows a viewer no write buttons', async () => {
    const context: BrowserContext = browser.context;
    const viewer = (await context.browser()?.newContext()) ?? (await launchBrowser()).context;
    const page = await viewer.newPage();
    const writeButton =
      /^(New application|New schedule|Edit|Delete|Start scan|Stop scan|Update now|Create token|Create user|Revoke|Save options)$/;
    await withScreenshotOnFailure(page, browser.artifacts, 'viewer', async () => {
      await signIn(page, server.url, seeded.viewer.name, seeded.viewer.password);
      expect(await page.getByTestId('role').textContent()).toBe('viewer');
      const nginx = await apiJson<ApiPage<{ id: string }>>(
        server,
        '/api/applications?applicationName[is]=nginx-frontend',
      );
      const resource = await apiJson<ApiPage<{ id: string }>>(
        server,
        '/api/applicationResources?resourceName[is]=nginx:latest',
      );
      for (const path of [
        '/applications',
        `/applications/${nginx.items[0]?.id}`,
        `/applicationResources/${resource.items[0]?.id}`,
        '/runtimeScan',
        '/settings',
      ]) {
        await page.goto(`${server.url}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const buttons = await page.locator('main button').allInnerTexts();
        expect({ path, write: buttons.filter((text) => writeButton.test(text.trim())) }).toEqual({ path, write: [] });
      }
      expect(await page.getByRole('tab', { name: 'API tokens' }).count()).toBe(0);
      expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
      await screenshot(page, browser.artifacts, 'viewer-settings');
    });
    await page.close();
  });
  it('meets text contrast and names every control, in both themes', () =>
    step('a11y', async () => {
      const pages = ['/', '/vulnerabilities', '/applications', '/runtimeScan', '/settings'];
      for (const theme of ['light', 'dark'] as const) {
        await admin.goto(`${server.url}/`);
        await admin.getByTestId('theme').selectOption(theme);
        for (const path of pages) {
          await admin.goto(`${server.url}${path}`);
          await admin.locator('main h1').waitFor();
          await admin.waitForLoadState('networkidle');
          expect({ theme, path, problems: await auditPage(admin) }).toEqual({ theme, path, problems: [] });
        }
      }
      await admin.getByTestId('theme').selectOption('system');
    }));

  it('fits a phone screen without sideways scrolling', () =>
    step('narrow', async () => {
      await admin.setViewportSize({ width: 390, height: 844 });
      try {
        for (const path of ['/', '/vulnerabilities', '/applications', '/settings']) {
          await admin.goto(`${server.url}${path}`);
          await admin.locator('main h1').waitFor();
          await admin.waitForLoadState('networkidle');
          const overflow = await admin.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
          expect({ path, overflow }).toEqual({ path, overflow: 0 });
          await screenshot(admin, browser.artifacts, `narrow${path === '/' ? '-dashboard' : path.replace('/', '-')}`);
        }
      } finally {
        await admin.setViewportSize({ width: 1360, height: 900 });
      }
    }));

  it('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});

if (!chromiumInstalled) console.warn('dashboard-admin.test.ts skipped: no Chromium at /usr/bin/chromium');
