/**
 * How long the dashboard takes to render with 10,000 resources (issue target: at most 1 s), measured in headless
 * Chromium against a real `lucent server`, and printed with each dashboard endpoint's latency, not asserted (timings
 * depend on the machine). Seeding 10,000 reports takes minutes, so this runs only with LUCENT_E2E_PERF=1:
 *   LUCENT_E2E_PERF=1 npx vitest run --project integration test/e2e/dashboard-perf.test.ts
 * LUCENT_E2E_PERF_DB=PATH reuses a server database seeded by an earlier run (its path is printed) instead.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiPost, createUser } from './support/api.ts';
import { type BrowserSession, chromiumInstalled, launchBrowser, screenshot } from './support/browser.ts';
import { type LucentServer, startLucentServer } from './support/lucent-server.ts';
import { signIn } from './support/pages.ts';
import { ensureWebBuilt, WEB_DIST } from './support/web-build.ts';

const RESOURCES = Number(process.env.LUCENT_E2E_PERF_RESOURCES ?? 10_000);
const APPLICATIONS = 100;
const PACKAGE_POOL = 2_000;
const PACKAGES_PER_RESOURCE = 20;
const FINDINGS_PER_RESOURCE = 6;
const LANGUAGES = ['javascript', 'python', 'go', 'java', ''] as const;
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-2.0-only', 'ISC', 'MPL-2.0', 'LGPL-2.1-only'] as const;
const LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'] as const;
const enabled = process.env.LUCENT_E2E_PERF === '1' && chromiumInstalled;

let server: LucentServer;
let browser: BrowserSession;
let page: Page;

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function packageOf(index: number) {
  const language = LANGUAGES[index % LANGUAGES.length] ?? '';
  return {
    name: `pkg-${index}`,
    version: `1.${index % 17}.${index % 5}`,
    language,
    licenses: [LICENSES[index % LICENSES.length] ?? 'MIT'],
    foundBy: ['perf'],
  };
}

/** One resource's scan report: a package sample and a few findings on them. */
function reportOf(resource: number, next: () => number) {
  const picks = new Set<number>();
  while (picks.size < PACKAGES_PER_RESOURCE) picks.add(Math.floor(next() * PACKAGE_POOL));
  const packages = [...picks].map(packageOf);
  const findings = packages.slice(0, FINDINGS_PER_RESOURCE).map((pkg, index) => ({
    id: `CVE-2024-${10_000 + ((resource * 7 + index * 131) % 5_000)}`,
    packageName: pkg.name,
    installedVersion: pkg.version,
    packageLanguage: pkg.language,
    fixedVersions: index % 2 === 0 ? [`${pkg.version}-fixed`] : [],
    severity: { level: LEVELS[(resource + index) % LEVELS.length] ?? 'UNKNOWN' },
  }));
  const hash = `sha256:${resource.toString(16).padStart(64, '0')}`;
  return {
    resource: { name: `registry.example/team-${resource % APPLICATIONS}/service-${resource}:1.0`, hash, type: 'IMAGE' },
    packages,
    findings,
    scanners: ['perf'],
  };
}

async function seed(): Promise<number> {
  const started = Date.now();
  const ids: string[] = [];
  for (let app = 0; app < APPLICATIONS; app++) {
    const created = await apiPost<{ id: string }>(server, '/api/applications', { name: `team-${app}`, type: 'POD' });
    ids.push(created.id);
  }
  const next = random(42);
  const reports = Array.from({ length: RESOURCES }, (_, resource) => ({
    app: ids[resource % APPLICATIONS] ?? '',
    body: reportOf(resource, next),
  }));
  let cursor = 0;
  const worker = async () => {
    while (cursor < reports.length) {
      const report = reports[cursor++];
      if (report) await apiPost(server, `/api/applications/vulnerabilityScan/${report.app}`, report.body);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return Date.now() - started;
}

/** Milliseconds from navigation start until the counters and cards show data, and until the trend chart does too. */
async function renderTimes(): Promise<{ cards: number; all: number }> {
  await page.goto(`${server.url}/`);
  await page.getByTestId('counter-resources').filter({ hasText: /\d/ }).waitFor();
  await page.getByTestId('fixable-total').waitFor();
  await page.locator('figure.donut').nth(1).waitFor();
  await page.getByTestId('top-applications').waitFor();
  const cards = await page.evaluate<number>('performance.now()');
  // The trend chart loads when scrolled near; scroll as a reader would.
  await page.locator('#trends-title').scrollIntoViewIfNeeded();
  await page.locator('.line-chart polyline').first().waitFor();
  return { cards, all: await page.evaluate<number>('performance.now()') };
}

/** Median latency of each endpoint the dashboard calls (three calls each, one after the other). */
async function endpointTimes(): Promise<string> {
  const end = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
  const start = new Date(end.getTime() - 86_400_000);
  const paths = [
    '/api/dashboard/counters',
    '/api/dashboard/vulnerabilitiesWithFix',
    '/api/dashboard/packagesPerLicense',
    '/api/dashboard/packagesPerLanguage',
    '/api/dashboard/mostVulnerable',
    `/api/dashboard/trends/vulnerabilities?startTime=${start.toISOString()}&endTime=${end.toISOString()}&points=30`,
    '/api/advisories/status',
  ];
  const lines: string[] = [];
  for (const path of paths) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      await apiJson(server, path);
      times.push(performance.now() - started);
    }
    lines.push(`${path.split('?')[0]} ${(times.sort((a, b) => a - b)[1] ?? 0).toFixed(0)} ms`);
  }
  return lines.join(', ');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe.skipIf(!enabled)('dashboard with 10,000 resources', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    const reuse = process.env.LUCENT_E2E_PERF_DB;
    if (reuse) {
      const copy = join(await mkdtemp(join(tmpdir(), 'lucent-e2e-perf-')), 'server.db');
      await copyFile(reuse, copy);
      server = await startLucentServer({ webDir: WEB_DIST, databaseUrl: `sqlite:${copy}` });
    } else {
      server = await startLucentServer({ webDir: WEB_DIST, keep: true });
      const seconds = (await seed()) / 1000;
      console.log(`seeded ${RESOURCES} resources in ${seconds.toFixed(0)} s (database: ${server.dir}/server.db)`);
    }
    const user = `perf-${Date.now()}`;
    const password = await createUser(server, user, 'viewer');
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, server.url, user, password);
  }, 3_600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders every widget; the time is printed', async () => {
    const counters = await apiJson<{ resources: number }>(server, '/api/dashboard/counters');
    expect(counters.resources).toBe(RESOURCES);
    const runs: { cards: number; all: number }[] = [];
    for (let run = 0; run < 5; run++) runs.push(await renderTimes());
    const show = (values: number[]) => values.map((time) => time.toFixed(0)).join(', ');
    console.log(
      `dashboard with ${RESOURCES} resources: counters and cards in ${median(runs.map((run) => run.cards)).toFixed(0)} ms ` +
        `(runs: ${show(runs.map((run) => run.cards))}), everything with the trend chart in ` +
        `${median(runs.map((run) => run.all)).toFixed(0)} ms (runs: ${show(runs.map((run) => run.all))})`,
    );
    console.log(`dashboard endpoints: ${await endpointTimes()}`);
    await screenshot(page, browser.artifacts, 'dashboard-10k');
  });
});

if (!enabled)
  console.warn('dashboard-perf.test.ts skipped: set LUCENT_E2E_PERF=1 (needs Chromium; seeds 10,000 resources)');
