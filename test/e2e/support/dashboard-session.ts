/**
 * What the two dashboard test files share: the seeded server, one browser, the admin's page (signed in or not), the
 * page's uncaught exceptions over the whole run, and a step runner that saves a screenshot of a failure.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { type BrowserSession, launchBrowser } from './browser.ts';
import type { LucentServer } from './lucent-server.ts';
import { signIn, withScreenshotOnFailure } from './pages.ts';
import { type SeededServer, startSeededServer } from './seeded-server.ts';

/** The shared fixtures; filled in by the `beforeAll` hook, so read them inside tests only. */
export interface DashboardSession {
  seeded: SeededServer;
  server: LucentServer;
  browser: BrowserSession;
  /** The admin's page. */
  admin: Page;
  /** Uncaught exceptions in the admin's page (`url: message`). */
  scriptErrors: string[];
  /** Runs a test body on a page (the admin's by default), with a screenshot named after the step if it fails. */
  step: (name: string, body: () => Promise<void>, page?: () => Page) => Promise<void>;
}

/**
 * Registers the hooks that start the seeded server and the browser before the tests (signing the admin in when
 * asked) and stop them after. Call it inside the `describe`, so a skipped suite starts nothing.
 */
export function useDashboardSession(options: { signIn: boolean }): DashboardSession {
  const session = {
    scriptErrors: [],
    step: (name, body, page = () => session.admin) =>
      withScreenshotOnFailure(page(), session.browser.artifacts, name, body),
  } as Pick<DashboardSession, 'scriptErrors' | 'step'> as DashboardSession;
  beforeAll(async () => {
    session.seeded = await startSeededServer();
    session.server = session.seeded.server;
    session.browser = await launchBrowser();
    const admin = await session.browser.context.newPage();
    session.admin = admin;
    admin.on('pageerror', (error) => session.scriptErrors.push(`${admin.url()}: ${error.message}`));
    if (options.signIn) {
      await signIn(admin, session.server.url, session.seeded.admin.name, session.seeded.admin.password);
    }
  }, 600_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.seeded?.stop();
    if (session.browser) console.log(`dashboard screenshots: ${session.browser.artifacts}`);
  });
  return session;
}

/** Polls a value until it matches (the page re-renders a moment after the URL changes). */
export function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 15_000, interval: 200 });
}
