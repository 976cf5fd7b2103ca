/**
 * The dashboard in real headless Chromium, continued: application create/edit/delete, settings (tokens, users, the
 * advisory database), keyboard navigation, light and dark themes, and what a viewer may not see. Same seeded server
 * as dashboard.test.ts; screenshots go to the artifacts folder.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditPage } from './support/a11y.ts';
import { type ApiPage, apiJson } from './support/api.ts';
import { chromiumInstalled, launchBrowser, screenshot } from './support/browser.ts';
import { eventually, useDashboardSession } from './support/dashboard-session.ts';
import { listTotal, signIn, waitForList, withScreenshotOnFailure } from './support/pages.ts';

describe.skipIf(!chromiumInstalled)('dashboard writes, roles and themes in Chromium', () => {
  const dash = useDashboardSession({ signIn: true });
  const { step } = dash;

  it('creates, edits and deletes an application (admin)', () =>
    step('application-crud', async () => {
      await dash.admin.goto(`${dash.server.url}/applications`);
      await waitForList(dash.admin);
      await dash.admin.getByRole('button', { name: 'New application' }).click();
      const dialog = dash.admin.getByRole('dialog', { name: 'New application' });
      await dialog.getByLabel('Name').fill('payments-api');
      await dialog.getByLabel('Type').selectOption('POD');
      await dialog.getByLabel('Labels').fill('team=payments\ntier=backend');
      await dialog.getByLabel('Environments').fill('production, staging');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(() => listTotal(dash.admin)).toBe(4);
      await dash.admin.getByRole('link', { name: 'payments-api', exact: true }).click();
      await dash.admin.getByRole('heading', { level: 1, name: 'payments-api' }).waitFor();
      await dash.admin.getByRole('button', { name: 'Edit' }).click();
      const edit = dash.admin.getByRole('dialog', { name: 'Edit application' });
      await edit.getByLabel('Environments').fill('production');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      const apps = await apiJson<ApiPage<{ applicationName: string; environments: string[]; labels: string[] }>>(
        dash.server,
        '/api/applications?applicationName[is]=payments-api',
      );
      expect(apps.items[0]).toMatchObject({ environments: ['production'], labels: ['team=payments', 'tier=backend'] });
      await dash.admin.getByRole('button', { name: 'Delete' }).click();
      await dash.admin
        .getByRole('dialog', { name: 'Delete this application?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await dash.admin.waitForURL(`${dash.server.url}/applications`);
      await eventually(() => listTotal(dash.admin)).toBe(3);
    }));

  it('moves through the page with the keyboard', () =>
    step('keyboard', async () => {
      await dash.admin.goto(`${dash.server.url}/`);
      await dash.admin.getByTestId('top-applications').waitFor();
      await dash.admin.keyboard.press('Tab');
      expect(await dash.admin.evaluate<string | undefined>('document.activeElement?.textContent')).toBe(
        'Skip to content',
      );
      await dash.admin.keyboard.press('Enter');
      expect(await dash.admin.evaluate<string | undefined>('document.activeElement?.id')).toBe('main');
      // Tabs follow the WAI-ARIA pattern: arrow keys move between them.
      await dash.admin.getByRole('tab', { name: 'Applications' }).focus();
      await dash.admin.keyboard.press('ArrowRight');
      expect(await dash.admin.getByRole('tab', { name: 'Resources' }).getAttribute('aria-selected')).toBe('true');
      expect(await dash.admin.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Resources');
      await dash.admin.getByTestId('top-resources').waitFor();
      // A severity bar is a link reachable by Tab and followed with Enter.
      await dash.admin.locator('.fix-bars__row[data-severity="UNKNOWN"]').focus();
      await dash.admin.keyboard.press('Enter');
      await dash.admin.waitForURL(/vulnerabilitySeverity%5Bis%5D=UNKNOWN|vulnerabilitySeverity\[is\]=UNKNOWN/);
      await waitForList(dash.admin);
    }));

  it('switches to the dark theme and remembers it', () =>
    step('dark-theme', async () => {
      await dash.admin.goto(`${dash.server.url}/`);
      await dash.admin.getByTestId('theme').selectOption('dark');
      expect(await dash.admin.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
      const background = () => dash.admin.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(await background()).toBe('rgb(15, 18, 22)');
      await dash.admin.reload();
      await dash.admin.getByTestId('counter-applications').waitFor();
      expect(await background()).toBe('rgb(15, 18, 22)');
      await screenshot(dash.admin, dash.browser.artifacts, 'dashboard-dark');
      await dash.admin.getByTestId('theme').selectOption('light');
      expect(await background()).toBe('rgb(246, 247, 249)');
    }));

  it('follows a dark system preference', async () => {
    const dark = await launchBrowser({ colorScheme: 'dark' });
    try {
      const page = await dark.context.newPage();
      await page.goto(`${dash.server.url}/login`);
      expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(15, 18, 22)');
    } finally {
      await dark.close();
    }
  });

  it('manages tokens and users and shows the advisory database (admin)', () =>
    step('settings', async () => {
      await dash.admin.goto(`${dash.server.url}/settings`);
      const feeds = dash.admin.getByTestId('feeds').locator('tbody tr');
      await feeds.first().waitFor();
      const status = await apiJson<{ database: { feeds: { feed: string }[] } }>(dash.server, '/api/advisories/status');
      expect(await feeds.count()).toBe(status.database.feeds.length);
      expect(await dash.admin.getByRole('button', { name: 'Update now' }).isVisible()).toBe(true);
      await screenshot(dash.admin, dash.browser.artifacts, 'settings-database');

      await dash.admin.getByRole('tab', { name: 'API tokens' }).click();
      await dash.admin.getByLabel('Name').fill('ci-pipeline');
      await dash.admin.getByLabel('Role').selectOption('writer');
      await dash.admin.getByRole('button', { name: 'Create token' }).click();
      const secret = await dash.admin.getByTestId('new-token').innerText();
      const me = await fetch(`${dash.server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(await me.json()).toEqual({ kind: 'token', name: 'ci-pipeline', role: 'writer' });
      const row = dash.admin.locator('tr', { hasText: 'ci-pipeline' });
      await row.getByRole('button', { name: 'Revoke' }).click();
      await dash.admin
        .getByRole('dialog', { name: 'Revoke this token?' })
        .getByRole('button', { name: 'Revoke' })
        .click();
      await row.waitFor({ state: 'detached' });
      const revoked = await fetch(`${dash.server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}` } });
      expect(revoked.status).toBe(401);

      await dash.admin.getByRole('tab', { name: 'Users' }).click();
      await dash.admin.getByLabel('User name').fill('carol');
      await dash.admin.getByLabel('Password').fill('a-long-enough-password');
      await dash.admin.getByLabel('Role', { exact: true }).selectOption('writer');
      await dash.admin.getByRole('button', { name: 'Create user' }).click();
      await dash.admin.getByLabel('Role of carol').selectOption('viewer');
      await eventually(async () =>
        (await apiJson<{ name: string; role: string }[]>(dash.server, '/api/auth/users')).find(
          (user) => user.name === 'carol',
        ),
      ).toMatchObject({ role: 'viewer' });
      await screenshot(dash.admin, dash.browser.artifacts, 'settings-users');
      await dash.admin.locator('tr', { hasText: 'carol' }).getByRole('button', { name: 'Delete' }).click();
      await dash.admin
        .getByRole('dialog', { name: 'Delete this user?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await dash.admin.locator('tr', { hasText: 'carol' }).waitFor({ state: 'detached' });
    }));

  it('shows a viewer no write buttons', async () => {
    const context: BrowserContext = dash.browser.context;
    const viewer = (await context.browser()?.newContext()) ?? (await launchBrowser()).context;
    const page = await viewer.newPage();
    const writeButton =
      /^(New application|New schedule|Edit|Delete|Start scan|Stop scan|Update now|Create token|Create user|Revoke|Save options)$/;
    await withScreenshotOnFailure(page, dash.browser.artifacts, 'viewer', async () => {
      await signIn(page, dash.server.url, dash.seeded.viewer.name, dash.seeded.viewer.password);
      expect(await page.getByTestId('role').textContent()).toBe('viewer');
      const nginx = await apiJson<ApiPage<{ id: string }>>(
        dash.server,
        '/api/applications?applicationName[is]=nginx-frontend',
      );
      const resource = await apiJson<ApiPage<{ id: string }>>(
        dash.server,
        '/api/applicationResources?resourceName[is]=nginx:latest',
      );
      for (const path of [
        '/applications',
        `/applications/${nginx.items[0]?.id}`,
        `/applicationResources/${resource.items[0]?.id}`,
        '/runtimeScan',
        '/settings',
      ]) {
        await page.goto(`${dash.server.url}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        const buttons = await page.locator('main button').allInnerTexts();
        expect({ path, write: buttons.filter((text) => writeButton.test(text.trim())) }).toEqual({ path, write: [] });
      }
      expect(await page.getByRole('tab', { name: 'API tokens' }).count()).toBe(0);
      expect(await page.getByRole('tab', { name: 'Users' }).count()).toBe(0);
      await screenshot(page, dash.browser.artifacts, 'viewer-settings');
    });
    await page.close();
  });
  it('meets text contrast and names every control, in both themes', () =>
    step('a11y', async () => {
      const pages = ['/', '/vulnerabilities', '/applications', '/runtimeScan', '/settings'];
      for (const theme of ['light', 'dark'] as const) {
        await dash.admin.goto(`${dash.server.url}/`);
        await dash.admin.getByTestId('theme').selectOption(theme);
        for (const path of pages) {
          await dash.admin.goto(`${dash.server.url}${path}`);
          await dash.admin.locator('main h1').waitFor();
          await dash.admin.waitForLoadState('networkidle');
          expect({ theme, path, problems: await auditPage(dash.admin) }).toEqual({ theme, path, problems: [] });
        }
      }
      await dash.admin.getByTestId('theme').selectOption('system');
    }));

  it('fits a phone screen without sideways scrolling', () =>
    step('narrow', async () => {
      await dash.admin.setViewportSize({ width: 390, height: 844 });
      try {
        for (const path of ['/', '/vulnerabilities', '/applications', '/settings']) {
          await dash.admin.goto(`${dash.server.url}${path}`);
          await dash.admin.locator('main h1').waitFor();
          await dash.admin.waitForLoadState('networkidle');
          const overflow = await dash.admin.evaluate<number>(
            'document.documentElement.scrollWidth - window.innerWidth',
          );
          expect({ path, overflow }).toEqual({ path, overflow: 0 });
          await screenshot(
            dash.admin,
            dash.browser.artifacts,
            `narrow${path === '/' ? '-dashboard' : path.replace('/', '-')}`,
          );
        }
      } finally {
        await dash.admin.setViewportSize({ width: 1360, height: 900 });
      }
    }));

  it('raised no script error on any page', () => {
    expect(dash.scriptErrors).toEqual([]);
  });
});

if (!chromiumInstalled) console.warn('dashboard-admin.test.ts skipped: no Chromium at /usr/bin/chromium');
