/**
 * The dashboard in real headless Chromium against a real `lucent server` seeded by real scans (`lucent scan IMAGE
 * --export` of fixture images against an advisory DB imported from real feeds): the numbers, lists, filters, paging,
 * CSV export and the drill-down, every number compared with the API's answer. Screenshots of every page go to the
 * artifacts folder (printed at the end; set LUCENT_E2E_ARTIFACTS to choose it), plus one named FAILED-… for a failing
 * test. Writes, roles, keyboard and themes are in dashboard-admin.test.ts.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from './support/a11y.ts';
import { type ApiPage, apiJson, apiText } from './support/api.ts';
import { type BrowserSession, chromiumInstalled, launchBrowser, screenshot } from './support/browser.ts';
import type { LucentServer } from './support/lucent-server.ts';
import { columnTexts, listTotal, numberOf, searchOf, waitForList, withScreenshotOnFailure } from './support/pages.ts';
import { type SeededServer, startSeededServer } from './support/seeded-server.ts';

interface Counts {
  applications: number;
  resources: number;
  packages: number;
}

/**
 * The packages of the node-app image's package-lock.json (its layer 2, `COPY package-lock.json /goof/`), as the npm
 * analyzer's expected list has them, in the API's order: by name, then version.
 */
const NODE_APP_LOCK_PACKAGES = readFileSync(
  new URL('../../src/analyzers/npm/__fixtures__/images/npm7-with-package-lock-file.expected.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const at = line.lastIndexOf('@');
    return { name: line.slice(0, at), version: line.slice(at + 1) };
  })
  .sort((a, b) => (a.name === b.name ? compareText(a.version, b.version) : compareText(a.name, b.name)))
  .map((pkg) => `${pkg.name}@${pkg.version}`);

/** Code-unit order, as SQLite's default collation sorts. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Polls a value until it matches (the page re-renders a moment after the URL changes). */
const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 200 });

/** Uncaught exceptions in the page, over the whole run. */
const scriptErrors: string[] = [];
let seeded: SeededServer;
let server: LucentServer;
let browser: BrowserSession;
let admin: Page;

