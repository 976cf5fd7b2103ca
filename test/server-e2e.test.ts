/**
 * End to end, as a pipeline runs it: `lucent server` as a real process on embedded SQLite, a build stage exporting
 * `lucent analyze --export`, a later stage exporting `lucent scan --export` of the same image (the Debian 10 nginx
 * fixture against the Debian tracker's DSA/DLA lists), then the API read back: exactly the expected application,
 * resource, packages and vulnerabilities, CSV equal to JSON, and an SBOM download that validates as CycloneDX 1.6.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';

const NGINX = fixtureImage('snyk-docker-plugin/docker-save_nginx.tar');
const BIN = fileURLToPath(new URL('../bin/lucent.js', import.meta.url));
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;
const ADMIN_TOKEN = `lcn_${randomBytes(24).toString('base64url')}`;

let dir: string;
let db: string;
let server: ChildProcessWithoutNullStreams;
let url: string;
let writerToken: string;
let serverOutput = '';

async function api(path: string, init: { method?: string; body?: unknown; token?: string; accept?: string } = {}) {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token ?? ADMIN_TOKEN}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.accept ? { accept: init.accept } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function json(path: string) {
  const response = await api(path);
  expect(response.status, `${path}: ${response.text}`).toBe(200);
  return JSON.parse(response.text);
}

/** Every item of a list, page by page (pageSize 100, the maximum). */
async function allItems(path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const body = await json(`${path}${separator}page=${page}&pageSize=100`);
    items.push(...body.items);
    if (items.length >= body.total) return items;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-e2e-'));
  db = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  expect((await runCli(['db', 'import', ...lists, '--db', db])).code).toBe(0);
  server = spawn(
    process.execPath,
    [BIN, 'server', '--listen', '127.0.0.1:0', '--database-url', `sqlite:${join(dir, 'server.db')}`],
    { env: { ...process.env, LUCENT_ADMIN_TOKEN: ADMIN_TOKEN } },
  );
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverOutput}`)), 30_000);
    server.stdout.on('data', (chunk: Buffer) => {
      serverOutput += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(serverOutput);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr.on('data', (chunk: Buffer) => {
      serverOutput += chunk.toString();
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${serverOutput}`)));
  });
  const created = await api('/api/auth/tokens', { method: 'POST', body: { name: 'ci', role: 'writer' } });
  expect(created.status).toBe(201);
  writerToken = JSON.parse(created.text).token;
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('lucent server with CI exports', () => {
  it('takes a build-stage analysis and a later scan of the same image as one resource', async () => {
    const exportFlags = ['--export', '--server', url, '--application', 'nginx', '--create-application'];
    const analyzed = await runCli(['--no-cache', 'analyze', NGINX, '-o', join(dir, 'sbom.json'), ...exportFlags], {
      LUCENT_TOKEN: writerToken,
    });
    expect(analyzed.code, analyzed.stderr).toBe(0);
    expect(analyzed.stderr).toMatch(/^exported to http:\/\/127\.0\.0\.1:\d+: application [0-9a-f-]{36}, resource /m);
    const scanned = await runCli(
      ['--no-cache', 'scan', NGINX, '--db', db, '-f', 'json', '-o', join(dir, 'report.json'), ...exportFlags],
      { LUCENT_TOKEN: writerToken },
    );
    expect(scanned.code, scanned.stderr).toBe(0);
    expect(scanned.stderr).toContain(', 71 finding(s) (the content analysis already stored for it was kept)');
  });

  it('lists exactly the exported application, resource, packages and vulnerabilities', async () => {
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    const analysis = JSON.parse((await runCli(['analyze', NGINX, '-f', 'json'])).stdout);
    const applications = await allItems('/api/applications');
    expect(applications.map((item) => [item.applicationName, item.applicationType, item.applicationResources])).toEqual(
      [['nginx', 'IMAGE', 1]],
    );
    const resources = await allItems('/api/applicationResources');
    // A legacy `docker save` archive has no manifest: the image is known by its config digest (the image ID).
    expect(report.source.manifestDigest).toBeNull();
    expect(resources.map((item) => [item.resourceHash, item.resourceType, item.packages])).toEqual([
      [report.source.configDigest, 'IMAGE', analysis.packages.length],
    ]);
    expect(resources[0]?.reportingSBOMAnalyzers).toEqual(['dpkg']);
    const packages = await allItems('/api/packages');
    expect(packages.map((item) => item.purl).sort()).toEqual(
      analysis.packages.map((pkg: { purl: string }) => pkg.purl).sort(),
    );
    const vulnerabilities = await allItems('/api/vulnerabilities');
    const pair = (name: unknown, pkg: unknown, version: unknown) => `${name} ${pkg} ${version}`;
    expect(
      vulnerabilities.map((item) => pair(item.vulnerabilityName, item.packageName, item.packageVersion)).sort(),
    ).toEqual(
      report.findings
        .map((finding: { id: string; package: { name: string; version: string } }) =>
          pair(finding.id, finding.package.name, finding.package.version),
        )
        .sort(),
    );
    expect(vulnerabilities).toHaveLength(71);
    const dpkg = vulnerabilities.find((item) => item.vulnerabilityName === 'CVE-2022-1664');
    expect(dpkg).toMatchObject({ packageName: 'dpkg', packageVersion: '1.19.7', fixVersion: '1.19.8' });
    const counters = await json('/api/dashboard/counters');
    expect(counters).toEqual({ applications: 1, resources: 1, packages: analysis.packages.length });
  });

  it('gives the same rows as CSV', async () => {
    const items = await allItems('/api/vulnerabilities?sortKey=vulnerabilityName');
    const csv = await api('/api/vulnerabilities?sortKey=vulnerabilityName', { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n').filter(Boolean);
    const header = lines[0]?.split(',') ?? [];
    expect(lines).toHaveLength(items.length + 1);
    const name = header.indexOf('vulnerabilityName');
    const version = header.indexOf('packageVersion');
    lines.slice(1).forEach((line, index) => {
      // No field of these rows holds a comma or a quote, so a plain split is exact here.
      const fields = line.split(',');
      expect(fields[name]).toBe(items[index]?.vulnerabilityName);
      expect(fields[version]).toBe(items[index]?.packageVersion);
    });
  });

  it('downloads the stored SBOM, valid CycloneDX 1.6', async () => {
    const [resource] = await allItems('/api/applicationResources');
    const sbom = await api(`/api/applicationResources/${resource?.id}/sbom?format=cyclonedx-json`);
    expect(sbom.status).toBe(200);
    expect(await new JsonStrictValidator(Version.v1dot6).validate(sbom.text)).toBeNull();
    const document = JSON.parse(sbom.text);
    expect(document.metadata.component.version).toBe(resource?.resourceHash);
  });

  it('refuses an export with a viewer token, and the CLI says why', async () => {
    const viewer = JSON.parse(
      (await api('/api/auth/tokens', { method: 'POST', body: { name: 'ro', role: 'viewer' } })).text,
    );
    const refused = await runCli(
      ['--no-cache', 'analyze', NGINX, '-o', join(dir, 'x.json'), '--export', '--server', url, '--application-id', 'x'],
      { LUCENT_TOKEN: viewer.token },
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs the writer role');
  });

  it('shuts down on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(serverOutput).toContain('shutting down');
  });
});
