import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../matcher/match.ts';
import { sampleResult } from '../../sbom/testing/sample-result.ts';
import { ApiClient } from './api-client.ts';
import { exportContentAnalysis, exportScan } from './export.ts';
import { contentAnalysisReport, resourceOf, vulnerabilityScanReport } from './reports.ts';
import { checkAgainstIngestSchemas } from './testing/schemas.ts';

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A loopback server answering from a script, recording every request. */
async function fakeServer(answer: (request: Recorded) => { status: number; body?: unknown }) {
  const requests: Recorded[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const recorded = {
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const { status, body } = answer(recorded);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  servers.push(server);
  return { url, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const tool = { name: 'lucent', version: '0.0.0-test' };

const finding = (id: string, purl: string, name: string, version: string): Finding => ({
  id,
  aliases: [],
  packagePurl: purl,
  packageName: name,
  installedVersion: version,
  fixedVersions: ['9.9.9'],
  evidence: [],
  severity: { level: 'HIGH', score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', source: 'nvd' },
});

describe('reports', () => {
  it('name an image by its manifest digest, and anything else by a hash of its inventory', () => {
    const result = sampleResult();
    expect(resourceOf(result)).toEqual({
      name: 'example.org/app:1.0',
      hash: `sha256:${'a'.repeat(64)}`,
      type: 'IMAGE',
    });
    const dir = sampleResult();
    dir.image.source = { kind: 'dir', reference: './app' };
    const hash = resourceOf(dir).hash;
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const same = sampleResult();
    same.image.source = { kind: 'dir', reference: './other-checkout' };
    expect(resourceOf(same).hash).toBe(hash);
    dir.inventory.packages.pop();
    expect(resourceOf(dir).hash).not.toBe(hash);
  });

  it('are valid ingestion payloads', () => {
    const result = sampleResult();
    const analysis = contentAnalysisReport(result, { sbom: { bomFormat: 'CycloneDX' }, durationMs: 12.4 });
    expect(analysis.analyzers).toEqual(['apk', 'java-archive', 'npm', 'trivy']);
    expect(analysis.packages.map((pkg) => pkg.name)).toEqual([
      'busybox',
      'musl',
      'org.example/lib',
      '@scope/tool',
      'left-pad',
    ]);
    expect(analysis.durationMs).toBe(12);
    expect(analysis.layers?.map((layer) => layer.diffId)).toHaveLength(2);
    const scan = vulnerabilityScanReport(
      result,
      {
        reported: [finding('CVE-2024-0001', 'pkg:npm/left-pad@1.3.0', 'left-pad', '1.3.0')],
        suppressed: [
          {
            finding: finding('CVE-2024-0002', 'pkg:npm/left-pad@1.3.0', 'left-pad', '1.3.0'),
            source: 'vex',
            reason: 'x',
          },
          {
            finding: finding('CVE-2024-0003', 'pkg:npm/left-pad@1.3.0', 'left-pad', '1.3.0'),
            source: 'only-fixed',
            reason: 'y',
          },
        ],
      },
      {},
    );
    expect(scan.findings.map((entry) => [entry.id, entry.suppressed ?? false, entry.packageType])).toEqual([
      ['CVE-2024-0001', false, 'npm'],
      ['CVE-2024-0002', true, 'npm'],
      ['CVE-2024-0003', false, 'npm'],
    ]);
    expect(scan.findings[0]?.cvss).toEqual({
      v3: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', score: 7.5 },
    });
    expect(checkAgainstIngestSchemas(analysis, scan)).toEqual({ analysis: true, scan: true });
  });
});

describe('export', () => {
  it('finds the application by name, then posts the content analysis with the SBOM and the scan', async () => {
    const server = await fakeServer((request) =>
      request.url.startsWith('/api/applications?')
        ? { status: 200, body: { total: 1, items: [{ id: 'app-1' }] } }
        : request.url.startsWith('/api/applicationResources?')
          ? { status: 200, body: { total: 0, items: [] } }
          : { status: 201, body: {} },
    );
    const target = { server: server.url, token: 'lcn_t', application: { name: 'shop' }, createApplication: false };
    const summary = await exportScan(target, sampleResult(), { reported: [], suppressed: [] }, { tool });
    expect(summary).toEqual({
      applicationId: 'app-1',
      resource: { name: 'example.org/app:1.0', hash: `sha256:${'a'.repeat(64)}` },
      packages: 5,
      findings: 0,
      analysisSent: true,
    });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /api/applications?applicationName%5Bis%5D=shop&pageSize=1',
      `GET /api/applicationResources?resourceHash%5Bis%5D=sha256%3A${'a'.repeat(64)}&pageSize=1`,
      'POST /api/applications/contentAnalysis/app-1',
      'POST /api/applications/vulnerabilityScan/app-1',
    ]);
    expect(server.requests.every((request) => request.authorization === 'Bearer lcn_t')).toBe(true);
    const posted = server.requests[2]?.body as { sbom: { format: string; document: { bomFormat: string } } };
    expect(posted.sbom.format).toBe('cyclonedx-json');
    expect(posted.sbom.document.bomFormat).toBe('CycloneDX');
  });

  it('keeps a content analysis an earlier stage exported for the same image, and sends only the findings', async () => {
    const server = await fakeServer((request) =>
      request.url.startsWith('/api/applicationResources?')
        ? { status: 200, body: { total: 1, items: [{ id: 'res-1' }] } }
        : request.url === '/api/applicationResources/res-1'
          ? { status: 200, body: { lastAnalysisAt: '2025-01-01T00:00:00.000Z' } }
          : { status: 201, body: {} },
    );
    const target = { server: server.url, token: 't', application: { id: 'app-9' }, createApplication: false };
    const summary = await exportScan(target, sampleResult(), { reported: [], suppressed: [] }, { tool });
    expect(summary.analysisSent).toBe(false);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET /api/applicationResources?resourceHash%5Bis%5D=sha256%3A${'a'.repeat(64)}&pageSize=1`,
      'GET /api/applicationResources/res-1',
      'POST /api/applications/vulnerabilityScan/app-9',
    ]);
  });

  it('creates a missing application with --create-application, and refuses without it', async () => {
    const server = await fakeServer((request) =>
      request.method === 'GET'
        ? { status: 200, body: { total: 0, items: [] } }
        : request.url === '/api/applications'
          ? { status: 409, body: { code: 'E_CONFLICT', message: 'exists', application: { id: 'app-existing' } } }
          : { status: 200, body: {} },
    );
    const target = { server: server.url, token: 't', application: { name: 'shop' }, createApplication: true };
    expect((await exportContentAnalysis(target, sampleResult(), { tool })).applicationId).toBe('app-existing');
    expect(server.requests[1]?.body).toEqual({ name: 'shop', type: 'IMAGE', labels: [], environments: [] });
    await expect(
      exportContentAnalysis({ ...target, createApplication: false }, sampleResult(), { tool }),
    ).rejects.toThrow(
      expect.objectContaining({ code: 'E_EXPORT_FAILED', message: 'application "shop" does not exist on the server' }),
    );
  });
});

describe('ApiClient', () => {
  it('retries 503 and gives up on 401 with the server message and a hint', async () => {
    let calls = 0;
    const server = await fakeServer(() => {
      calls++;
      return calls === 1
        ? { status: 503, body: { code: 'E_DATABASE_UNAVAILABLE', message: 'busy' } }
        : { status: 401, body: { code: 'E_UNAUTHENTICATED', message: 'invalid or expired token' } };
    });
    const client = new ApiClient({ server: server.url, token: 'x', sleep: async () => undefined });
    await expect(client.call('GET', '/api/x')).rejects.toThrow(
      expect.objectContaining({
        code: 'E_EXPORT_FAILED',
        message: 'GET /api/x failed: invalid or expired token (E_UNAUTHENTICATED)',
        hint: 'check --token (or LUCENT_TOKEN)',
      }),
    );
    expect(calls).toBe(2);
    await client.close();
  });

  it('reports an unreachable server after its attempts', async () => {
    const client = new ApiClient({
      server: 'http://127.0.0.1:1',
      token: 'x',
      attempts: 2,
      sleep: async () => undefined,
    });
    await expect(client.call('GET', '/api/x')).rejects.toThrow(
      expect.objectContaining({ code: 'E_EXPORT_FAILED', message: expect.stringContaining('cannot reach') }),
    );
    expect(() => new ApiClient({ server: 'ftp://x', token: 'x' })).toThrow(
      expect.objectContaining({ code: 'E_USAGE' }),
    );
  });
});
