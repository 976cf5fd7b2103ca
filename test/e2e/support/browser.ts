/**
 * Real headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with the flags that keep it off the
 * network and a fresh profile per run; screenshots go to a temp folder that the tests name on failure.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.LUCENT_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser is installed (the tests skip, saying so, when it is not). */
export const chromiumInstalled = existsSync(CHROMIUM);

/** Flags that stop Chromium from reaching the network or needing a sandbox/GPU in CI. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser profile and the folder for its artifacts. */
export interface BrowserSession {
  context: BrowserContext;
  artifacts: string;
  close: () => Promise<void>;
}

/** Launches Chromium with a fresh `--user-data-dir` (Playwright's persistent context is exactly that). */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'lucent-e2e-profile-'));
  const artifacts = process.env.LUCENT_E2E_ARTIFACTS ?? (await mkdtemp(join(tmpdir(), 'lucent-e2e-artifacts-')));
  await mkdir(artifacts, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    artifacts,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot named `name.png` into the artifacts folder and returns its path. */
export async function screenshot(page: Page, artifacts: string, name: string): Promise<string> {
  const path = join(artifacts, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
