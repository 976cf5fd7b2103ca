/**
 * KubeClarity's ingestion bodies (`{resources: […]}`, its ApplicationContentAnalysis and ApplicationVulnerabilityScan)
 * on SQLite and PostgreSQL, next to Lucent's own: each resource is stored, all in one transaction, and reads back
 * through the same lists as a Lucent report would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceId } from '../src/server/store/ids.ts';
import { ENGINES, type Harness, startHarness } from './support/server-harness.ts';

const IMAGE = {
  resourceHash: `sha256:${'c'.repeat(64)}`,
  resourceName: 'registry.example/kc:1',
  resourceType: 'IMAGE',
};
const DIR = { resourceHash: `sha256:${'d'.repeat(64)}`, resourceName: './kc-dir', resourceType: 'DIRECTORY' };
const LODASH = { name: 'lodash', version: '4.17.20', language: 'javascript', license: 'MIT' };
const LEFT_PAD = { name: 'left-pad', version: '1.3.0', language: 'javascript', license: 'WTFPL' };

const CONTENT_ANALYSIS = {
  resources: [
    {
      resource: IMAGE,
      packages: [
        { package: LODASH, analyzers: ['syft', 'cyclonedx-gomod'] },
        { package: LEFT_PAD, analyzers: ['syft'] },
      ],
    },
    { resource: DIR, packages: [{ package: LEFT_PAD, analyzers: ['syft'] }] },
  ],
};

const VULNERABILITY_SCAN = {
  resources: [
    {
      resource: IMAGE,
      packageVulnerabilities: [
        {
          package: LODASH,
          vulnerabilityName: 'CVE-2021-23337',
          severity: 'HIGH',
          fixVersion: '4.17.21',
          description: 'Command injection in lodash',
          links: ['https://nvd.nist.gov/vuln/detail/CVE-2021-23337'],
          cvss: {
            cvssV3Metrics: { baseScore: 7.2, exploitabilityScore: 1.2, impactScore: 5.9 },
            cvssV3Vector: { vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', attackVector: 'NETWORK' },
          },
          scanners: ['grype', 'trivy'],
          layerID: 'sha256:layer1',
        },
      ],
      resourceLayerCommands: [
        { layer: 'sha256:layer1', command: 'ADD rootfs.tar /' },
        { layer: 'sha256:layer2', command: 'RUN npm ci' },
      ],
      // dockle's levels: 1 WARN, 3 PASS (not a finding).
      cisDockerBenchmarkResults: [
        { code: 'CIS-DI-0001', level: 1, assessments: [{ desc: 'Last user should not be root', filename: '' }] },
        { code: 'CIS-DI-0005', level: 3, assessments: [] },
      ],
    },
  ],
};

describe.each(ENGINES)('KubeClarity ingestion bodies on %s', (engine) => {
  let harness: Harness;
  let applicationId: string;
  const request = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await harness.app.inject({
      method,
      url,
      headers: harness.as(method === 'GET' ? 'viewer' : 'writer'),
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    harness = await startHarness(engine);
    applicationId = (await request('POST', '/api/applications', { name: 'kc', type: 'POD' })).body.id;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('stores a content analysis of several resources', async () => {
    const stored = await request('POST', `/api/applications/contentAnalysis/${applicationId}`, CONTENT_ANALYSIS);
    expect(stored.status).toBe(201);
    expect(
      stored.body.resources.map((r: { resourceId: string; packages: number }) => [r.resourceId, r.packages]),
    ).toEqual([
      [resourceId(IMAGE.resourceHash), 2],
      [resourceId(DIR.resourceHash), 1],
    ]);
    const resources = await request('GET', '/api/applicationResources?sortKey=resourceName');
    expect(
      resources.body.items.map((item: Record<string, unknown>) => [
        item.resourceName,
        item.resourceType,
        item.packages,
        item.reportingSBOMAnalyzers,
      ]),
    ).toEqual([
      ['./kc-dir', 'DIRECTORY', 1, ['syft']],
      ['registry.example/kc:1', 'IMAGE', 2, ['cyclonedx-gomod', 'syft']],
    ]);
    const packages = await request('GET', '/api/packages?sortKey=packageName');
    expect(
      packages.body.items.map((item: Record<string, unknown>) => [
        item.packageName,
        item.version,
        item.language,
        item.license,
        item.applicationResources,
      ]),
    ).toEqual([
      ['left-pad', '1.3.0', 'javascript', 'WTFPL', 2],
      ['lodash', '4.17.20', 'javascript', 'MIT', 1],
    ]);
  });

  it('stores a vulnerability scan with layers and CIS results, and stores it once when sent twice', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = await request('POST', `/api/applications/vulnerabilityScan/${applicationId}`, VULNERABILITY_SCAN);
      expect(stored.status).toBe(201);
      expect(stored.body.resources).toHaveLength(1);
      expect(stored.body.resources[0]).toMatchObject({ findings: 1, removedFindings: 0 });
    }
    const vulnerabilities = await request('GET', '/api/vulnerabilities');
    expect(vulnerabilities.body.total).toBe(1);
    expect(vulnerabilities.body.items[0]).toMatchObject({
      vulnerabilityName: 'CVE-2021-23337',
      packageName: 'lodash',
      packageVersion: '4.17.20',
      severity: 'HIGH',
      cvssBaseScore: 7.2,
      fixVersion: '4.17.21',
      reportingScanners: ['grype', 'trivy'],
      source: 'CICD',
    });
    const id = resourceId(IMAGE.resourceHash);
    const layers = await request('GET', `/api/applicationResources/${id}/layers`);
    expect(layers.body.map((layer: { diffId: string; createdBy: string }) => [layer.diffId, layer.createdBy])).toEqual([
      ['sha256:layer1', 'ADD rootfs.tar /'],
      ['sha256:layer2', 'RUN npm ci'],
    ]);
    const cis = await request('GET', `/api/cisdockerbenchmarkresults/${id}`);
    expect(cis.body).toMatchObject({ total: 1, items: [{ code: 'CIS-DI-0001', level: 'WARN' }] });
    // The scan kept the package set of the content analysis.
    expect((await request('GET', `/api/packages?applicationResourceID=${id}`)).body.total).toBe(2);
  });

  it('names what is wrong in an invalid body of either shape, and stores nothing for an unknown application', async () => {
    const invalid = await request('POST', `/api/applications/contentAnalysis/${applicationId}`, {
      resources: [{ resource: { resourceName: 'no hash', resourceType: 'IMAGE' } }],
    });
    expect(invalid.status).toBe(400);
    // The issues are those of the body's own shape, not "matches neither shape".
    expect(invalid.body).toMatchObject({
      code: 'E_INVALID_REQUEST',
      issues: [{ path: 'body.resources.0.resource.resourceHash' }],
    });
    const ours = await request('POST', `/api/applications/contentAnalysis/${applicationId}`, {
      resource: { name: 'x', hash: 'sha256:x', type: 'NOPE' },
      packages: [],
    });
    expect(ours.body).toMatchObject({ code: 'E_INVALID_REQUEST', issues: [{ path: 'body.resource.type' }] });
    const missing = await request('POST', '/api/applications/contentAnalysis/00000000-0000-0000-0000-000000000000', {
      resources: [{ resource: { ...IMAGE, resourceHash: `sha256:${'e'.repeat(64)}` }, packages: [] }],
    });
    expect(missing.status).toBe(404);
    expect((await request('GET', '/api/applicationResources')).body.total).toBe(2);
  });
});
