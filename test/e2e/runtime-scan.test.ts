/**
 * The runtime scan page in headless Chromium: a real `lucent server` reads a test Kubernetes API server (the fake
 * apiserver of the runtime tests) whose pods run an image from a local registry, plus a pod whose image cannot be
 * known yet. The scan is started from the UI, its progress followed live, and its results clicked through; then a
 * schedule is created, disabled, edited and deleted from the UI.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/advisories/import.ts';
import { openRegistryImage } from '../../src/image/sources/registry/index.ts';
import { type FakeKubeApi, startFakeKubeApi } from '../support/fake-kube-api.ts';
import { namespace, pod, serviceAccount } from '../support/fake-kube-objects.ts';
import {
  type FaultProxy,
  pushImage,
  type RegistryServer,
  startFaultProxy,
  startRegistry,
} from '../support/registry-server.ts';
import { writeDebianAppLayout } from '../support/runtime-images.ts';
import { type ApiPage, apiJson, createUser } from './support/api.ts';
import { type BrowserSession, chromiumInstalled, launchBrowser, screenshot } from './support/browser.ts';
import { type LucentServer, startLucentServer } from './support/lucent-server.ts';
import { listTotal, signIn, withScreenshotOnFailure } from './support/pages.ts';
import { ensureWebBuilt, WEB_DIST } from './support/web-build.ts';

const tracker = new URL('../../src/advisories/importers/debian-tracker/__fixtures__/DSA-excerpt.txt', import.meta.url)
  .pathname;
const eventually = <T>(read: () => Promise<T>, timeout = 30_000) => expect.poll(read, { timeout, interval: 250 });

let dir: string;
let registry: RegistryServer;
let proxy: FaultProxy;
let kube: FakeKubeApi;
let server: LucentServer;
let browser: BrowserSession;
let page: Page;
let image: string;

describe.skipIf(!chromiumInstalled)('runtime scan page in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    dir = await mkdtemp(join(tmpdir(), 'lucent-e2e-runtime-'));
    registry = await startRegistry();
    const layout = join(dir, 'layout');
    await mkdir(layout);
    await pushImage(await writeDebianAppLayout(layout), `${registry.host}/shop/app:1.0`);
    const opened = await openRegistryImage(`${registry.host}/shop/app:1.0`, { env: {} });
    const digest = opened.manifest?.digest ?? '';
    await opened.close();
    // The registry answers the scanner's first blob request with 429 and Retry-After, as a busy registry does, so
    // the scan stays in progress for a few seconds and the page can be seen following it.
    proxy = await startFaultProxy(registry.host, [
      { path: /\/blobs\//, times: 1, respond: { status: 429, headers: { 'Retry-After': '3' } } },
    ]);
    image = `${proxy.host}/shop/app:1.0`;
    kube = await startFakeKubeApi({
      objects: [
        namespace('shop'),
        namespace('empty'),
        serviceAccount('shop', 'default'),
        pod({
          namespace: 'shop',
          name: 'web-0',
          labels: { app: 'web' },
          containers: [{ name: 'web', image, imageID: `${proxy.host}/shop/app@${digest}` }],
        }),
        pod({ namespace: 'shop', name: 'pending', containers: [{ name: 'x', image: `${proxy.host}/shop/next:2` }] }),
      ],
    });
    const advisoryDb = join(dir, 'advisories.db');
    await importPaths([tracker], advisoryDb);
    server = await startLucentServer({
      webDir: WEB_DIST,
      extraArgs: ['--advisory-db', advisoryDb],
      env: { KUBECONFIG: await kube.writeKubeconfig(join(dir, 'kubeconfig')), LUCENT_CACHE_DIR: join(dir, 'cache') },
    });
    const password = await createUser(server, 'wendy', 'writer');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, server.url, 'wendy', password);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await kube?.stop();
    await proxy?.stop();
    await registry?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (browser) console.log(`runtime scan screenshots: ${browser.artifacts}`);
  });

  const step = (name: string, body: () => Promise<void>) =>
    withScreenshotOnFailure(page, browser.artifacts, name, body);

  it('starts a scan of a namespace, shows its progress per image, and ends with results', () =>
    step('runtime-scan', async () => {
      await page.goto(`${server.url}/runtimeScan`);
      await page.getByTestId('scan-status').filter({ hasText: 'No scan has run yet' }).waitFor();
      const namespaces = page.getByRole('group', { name: 'Namespaces' });
      await namespaces.getByLabel('shop').waitFor();
      expect(await namespaces.getByRole('checkbox').allInnerTexts()).toHaveLength(2);
      expect(await namespaces.locator('label').allInnerTexts()).toEqual(['empty', 'shop']);
      await namespaces.getByLabel('shop').check();
      // Record every status the page shows, to see the run in progress and not only its end.
      await page.evaluate(`(() => {
        window.__statuses = [];
        window.__imageStates = new Set();
        const record = () => {
          const text = document.querySelector('[data-testid="scan-status"]')?.textContent ?? '';
          if (window.__statuses[window.__statuses.length - 1] !== text) window.__statuses.push(text);
          for (const row of document.querySelectorAll('[data-testid="scan-images"] tr[data-state]')) {
            window.__imageStates.add(row.dataset.state);
          }
        };
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);
      await page.getByTestId('start-scan').click();
      await eventually(() => page.getByTestId('scan-status').textContent(), 120_000).toBe('Done · 100% · shop');
      const statuses = await page.evaluate<string[]>('window.__statuses');
      expect(statuses.some((text) => /^(Scanning|Saving results)/.test(text))).toBe(true);
      // The image was shown on its way (queued, pulling, analyzing or matching), not only once done.
      const states = await page.evaluate<string[]>('[...window.__imageStates]');
      expect(states.some((state) => state !== 'done' && state !== 'failed')).toBe(true);

      // The pulled image, and the pending pod's image, whose digest is not known, with the reason.
      const rows = page.getByTestId('scan-images').locator('tbody tr');
      await eventually(() => rows.count()).toBe(1);
      const done = page.getByTestId('scan-images').locator('tr[data-state="done"]');
      expect(await done.innerText()).toContain(image);
      expect(await done.innerText()).toContain('shop/web-0');
      expect(await page.getByTestId('scan-failures').locator('li').allInnerTexts()).toEqual([
        `Failed to scan image "${proxy.host}/shop/next:2". Affected pods: shop/pending. Reasons: the container has not started, so its image digest is not known yet.`,
      ]);
      expect(await page.getByRole('progressbar', { name: 'Scan progress' }).getAttribute('aria-valuenow')).toBe('100');

      const results = await apiJson<{ counters: Record<string, number> }>(server, '/api/runtime/scan/results');
      const tiles = page.getByTestId('scan-results');
      for (const [name, value] of Object.entries(results.counters)) {
        expect(await tiles.locator(`[data-result="${name}"] .counter__value`).innerText()).toBe(String(value));
      }
      expect(results.counters).toMatchObject({ applications: 1, resources: 1, packages: 4 });
      await screenshot(page, browser.artifacts, 'runtime-scan');

      await tiles.locator('[data-result="applications"]').click();
      await page.waitForURL(/\/applications\?currentRuntimeScan=true/);
      await eventually(() => listTotal(page)).toBe(1);
      expect(await page.locator('td[data-column="name"]').innerText()).toBe('web');
    }));

  it('creates, disables, edits and deletes a schedule', () =>
    step('schedules', async () => {
      await page.goto(`${server.url}/runtimeScan`);
      await page.getByRole('button', { name: 'New schedule' }).click();
      const dialog = page.getByRole('dialog', { name: 'New schedule' });
      await dialog.getByLabel('Name', { exact: true }).fill('nightly');
      await dialog.getByLabel('Runs').selectOption('days');
      await dialog.getByLabel('Every how many days').fill('1');
      await dialog.getByLabel('Time of day').fill('02:30');
      await dialog.getByLabel('Time zone').fill('Europe/Berlin');
      await dialog.getByRole('group', { name: 'Namespaces' }).getByLabel('shop').check();
      await dialog.getByRole('button', { name: 'Create' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const table = page.getByTestId('schedules');
      await table.getByText('every day at 02:30 (Europe/Berlin)').waitFor();
      expect(await table.locator('tbody tr').innerText()).toContain('shop');

      await table.getByLabel('Enable nightly').uncheck();
      await eventually(
        async () => (await apiJson<{ enabled: boolean }[]>(server, '/api/runtime/schedules'))[0]?.enabled,
      ).toBe(false);

      await table.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit schedule' });
      await edit.getByLabel('Runs').selectOption('weekly');
      await edit.getByLabel('Day', { exact: true }).selectOption('friday');
      await edit.getByLabel('Time of day').fill('22:15');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      await table.getByText('weekly on Friday at 22:15 (Europe/Berlin)').waitFor();
      const [stored] = await apiJson<{ spec: unknown; enabled: boolean }[]>(server, '/api/runtime/schedules');
      expect(stored).toMatchObject({ spec: { kind: 'weekly', day: 'friday', at: '22:15' }, enabled: false });
      await screenshot(page, browser.artifacts, 'runtime-schedules');

      await table.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog', { name: 'Delete this schedule?' }).getByRole('button', { name: 'Delete' }).click();
      await page.getByText('No scheduled scans.').waitFor();
      expect(await apiJson<ApiPage<unknown> | unknown[]>(server, '/api/runtime/schedules')).toEqual([]);
    }));
});

if (!chromiumInstalled) console.warn('runtime-scan.test.ts skipped: no Chromium at /usr/bin/chromium');
