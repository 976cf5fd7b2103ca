/**
 * The dashboard in real headless Chromium against a real `lucent server` seeded by real scans (`lucent scan IMAGE
 * --export` of fixture images against an advisory DB imported from real feeds): the numbers, lists, filters, paging,
 * CSV export and the drill-down, every number compared with the API's answer. Screenshots of every page go to the
 * artifacts folder (printed at the end; set LUCENT_E2E_ARTIFACTS to choose it), plus one named FAILED-… for a failing
 * test. Writes, roles, keyboard and themes are in dashboard-admin.test.ts.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { auditPage } from './support/a11y.ts';
import { type ApiPage, apiJson, apiText } from './support/api.ts';
import { chromiumInstalled, screenshot } from './support/browser.ts';
import { eventually, useDashboardSession } from './support/dashboard-session.ts';
import { columnTexts, listTotal, numberOf, searchOf, waitForList } from './support/pages.ts';

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

describe.skipIf(!chromiumInstalled)('dashboard in Chromium', () => {
  const dash = useDashboardSession({ signIn: false });
  const { step } = dash;

  it('sends a signed-out visitor to the login page, and signs in with the keyboard alone', () =>
    step('login', async () => {
      await dash.admin.goto(`${dash.server.url}/vulnerabilities?vulnerabilitySeverity[gte]=LOW`);
      await dash.admin.waitForURL(/\/login\?next=/);
      expect(searchOf(dash.admin).get('next')).toBe('/vulnerabilities?vulnerabilitySeverity[gte]=LOW');
      await screenshot(dash.admin, dash.browser.artifacts, 'login');
      await dash.admin.keyboard.press('Tab');
      expect(await dash.admin.evaluate<string | undefined>('document.activeElement?.id')).toBe('login-name');
      await dash.admin.keyboard.type(dash.seeded.admin.name);
      await dash.admin.keyboard.press('Tab');
      await dash.admin.keyboard.type(dash.seeded.admin.password);
      await dash.admin.keyboard.press('Enter');
      // Back where the visitor was going, with the filter intact.
      await dash.admin.waitForURL(`${dash.server.url}/vulnerabilities?vulnerabilitySeverity[gte]=LOW`);
      expect(await dash.admin.getByTestId('role').textContent()).toBe('admin');
    }));

  it('shows the API numbers on the dashboard', () =>
    step('dashboard', async () => {
      await dash.admin.goto(`${dash.server.url}/`);
      const counters = await apiJson<Counts>(dash.server, '/api/dashboard/counters');
      expect(counters).toEqual({ applications: 3, resources: 3, packages: 177 });
      expect(await numberOf(dash.admin, 'counter-applications')).toBe(counters.applications);
      expect(await numberOf(dash.admin, 'counter-resources')).toBe(counters.resources);
      expect(await numberOf(dash.admin, 'counter-packages')).toBe(counters.packages);

      const withFix = await apiJson<{ severity: string; countWithFix: number; countTotal: number }[]>(
        dash.server,
        '/api/dashboard/vulnerabilitiesWithFix',
      );
      for (const row of withFix) {
        expect([
          await numberOf(dash.admin, `fix-${row.severity}`),
          await numberOf(dash.admin, `total-${row.severity}`),
        ]).toEqual([row.countWithFix, row.countTotal]);
      }
      expect(await numberOf(dash.admin, 'fixable-total')).toBe(71);

      // The advisory database: CISA's KEV catalog size, and an age from the import minutes ago.
      const status = await apiJson<{ database: { counts: { kev: number } } }>(dash.server, '/api/advisories/status');
      expect(status.database.counts.kev).toBe(1404);
      expect(await numberOf(dash.admin, 'counter-kev')).toBe(1404);
      expect(await dash.admin.getByTestId('db-age').innerText()).toMatch(/^\d+ (second|minute)s?$/);
      expect(await numberOf(dash.admin, 'fixable-with-fix')).toBe(71);

      // Donuts: the top five licenses by name and count, then "Others" with the rest.
      const licenses = await apiJson<{ license: string; count: number }[]>(
        dash.server,
        '/api/dashboard/packagesPerLicense',
      );
      const sorted = [...licenses].sort((a, b) => b.count - a.count || a.license.localeCompare(b.license));
      const legend = dash.admin.locator('figure.donut').first().locator('.legend__item');
      expect(await legend.count()).toBe(6);
      for (const [index, entry] of sorted.slice(0, 5).entries()) {
        expect(await legend.nth(index).getAttribute('data-legend')).toBe(entry.license);
        expect(await legend.nth(index).locator('.legend__count').innerText()).toMatch(new RegExp(`^${entry.count} `));
      }
      const others = sorted.slice(5).reduce((sum, entry) => sum + entry.count, 0);
      expect(await legend.nth(5).locator('.legend__count').innerText()).toMatch(new RegExp(`^${others} `));
      const languages = dash.admin.locator('figure.donut').nth(1).locator('.legend__item');
      expect(await languages.allInnerTexts()).toEqual(['javascript\n64 (100%)']);

      // Most vulnerable, applications tab: the API's order.
      const top = await apiJson<{ applications: { applicationName: string }[] }>(
        dash.server,
        '/api/dashboard/mostVulnerable',
      );
      const names = await dash.admin.getByTestId('top-applications').locator('.top-list__name').allInnerTexts();
      expect(names).toEqual(top.applications.map((application) => application.applicationName));

      // Trends of the last day: every finding was first seen minutes ago.
      await dash.admin.locator('#trends-title').scrollIntoViewIfNeeded();
      await dash.admin.getByText('Show data').click();
      const unknownColumn = await dash.admin.locator('.line-chart__data tbody td:nth-child(7)').allInnerTexts();
      expect(unknownColumn.map(Number).reduce((sum, value) => sum + value, 0)).toBe(71);
      await screenshot(dash.admin, dash.browser.artifacts, 'dashboard');
    }));

  it('shows every list with the API total', () =>
    step('lists', async () => {
      for (const [path, api, name] of [
        ['/applications', '/api/applications', 'applications'],
        ['/applicationResources', '/api/applicationResources', 'resources'],
        ['/packages', '/api/packages', 'packages-list'],
        ['/vulnerabilities', '/api/vulnerabilities', 'vulnerabilities'],
      ] as const) {
        await dash.admin.goto(`${dash.server.url}${path}`);
        const expected = (await apiJson<ApiPage<unknown>>(dash.server, `${api}?pageSize=1`)).total;
        expect({ path, total: await listTotal(dash.admin) }).toEqual({ path, total: expected });
        await screenshot(dash.admin, dash.browser.artifacts, name);
      }
    }));

  it('opens the findings of one application from its severity tag, naming it', () =>
    step('scope', async () => {
      await dash.admin.goto(`${dash.server.url}/`);
      await dash.admin.getByTestId('top-applications').locator('a.sev-tag').first().click();
      await dash.admin.waitForURL(/\/vulnerabilities\?applicationID=/);
      await eventually(() => dash.admin.getByTestId('scope').innerText()).toBe('Limited to application nginx-frontend');
      const id = searchOf(dash.admin).get('applicationID') ?? '';
      const api = await apiJson<ApiPage<unknown>>(
        dash.server,
        `/api/vulnerabilities?applicationID=${id}&vulnerabilitySeverity[is]=UNKNOWN&pageSize=1`,
      );
      expect(await listTotal(dash.admin)).toBe(api.total);
      await dash.admin.getByRole('button', { name: 'Clear scope' }).click();
      await eventually(async () => searchOf(dash.admin).has('applicationID')).toBe(false);
    }));

  it('opens the filtered list from a severity bar', () =>
    step('severity-bar', async () => {
      await dash.admin.goto(`${dash.server.url}/`);
      await dash.admin.locator('.fix-bars__row[data-severity="UNKNOWN"]').click();
      await dash.admin.waitForURL(/\/vulnerabilities\?/);
      const search = searchOf(dash.admin);
      expect(search.get('vulnerabilitySeverity[is]')).toBe('UNKNOWN');
      expect(search.get('hasFixVersion[is]')).toBe('true');
      const api = await apiJson<ApiPage<unknown>>(
        dash.server,
        '/api/vulnerabilities?vulnerabilitySeverity[is]=UNKNOWN&hasFixVersion[is]=true&pageSize=1',
      );
      expect(await listTotal(dash.admin)).toBe(api.total);
      expect(await dash.admin.locator('.chip').allInnerTexts()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Severity is Unknown'),
          expect.stringContaining('Fix is available'),
        ]),
      );
      await screenshot(dash.admin, dash.browser.artifacts, 'vulnerabilities-filtered');
    }));

  it('keeps a filter in the URL and shows the matching rows', () =>
    step('filter', async () => {
      await dash.admin.goto(`${dash.server.url}/packages`);
      const all = await listTotal(dash.admin);
      expect(all).toBe(177);
      const form = dash.admin.getByRole('form', { name: 'Add a filter' });
      await form.getByLabel('Filter').selectOption('packageName');
      await form.getByLabel('Operator').selectOption('contains');
      await form.getByLabel('Value').fill('lib');
      await form.getByRole('button', { name: 'Add filter' }).click();
      await dash.admin.waitForURL(/packageName%5Bcontains%5D=lib|packageName\[contains\]=lib/);
      const api = await apiJson<ApiPage<{ packageName: string }>>(
        dash.server,
        '/api/packages?packageName[contains]=lib&sortKey=vulnerabilities&sortDir=DESC&pageSize=50',
      );
      await eventually(() => listTotal(dash.admin)).toBe(api.total);
      expect(api.total).toBeLessThan(all);
      const shown = await columnTexts(dash.admin, 'name');
      expect(shown).toEqual(api.items.map((item) => item.packageName));
      expect(shown.every((name) => name.toLowerCase().includes('lib'))).toBe(true);

      await dash.admin.reload();
      expect(await listTotal(dash.admin)).toBe(api.total);
      await dash.admin.getByRole('button', { name: /^Remove filter: Name contains lib/ }).click();
      await eventually(() => listTotal(dash.admin)).toBe(all);
      expect(searchOf(dash.admin).has('packageName[contains]')).toBe(false);
      await screenshot(dash.admin, dash.browser.artifacts, 'packages');
    }));

  it('pages and sorts on the server', () =>
    step('paging', async () => {
      await dash.admin.goto(`${dash.server.url}/vulnerabilities`);
      await waitForList(dash.admin);
      await dash.admin.getByLabel('Rows per page').selectOption('10');
      await dash.admin.waitForURL(/pageSize=10/);
      await dash.admin.getByRole('link', { name: 'Next page' }).click();
      await dash.admin.waitForURL(/page=2/);
      const page2 = await apiJson<ApiPage<{ vulnerabilityName: string; packageName: string }>>(
        dash.server,
        '/api/vulnerabilities?page=2&pageSize=10&sortKey=severity&sortDir=DESC',
      );
      await eventually(() => columnTexts(dash.admin, 'name')).toEqual(
        page2.items.map((item) => item.vulnerabilityName),
      );
      expect(await columnTexts(dash.admin, 'package')).toEqual(page2.items.map((item) => item.packageName));
      expect(await dash.admin.getByTestId('row-range').innerText()).toBe('Rows 11–20 of 71');

      await dash.admin.getByRole('link', { name: 'Sort by Vulnerability' }).click();
      await dash.admin.waitForURL(/sortKey=vulnerabilityName/);
      expect(searchOf(dash.admin).get('sortDir')).toBe('ASC');
      expect(searchOf(dash.admin).has('page')).toBe(false);
      const byName = await apiJson<ApiPage<{ vulnerabilityName: string }>>(
        dash.server,
        '/api/vulnerabilities?page=1&pageSize=10&sortKey=vulnerabilityName&sortDir=ASC',
      );
      await eventually(() => columnTexts(dash.admin, 'name')).toEqual(
        byName.items.map((item) => item.vulnerabilityName),
      );
      await eventually(() => dash.admin.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('ascending');
      await dash.admin.getByRole('link', { name: 'Sort by Vulnerability' }).click();
      await dash.admin.waitForURL(/sortDir=DESC/);
      await eventually(() => dash.admin.locator('th[data-column="name"]').getAttribute('aria-sort')).toBe('descending');
    }));

  it('exports exactly the filtered rows as CSV', () =>
    step('csv', async () => {
      await dash.admin.goto(`${dash.server.url}/vulnerabilities?packageName[is]=libc6&pageSize=10`);
      const total = await listTotal(dash.admin);
      const [download] = await Promise.all([
        dash.admin.waitForEvent('download'),
        dash.admin.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const path = await download.path();
      const csv = await readFile(path, 'utf8');
      const expected = await apiText(
        dash.server,
        '/api/vulnerabilities?packageName[is]=libc6&sortKey=severity&sortDir=DESC&format=csv',
      );
      expect(csv).toBe(expected);
      expect(csv.trimEnd().split(/\r?\n/)).toHaveLength(total + 1);
      expect(total).toBeGreaterThan(10); // more than the page shown: the export is not the page
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
    }));

  it('drills from an application to a vulnerability in clicks', () =>
    step('drill-down', async () => {
      await dash.admin.goto(`${dash.server.url}/applications`);
      await waitForList(dash.admin);
      await screenshot(dash.admin, dash.browser.artifacts, 'applications');
      await dash.admin.getByRole('link', { name: 'nginx-frontend', exact: true }).click();
      await dash.admin.getByRole('heading', { level: 1, name: 'nginx-frontend' }).waitFor();
      await waitForList(dash.admin);
      await screenshot(dash.admin, dash.browser.artifacts, 'application-detail');
      await dash.admin.getByRole('link', { name: 'nginx:latest', exact: true }).click();
      await dash.admin.getByRole('heading', { level: 1, name: 'nginx:latest' }).waitFor();
      await screenshot(dash.admin, dash.browser.artifacts, 'resource-detail');
      await dash.admin.getByRole('tab', { name: 'Packages' }).click();
      await waitForList(dash.admin, '[role="tabpanel"]');
      // The packages with findings first: "Highest severity at least Unknown".
      const form = dash.admin.locator('[role="tabpanel"]').getByRole('form', { name: 'Add a filter' });
      await form.getByLabel('Filter').selectOption('vulnerabilitySeverity');
      await form.getByLabel('Operator').selectOption('gte');
      await form.getByLabel('Value').selectOption('UNKNOWN');
      await form.getByRole('button', { name: 'Add filter' }).click();
      await dash.admin.waitForURL(/p\.vulnerabilitySeverity/);
      const resourceId = new URL(dash.admin.url()).pathname.split('/').pop() ?? '';
      const vulnerable = await apiJson<ApiPage<{ packageName: string }>>(
        dash.server,
        `/api/packages?applicationResourceID=${resourceId}&vulnerabilitySeverity[gte]=UNKNOWN&sortKey=vulnerabilities&sortDir=DESC`,
      );
      await eventually(() => listTotal(dash.admin, '[role="tabpanel"]')).toBe(vulnerable.total);
      const packageName = vulnerable.items[0]?.packageName ?? '';
      await dash.admin.locator('[role="tabpanel"] td[data-column="name"] a').first().click();
      await dash.admin.getByRole('heading', { level: 1, name: new RegExp(`^${packageName} `) }).waitFor();
      await waitForList(dash.admin, '[role="tabpanel"]');
      await screenshot(dash.admin, dash.browser.artifacts, 'package-detail');
      const vulnerabilityName = await dash.admin
        .locator('[role="tabpanel"] td[data-column="name"] a')
        .first()
        .innerText();
      await dash.admin.locator('[role="tabpanel"] td[data-column="name"] a').first().click();
      await dash.admin.getByRole('heading', { level: 1, name: vulnerabilityName }).waitFor();
      expect(await dash.admin.getByTestId('affected').innerText()).toContain('nginx:latest');
      expect(await dash.admin.getByTestId('evidence').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await dash.admin.getByTestId('fix-versions').innerText()).not.toBe('');
      await screenshot(dash.admin, dash.browser.artifacts, 'vulnerability-detail');
    }));

  it("shows an image's layers and downloads its SBOM", () =>
    step('layers-sbom', async () => {
      const resources = await apiJson<ApiPage<{ id: string; resourceName: string; packages: number }>>(
        dash.server,
        '/api/applicationResources?resourceName[end]=npm7-with-package-lock-file.tar',
      );
      const node = resources.items[0];
      if (!node) throw new Error('the node-app resource is missing');
      await dash.admin.goto(`${dash.server.url}/applicationResources/${node.id}?tab=layers`);
      const layers = await apiJson<{ createdBy: string; packages: number }[]>(
        dash.server,
        `/api/applicationResources/${node.id}/layers`,
      );
      const rows = dash.admin.getByTestId('layers').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(layers.length);
      expect(await rows.nth(2).innerText()).toContain('COPY package-lock.json /goof/');
      expect(await dash.admin.getByTestId('layer-packages-2').innerText()).toContain(String(layers[2]?.packages));

      // The COPY layer added exactly package-lock.json's 64 packages; its count opens them, 25 a page, by name.
      expect(layers[2]?.packages).toBe(NODE_APP_LOCK_PACKAGES.length);
      const toggle = dash.admin.getByTestId('layer-packages-2').getByRole('button');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const list = dash.admin.getByTestId('layer-package-list-2');
      const shown = async () => {
        const names = await list.locator('td[data-column="name"]').allInnerTexts();
        const versions = await list.locator('td[data-column="version"]').allInnerTexts();
        return names.map((name, row) => `${name}@${versions[row]}`);
      };
      await list.locator('td[data-column="name"]').first().waitFor();
      expect(await shown()).toEqual(NODE_APP_LOCK_PACKAGES.slice(0, 25));
      expect(await shown()).toContain('express@4.19.2');
      expect(await list.getByText('Rows 1–25 of 64').count()).toBe(1);
      expect(await auditPage(dash.admin)).toEqual([]);
      await screenshot(dash.admin, dash.browser.artifacts, 'resource-layers');
      await list.getByRole('button', { name: 'Next' }).click();
      await eventually(shown).toEqual(NODE_APP_LOCK_PACKAGES.slice(25, 50));
      await list.getByRole('button', { name: 'Next' }).click();
      await eventually(shown).toEqual(NODE_APP_LOCK_PACKAGES.slice(50));
      expect(await list.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
      // A package opens its page.
      await list.getByRole('link', { name: NODE_APP_LOCK_PACKAGES[50]?.split('@')[0] ?? '' }).click();
      await dash.admin.waitForURL(/\/packages\//);
      await dash.admin.goBack();

      const [download] = await Promise.all([
        dash.admin.waitForEvent('download'),
        dash.admin.getByRole('button', { name: 'SBOM (CycloneDX JSON)' }).click(),
      ]);
      const sbom = JSON.parse(await readFile(await download.path(), 'utf8')) as {
        bomFormat: string;
        components: unknown[];
      };
      expect(sbom.bomFormat).toBe('CycloneDX');
      expect(sbom.components.length).toBeGreaterThanOrEqual(node.packages);
    }));

  it('raised no script error on any page', () => {
    expect(dash.scriptErrors).toEqual([]);
  });
});

if (!chromiumInstalled)
  console.warn('dashboard.test.ts skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');