describe.skipIf(!chromiumInstalled)('dashboard in Chromium', () => {
  beforeAll(async () => {
    seeded = await startSeededServer();
    server = seeded.server;
    browser = await launchBrowser();
    admin = await browser.context.newPage();
    admin.on('pageerror', (error) => scriptErrors.push(`${admin.url()}: ${error.message}`));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await seeded?.stop();
    if (browser) console.log(`dashboard screenshots: ${browser.artifacts}`);
  });

  const step = (name: string, body: () => Promise<void>, page: () => Page = () => admin) =>
    withScreenshotOnFailure(page(), browser.artifacts, name, body);

  it('sends a signed-out visitor to the login page, and signs in with the keyboard alone', () =>
    step('login', async () => {
      await admin.goto(`${server.url}/vulnerabilities?vulnerabilitySeverity[gte]=LOW`);
      await admin.waitForURL(/\/login\?next=/);
      expect(searchOf(admin).get('next')).toBe('/vulnerabilities?vulnerabilitySeverity[gte]=LOW');
      await screenshot(admin, browser.artifacts, 'login');
      await admin.keyboard.press('Tab');
      expect(await admin.evaluate<string | undefined>('document.activeElement?.id')).toBe('login-name');
      await admin.keyboard.type(seeded.admin.name);
      await admin.keyboard.press('Tab');
      await admin.keyboard.type(seeded.admin.password);
      await admin.keyboard.press('Enter');
      // Back where the visitor was going, with the filter intact.
      await admin.waitForURL(`${server.url}/vulnerabilities?vulnerabilitySeverity[gte]=LOW`);
      expect(await admin.getByTestId('role').textContent()).toBe('admin');
    }));

  it('shows the API numbers on the dashboard', () =>
    step('dashboard', async () => {
      await admin.goto(`${server.url}/`);
      const counters = await apiJson<Counts>(server, '/api/dashboard/counters');
      expect(counters).toEqual({ applications: 3, resources: 3, packages: 177 });
      expect(await numberOf(admin, 'counter-applications')).toBe(counters.applications);
      expect(await numberOf(admin, 'counter-resources')).toBe(counters.resources);
      expect(await numberOf(admin, 'counter-packages')).toBe(counters.packages);

      const withFix = await apiJson<{ severity: string; countWithFix: number; countTotal: number }[]>(
        server,
        '/api/dashboard/vulnerabilitiesWithFix',
      );
      for (const row of withFix) {
        expect([await numberOf(admin, `fix-${row.severity}`), await numberOf(admin, `total-${row.severity}`)]).toEqual([
          row.countWithFix,
          row.countTotal,
        ]);
      }
      expect(await numberOf(admin, 'fixable-total')).toBe(71);

      // The advisory database: CISA's KEV catalog size, and an age from the import minutes ago.
      const status = await apiJson<{ database: { counts: { kev: number } } }>(server, '/api/advisories/status');
      expect(status.database.counts.kev).toBe(1404);
      expect(await numberOf(admin, 'counter-kev')).toBe(1404);
      expect(await admin.getByTestId('db-age').innerText()).toMatch(/^\d+ (second|minute)s?$/);
      expect(await numberOf(admin, 'fixable-with-fix')).toBe(71);

      // Donuts: the top five licenses by name and count, then "Others" with the rest.
      const licenses = await apiJson<{ license: string; count: number }[]>(server, '/api/dashboard/packagesPerLicense');
      const sorted = [...licenses].sort((a, b) => b.count - a.count || a.license.localeCompare(b.license));
      const legend = admin.locator('figure.donut').first().locator('.legend__item');
      expect(await legend.count()).toBe(6);
      for (const [index, entry] of sorted.slice(0, 5).entries()) {
        expect(await legend.nth(index).getAttribute('data-legend')).toBe(entry.license);
        expect(await legend.nth(index).locator('.legend__count').innerText()).toMatch(new RegExp(`^${entry.count} `));
      }
      const others = sorted.slice(5).reduce((sum, entry) => sum + entry.count, 0);
      expect(await legend.nth(5).locator('.legend__count').innerText()).toMatch(new RegExp(`^${others} `));
      const languages = admin.locator('figure.donut').nth(1).locator('.legend__item');
      expect(await languages.allInnerTexts()).toEqual(['javascript\n64 (100%)']);

      // Most vulnerable, applications tab: the API's order.
      const top = await apiJson<{ applications: { applicationName: string }[] }>(
        server,
        '/api/dashboard/mostVulnerable',
      );
      const names = await admin.getByTestId('top-applications').locator('.top-list__name').allInnerTexts();
      expect(names).toEqual(top.applications.map((application) => application.applicationName));

      // Trends of the last day: every finding was first seen minutes ago.
      await admin.locator('#trends-title').scrollIntoViewIfNeeded();
      await admin.getByText('Show data').click();
      const unknownColumn = await admin.locator('.line-chart__data tbody td:nth-child(7)').allInnerTexts();
      expect(unknownColumn.map(Number).reduce((sum, value) => sum + value, 0)).toBe(71);
      await screenshot(admin, browser.artifacts, 'dashboard');
    }));

  it('shows every list with the API total', () =>
    step('lists', async () => {
      for (const [path, api, name] of [
        ['/applications', '/api/applications', 'applications'],
        ['/applicationResources', '/api/applicationResources', 'resources'],
        ['/packages', '/api/packages', 'packages-list'],
        ['/vulnerabilities', '/api/vulnerabilities', 'vulnerabilities'],
      ] as const) {
        await admin.goto(`${server.url}${path}`);
        const expected = (await apiJson<ApiPage<unknown>>(server, `${api}?pageSize=1`)).total;
        expect({ path, total: await listTotal(admin) }).toEqual({ path, total: expected });
        await screenshot(admin, browser.artifacts, name);
      }
    }));

  it('opens the findings of one application from its severity tag, naming it', () =>
    step('scope', async () => {
      await admin.goto(`${server.url}/`);
      await admin.getByTestId('top-applications').locator('a.sev-tag').first().click();
      await admin.waitForURL(/\/vulnerabilities\?applicationID=/);
      await eventually(() => admin.getByTestId('scope').innerText()).toBe('Limited to application nginx-frontend');
      const id = searchOf(admin).get('applicationID') ?? '';
      const api = await apiJson<ApiPage<unknown>>(
        server,
        `/api/vulnerabilities?applicationID=${id}&vulnerabilitySeverity[is]=UNKNOWN&pageSize=1`,
      );
      expect(await listTotal(admin)).toBe(api.total);
      await admin.getByRole('button', { name: 'Clear scope' }).click();
      await eventually(async () => searchOf(admin).has('applicationID')).toBe(false);
    }));

  it('opens the filtered list from a severity bar', () =>
    step('severity-bar', async () => {
      await admin.goto(`${server.url}/`);
      await admin.locator('.fix-bars__row[data-severity="UNKNOWN"]').click();
      await admin.waitForURL(/\/vulnerabilities\?/);
      const search = searchOf(admin);
      expect(search.get('vulnerabilitySeverity[is]')).toBe('UNKNOWN');
      expect(search.get('hasFixVersion[is]')).toBe('true');
      const api = await apiJson<ApiPage<unknown>>(
        server,
        '/api/vulnerabilities?vulnerabilitySeverity[is]=UNKNOWN&hasFixVersion[is]=true&pageSize=1',
      );
      expect(await listTotal(admin)).toBe(api.total);
      expect(await admin.locator('.chip').allInnerTexts()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Severity is Unknown'),
          expect.stringContaining('Fix is available'),
        ]),
      );
      await screenshot(admin, browser.artifacts, 'vulnerabilities-filtered');
    }));

  it('keeps a filter in the URL and shows the matching rows', () =>
    step('filter', async () => {
      await admin.goto(`${server.url}/packages`);
      const all = await listTotal(admin);
      expect(all).toBe(177);
      const form = admin.getByRole('form', { name: 'Add a filter' });
      await form.getByLabel('Filter').selectOption('packageName');
      await form.getByLabel('Operator').selectOption('contains');
      await form.getByLabel('Value').fill('lib');
      await form.getByRole('button', { name: 'Add filter' }).click();
      await admin.waitForURL(/packageName%5Bcontains%5D=lib|packageName\[contains\]=lib/);
      const api = await apiJson<ApiPage<{ packageName: string }>>(
        server,
        '/api/packages?packageName[contains]=lib&sortKey=vulnerabilities&sortDir=DESC&pageSize=50',
      );
      await eventually(() => listTotal(admin)).toBe(api.total);
      expect(api.total).toBeLessThan(all);
      const shown = await columnTexts(admin, 'name');
      expect(shown).toEqual(api.items.map((item) => item.packageName));
      expect(shown.every((name) => name.toLowerCase().includes('lib'))).toBe(true);

      await admin.reload();
      expect(await listTotal(admin)).toBe(api.total);
      await admin.getByRole('button', { name: /^Remove filter: Name contains lib/ }).click();
      await eventually(() => listTotal(admin)).toBe(all);
      expect(searchOf(admin).has('packageName[contains]')).toBe(false);
      await screenshot(admin, browser.artifacts, 'packages');
    }));

  it('pages and sorts on the server', () =>
    step('paging', async () => {
      await admin.goto(`${server.url}/vulnerabilities`);
      await waitForList(admin);
      await admin.getByLabel('Rows per page').selectOption('10');
      await admin.waitForURL(/pageSize=10/);
      await admin.getByRole('link', { name: 'Next page' }).click();
      await admin.waitForURL(/page=2/);
      const page2 = await apiJson<ApiPage<{ vulnerabilityName: string; packageName: string }>>(
        server,
        '/api/vulnerabilities?page=2&pageSize=10&sortKey=severity&sortDir=DESC',
      );
      await eventually(() => columnTexts(admin, 'name')).toEqual(page2.items.map((item) => item.vulnerabilityName));
      expect(await columnTexts(admin, 'package')).toEqual(page2.items.map((item) => item.packageName));
      expect(await admin.getByTestId('row-range').innerText()).toBe('Rows 11–20 of 71');

      await admin.getByRole('link', { name: 'Sort by Vulnerability' }).click();
      await admin.waitForURL(/sortKey=vulnerabilityName/);
      expect(searchOf(admin).get('sortDir')).toBe('ASC');
      expect(searchOf(admin).has('page')).toBe(false);
      const byName = await apiJson<ApiPage<{ vulnerabilityName: string }>>(
        server,
        '/api/vulnerabilities?page=1&pageSize=10&sortKey=vulnerabilityName&sortDir=ASC',
      );
      await eventually(() => columnTexts(admin, 'name')).toEqual(byName.items.map((item) => item.vulnerabilityName));
      await eventually(() => admin.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('ascending');
      await admin.getByRole('link', { name: 'Sort by Vulnerability' }).click();
      await admin.waitForURL(/sortDir=DESC/);
      await eventually(() => admin.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('descending');
    }));

  it('exports exactly the filtered rows as CSV', () =>
    step('csv', async () => {
      await admin.goto(`${server.url}/vulnerabilities?packageName[is]=libc6&pageSize=10`);
      const total = await listTotal(admin);
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const path = await download.path();
      const csv = await readFile(path, 'utf8');
      const expected = await apiText(
        server,
        '/api/vulnerabilities?packageName[is]=libc6&sortKey=severity&sortDir=DESC&format=csv',
      );
      expect(csv).toBe(expected);
      expect(csv.trimEnd().split(/\r?\n/)).toHaveLength(total + 1);
      expect(total).toBeGreaterThan(10); // more than the page shown: the export is not the page
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
    }));

  it('drills from an application to a vulnerability in clicks', () =>
    step('drill-down', async () => {
      await admin.goto(`${server.url}/applications`);
      await waitForList(admin);
      await screenshot(admin, browser.artifacts, 'applications');
      await admin.getByRole('link', { name: 'nginx-frontend', exact: true }).click();
      await admin.getByRole('heading', { level: 1, name: 'nginx-frontend' }).waitFor();
      await waitForList(admin);
      await screenshot(admin, browser.artifacts, 'application-detail');
      await admin.getByRole('link', { name: 'nginx:latest', exact: true }).click();
      await admin.getByRole('heading', { level: 1, name: 'nginx:latest' }).waitFor();
      await screenshot(admin, browser.artifacts, 'resource-detail');
      await admin.getByRole('tab', { name: 'Packages' }).click();
      await waitForList(admin, '[role="tabpanel"]');
      // The packages with findings first: "Highest severity at least Unknown".
      const form = admin.locator('[role="tabpanel"]').getByRole('form', { name: 'Add a filter' });
      await form.getByLabel('Filter').selectOption('vulnerabilitySeverity');
      await form.getByLabel('Operator').selectOption('gte');
      await form.getByLabel('Value').selectOption('UNKNOWN');
      await form.getByRole('button', { name: 'Add filter' }).click();
      await admin.waitForURL(/p\.vulnerabilitySeverity/);
      const resourceId = new URL(admin.url()).pathname.split('/').pop() ?? '';
      const vulnerable = await apiJson<ApiPage<{ packageName: string }>>(
        server,
        `/api/packages?applicationResourceID=${resourceId}&vulnerabilitySeverity[gte]=UNKNOWN&sortKey=vulnerabilities&sortDir=DESC`,
      );
      await eventually(() => listTotal(admin, '[role="tabpanel"]')).toBe(vulnerable.total);
      const packageName = vulnerable.items[0]?.packageName ?? '';
      await admin.locator('[role="tabpanel"] td[data-column="name"] a').first().click();
      await admin.getByRole('heading', { level: 1, name: new RegExp(`^${packageName} `) }).waitFor();
      await waitForList(admin, '[role="tabpanel"]');
      await screenshot(admin, browser.artifacts, 'package-detail');
      const vulnerabilityName = await admin.locator('[role="tabpanel"] td[data-column="name"] a').first().innerText();
      await admin.locator('[role="tabpanel"] td[data-column="name"] a').first().click();
      await admin.getByRole('heading', { level: 1, name: vulnerabilityName }).waitFor();
      expect(await admin.getByTestId('affected').innerText()).toContain('nginx:latest');
      expect(await admin.getByTestId('evidence').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await admin.getByTestId('fix-versions').innerText()).not.toBe('');
      await screenshot(admin, browser.artifacts, 'vulnerability-detail');
    }));

  it("shows an image's layers and downloads its SBOM", () =>
    step('layers-sbom', async () => {
      const resources = await apiJson<ApiPage<{ id: string; resourceName: string; packages: number }>>(
        server,
        '/api/applicationResources?resourceName[end]=npm7-with-package-lock-file.tar',
      );
      const node = resources.items[0];
      if (!node) throw new Error('the node-app resource is missing');
      await admin.goto(`${server.url}/applicationResources/${node.id}?tab=layers`);
      const layers = await apiJson<{ createdBy: string; packages: number }[]>(
        server,
        `/api/applicationResources/${node.id}/layers`,
      );
      const rows = admin.getByTestId('layers').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(layers.length);
      expect(await rows.nth(2).innerText()).toContain('COPY package-lock.json /goof/');
      expect(await admin.getByTestId('layer-packages-2').innerText()).toContain(String(layers[2]?.packages));

      // The COPY layer added exactly package-lock.json's 64 packages; its count opens them, 25 a page, by name.
      expect(layers[2]?.packages).toBe(NODE_APP_LOCK_PACKAGES.length);
      const toggle = admin.getByTestId('layer-packages-2').getByRole('button');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const list = admin.getByTestId('layer-package-list-2');
      const shown = async () => {
        const names = await list.locator('td[data-column="name"]').allInnerTexts();
        const versions = await list.locator('td[data-column="version"]').allInnerTexts();
        return names.map((name, row) => `${name}@${versions[row]}`);
      };
      await list.locator('td[data-column="name"]').first().waitFor();
      expect(await shown()).toEqual(NODE_APP_LOCK_PACKAGES.slice(0, 25));
      expect(await shown()).toContain('express@4.19.2');
      expect(await list.getByText('Rows 1–25 of 64').count()).toBe(1);
      expect(await auditPage(admin)).toEqual([]);
      await screenshot(admin, browser.artifacts, 'resource-layers');
      await list.getByRole('button', { name: 'Next' }).click();
      await eventually(shown).toEqual(NODE_APP_LOCK_PACKAGES.slice(25, 50));
      await list.getByRole('button', { name: 'Next' }).click();
      await eventually(shown).toEqual(NODE_APP_LOCK_PACKAGES.slice(50));
      expect(await list.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
      // A package opens its page.
      await list.getByRole('link', { name: NODE_APP_LOCK_PACKAGES[50]?.split('@')[0] ?? '' }).click();
      await admin.waitForURL(/\/packages\//);
      await admin.goBack();

      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('button', { name: 'SBOM (CycloneDX JSON)' }).click(),
      ]);
      const sbom = JSON.parse(await readFile(await download.path(), 'utf8')) as {
        bomFormat: string;
        components: unknown[];
      };
      expect(sbom.bomFormat).toBe('CycloneDX');
      expect(sbom.components.length).toBeGreaterThanOrEqual(node.packages);
    }));

  it('raised no script error on any page', () => {
    expect(scriptErrors).toEqual([]);
  });
});

if (!chromiumInstalled)
  console.warn('dashboard.test.ts skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');
