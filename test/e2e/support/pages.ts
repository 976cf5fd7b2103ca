/** Browser helpers shared by the dashboard tests: sign-in, waiting for lists, reading numbers, artifacts. */
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';

/** Signs in through the login form with a user name and password and waits for the dashboard. */
export async function signIn(page: Page, baseUrl: string, name: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Waits until a list has its answer: a total is shown and no request is in flight. */
export async function waitForList(page: Page, scope = 'main'): Promise<void> {
  await page.locator(`${scope} [data-testid="list-total"]`).first().filter({ hasNotText: '…' }).waitFor();
  await page.locator(`${scope} .table-wrap[aria-busy="false"]`).first().waitFor();
}

/** The total a list shows ("1,234" → 1234). */
export async function listTotal(page: Page, scope = 'main'): Promise<number> {
  await waitForList(page, scope);
  const text = await page.locator(`${scope} [data-testid="list-total"]`).first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** The text of one column's cells in the first data table, top to bottom. */
export async function columnTexts(page: Page, column: string, scope = 'main'): Promise<string[]> {
  await waitForList(page, scope);
  return page.locator(`${scope} table.data-table tbody td[data-column="${column}"]`).allInnerTexts();
}

/** A number shown by the element with this test id. */
export async function numberOf(page: Page, testId: string): Promise<number> {
  const locator = page.getByTestId(testId);
  await locator.filter({ hasNotText: '–' }).waitFor();
  return Number((await locator.innerText()).replace(/[^\d]/g, ''));
}

/** The URL's search parameters. */
export function searchOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Runs a test body; on failure saves a screenshot next to the artifacts and names it in the error. */
export async function withScreenshotOnFailure(page: Page, artifacts: string, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    const path = await screenshot(page, artifacts, `FAILED-${name}`).catch(() => 'no screenshot');
    if (error instanceof Error) error.message = `${error.message}\n(screenshot: ${path}; page: ${page.url()})`;
    throw error;
  }
}
