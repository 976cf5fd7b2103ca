/**
 * The REST API over HTTP, on SQLite and PostgreSQL: lists with KubeClarity's conventions, details and relations, the
 * dashboard, CSV equal to JSON for every list, the SBOM download, and application CRUD.
 */
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Harness, seedSample, startHarness } from './support/server-harness.ts';

/** Every list endpoint (the package-resources list needs a package id, added in the test). */
const LISTS = ['/api/applications', '/api/applicationResources', '/api/packages', '/api/vulnerabilities'];

describe.each(ENGINES)('API on %s', (engine) => {
  let harness: Harness;
  let ids: { shop: string; tools: string };
  const get = async (url: string) => {
    const response = await harness.app.inject({ url, headers: harness.as('viewer') });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  beforeAll(async () => {
    harness = await startHarness(engine);
    ids = await seedSample(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lists applications with counts, filters and sorting', async () => {
    const all = await get('/api/applications?sortKey=applicationName&sortDir=ASC');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(
      all.body.items.map((item: Record<string, unknown>) => [
        item.applicationName,
        item.applicationType,
        item.labels,
        item.environments,
        item.applicationResources,
        item.packages,
      ]),
    ).toEqual([
      ['shop', 'IMAGE', ['team=web'], ['prod'], 1, 5],
      ['tools', 'DIRECTORY', ['team=ops'], ['dev'], 1, 2],
    ]);
    const shop = all.body.items[0];
    expect(shop.id).toBe(ids.shop);
    expect(shop.vulnerabilities).toEqual([
      { severity: 'CRITICAL', count: 1 },
      { severity: 'HIGH', count: 1 },
      { severity: 'MEDIUM', count: 0 },
      { severity: 'LOW', count: 0 },
      { severity: 'NEGLIGIBLE', count: 0 },
      { severity: 'UNKNOWN', count: 0 },
    ]);
    const names = async (query: string) =>
      (await get(`/api/applications?${query}`)).body.items.map(
        (item: { applicationName: string }) => item.applicationName,
      );
    expect(await names('sortKey=applicationName&sortDir=DESC')).toEqual(['tools', 'shop']);
    expect(await names('applicationName[start]=SH')).toEqual(['shop']);
    expect(await names('applicationName[contains]=o&applicationName[contains]=l')).toEqual(['tools']);
    expect(await names('applicationType[is]=DIRECTORY')).toEqual(['tools']);
    expect(await names('applicationLabels[containElements]=team=web')).toEqual(['shop']);
    expect(await names('applicationEnvs[doesntContainElements]=prod')).toEqual(['tools']);
    expect(await names('vulnerabilitySeverity[gte]=CRITICAL')).toEqual(['shop']);
    expect(await names('packages[lte]=2')).toEqual(['tools']);
    expect(await names('sortKey=vulnerabilities&sortDir=DESC')).toEqual(['shop', 'tools']);
    expect(await names(`applicationResourceID=${(await resourceIdOf('./tools')) ?? ''}`)).toEqual(['tools']);
    const page = await get('/api/applications?sortKey=applicationName&page=2&pageSize=1');
    expect(page.body).toMatchObject({ total: 2, items: [{ applicationName: 'tools' }] });
  });

  async function resourceIdOf(name: string): Promise<string | undefined> {
    const list = await get(`/api/applicationResources?resourceName[is]=${encodeURIComponent(name)}`);
    return list.body.items[0]?.id;
  }

  it('lists resources, packages and vulnerabilities with their relations', async () => {
    const resources = await get('/api/applicationResources?sortKey=resourceName');
    expect(
      resources.body.items.map((item: Record<string, unknown>) => [
        item.resourceName,
        item.resourceType,
        item.packages,
        item.applications,
        item.reportingSBOMAnalyzers,
      ]),
    ).toEqual([
      ['./tools', 'DIRECTORY', 2, 1, ['npm']],
      ['example.org/app:1.0', 'IMAGE', 5, 1, ['apk', 'java-archive', 'npm', 'trivy']],
    ]);
    expect(resources.body.items[1].resourceHash).toBe(`sha256:${'a'.repeat(64)}`);
    const packages = await get('/api/packages?sortKey=packageName&pageSize=100');
    expect(
      packages.body.items.map((item: Record<string, unknown>) => [
        item.packageName,
        item.version,
        item.language,
        item.applications,
        item.applicationResources,
      ]),
    ).toEqual([
      ['@scope/tool', '0.1.0', 'javascript', 2, 2],
      ['busybox', '1.36.1-r15', '', 1, 1],
      ['left-pad', '1.3.0', 'javascript', 2, 2],
      ['musl', '1.2.4-r2', '', 1, 1],
      ['org.example/lib', '2.0.0', 'java', 1, 1],
    ]);
    const inShop = await get(`/api/packages?applicationID=${ids.shop}&language[is]=javascript`);
    expect(inShop.body.total).toBe(2);
    const vulnerabilities = await get('/api/vulnerabilities?sortKey=severity&sortDir=DESC');
    expect(
      vulnerabilities.body.items.map((item: Record<string, unknown>) => [
        item.vulnerabilityName,
        item.packageName,
        item.packageVersion,
        item.severity,
        item.fixVersion,
        item.applications,
        item.applicationResources,
        item.reportingScanners,
        item.source,
      ]),
    ).toEqual([
      ['CVE-2024-0002', 'busybox', '1.36.1-r15', 'CRITICAL', '', 1, 1, ['lucent'], 'CICD'],
      ['CVE-2024-0001', 'left-pad', '1.3.0', 'HIGH', '1.3.1', 2, 2, ['lucent'], 'CICD'],
    ]);
    const fixable = await get('/api/vulnerabilities?hasFixVersion[is]=true');
    expect(fixable.body.items.map((item: { vulnerabilityName: string }) => item.vulnerabilityName)).toEqual([
      'CVE-2024-0001',
    ]);
    const inTools = await get(`/api/vulnerabilities?applicationID=${ids.tools}`);
    expect(inTools.body.total).toBe(1);
    const leftPad = vulnerabilities.body.items[1];
    const holders = await get(`/api/packages/${leftPad.packageID}/applicationResources?sortKey=resourceName`);
    expect(holders.body.items.map((item: { resourceName: string }) => item.resourceName)).toEqual([
      './tools',
      'example.org/app:1.0',
    ]);
  });

  it('shows details: application with licenses, resource, package, and a vulnerability with its CVSS breakdown', async () => {
    const application = await get(`/api/applications/${ids.tools}`);
    expect(application.body.licenses).toEqual(['MIT OR Apache-2.0', 'WTFPL']);
    const vulnerability = (await get('/api/vulnerabilities?vulnerabilityName[is]=CVE-2024-0001')).body.items[0];
    const detail = await get(`/api/vulnerabilities/${vulnerability.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.vulnerability.severity).toBe('HIGH');
    expect(detail.body.cvss.cvssV3Metrics).toEqual({
      severity: 'CRITICAL',
      baseScore: 9.8,
      exploitabilityScore: 3.9,
      impactScore: 5.9,
    });
    expect(detail.body.cvss.cvssV3Vector).toMatchObject({ attackVector: 'NETWORK', attackComplexity: 'LOW' });
    expect(detail.body.findings.map((finding: { severity: string }) => finding.severity)).toEqual(['HIGH', 'MEDIUM']);
    expect((await get(`/api/packages/${vulnerability.packageID}`)).body.packageName).toBe('left-pad');
    expect((await get('/api/applications/no-such-id')).status).toBe(404);
    expect((await get('/api/vulnerabilities/x/y')).body).toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('answers the dashboard', async () => {
    expect((await get('/api/dashboard/counters')).body).toEqual({ applications: 2, resources: 2, packages: 5 });
    expect((await get('/api/dashboard/vulnerabilitiesWithFix')).body.slice(0, 2)).toEqual([
      { severity: 'CRITICAL', countWithFix: 0, countTotal: 1 },
      { severity: 'HIGH', countWithFix: 1, countTotal: 1 },
    ]);
    expect((await get('/api/dashboard/packagesPerLanguage')).body).toEqual([
      { language: 'javascript', count: 2 },
      { language: 'java', count: 1 },
    ]);
    const top = (await get('/api/dashboard/mostVulnerable')).body;
    expect(top.applications.map((item: { applicationName: string }) => item.applicationName)).toEqual([
      'shop',
      'tools',
    ]);
    const now = Date.now();
    const trend = await get(
      `/api/dashboard/trends/vulnerabilities?startTime=${new Date(now - 3_600_000).toISOString()}&endTime=${new Date(now + 60_000).toISOString()}&points=1`,
    );
    expect(trend.body).toHaveLength(1);
    expect(trend.body[0].numOfVuls.slice(0, 2)).toEqual([
      { severity: 'CRITICAL', count: 1 },
      { severity: 'HIGH', count: 1 },
    ]);
    expect((await get('/api/dashboard/trends/vulnerabilities?startTime=x&endTime=y')).status).toBe(400);
  });

  it('gives every list as CSV with the same rows as JSON', async () => {
    const leftPad = (await get('/api/packages?packageName[is]=left-pad')).body.items[0].id;
    for (const list of [...LISTS, `/api/packages/${leftPad}/applicationResources`]) {
      const query = 'page=1&pageSize=100';
      const json = await get(`${list}?${query}`);
      const byParameter = await harness.app.inject({
        url: `${list}?${query}&format=csv`,
        headers: harness.as('viewer'),
      });
      const byAccept = await harness.app.inject({
        url: `${list}?${query}`,
        headers: { ...harness.as('viewer'), accept: 'text/csv' },
      });
      const whole = await harness.app.inject({ url: `${list}?format=csv`, headers: harness.as('viewer') });
      expect(byParameter.statusCode).toBe(200);
      expect(byParameter.headers['content-type']).toMatch(/^text\/csv/);
      expect(byAccept.body).toBe(byParameter.body);
      expect(whole.body).toBe(byParameter.body);
      const [header, ...rows] = parseCsv(byParameter.body);
      expect(rows).toHaveLength(json.body.items.length);
      expect(rows.length).toBeGreaterThan(0);
      rows.forEach((row, index) => {
        const item = json.body.items[index];
        header?.forEach((column, position) => {
          expect(row[position], `${list} row ${index} ${column}`).toBe(expectedCell(item, column));
        });
      });
    }
  });

  it('writes text that looks like a formula as text in CSV', async () => {
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { name: '=HYPERLINK("http://x","y")', type: 'POD', labels: ['+a=1', '@b=2'] },
      headers: harness.as('writer'),
    });
    expect(created.statusCode).toBe(201);
    const csv = await harness.app.inject({
      url: '/api/applications?format=csv&applicationType[is]=POD',
      headers: harness.as('viewer'),
    });
    const row = csv.body.split('\r\n')[1];
    expect(row).toBe(`${created.json().id},"'=HYPERLINK(""http://x"",""y"")",POD,'+a=1|@b=2,,0,0,0,0,0,0,0,0`);
    await harness.app.inject({
      method: 'DELETE',
      url: `/api/applications/${created.json().id}`,
      headers: harness.as('admin'),
    });
  });

  it('downloads the SBOM as CycloneDX (valid against the 1.6 schema) and as SPDX', async () => {
    const id = (await get('/api/applicationResources?resourceType[is]=IMAGE')).body.items[0].id;
    const cdx = await harness.app.inject({
      url: `/api/applicationResources/${id}/sbom`,
      headers: harness.as('viewer'),
    });
    expect(cdx.statusCode).toBe(200);
    expect(cdx.headers['content-type']).toBe('application/vnd.cyclonedx+json; charset=utf-8');
    expect(await new JsonStrictValidator(Version.v1dot6).validate(cdx.body)).toBeNull();
    expect(JSON.parse(cdx.body).components).toHaveLength(6);
    const spdx = await harness.app.inject({
      url: `/api/applicationResources/${id}/sbom?format=spdx-json`,
      headers: harness.as('viewer'),
    });
    const document = JSON.parse(spdx.body);
    expect(document.spdxVersion).toBe('SPDX-2.3');
    expect(document.packages.map((pkg: { name: string }) => pkg.name)).toEqual(
      expect.arrayContaining(['busybox', 'musl', 'left-pad']),
    );
    const bad = await get(`/api/applicationResources/${id}/sbom?format=xml`);
    expect(bad).toMatchObject({ status: 400, body: { code: 'E_INVALID_REQUEST' } });
  });

  it('creates, replaces and deletes applications', async () => {
    const writer = harness.as('writer');
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { name: 'temp', type: 'LAMBDA' },
      headers: writer,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const duplicate = await harness.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { name: 'temp', type: 'POD' },
      headers: writer,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'E_CONFLICT', application: { id, type: 'LAMBDA' } });
    const badLabel = await harness.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: { name: 'x', type: 'POD', labels: ['novalue'] },
      headers: writer,
    });
    expect(badLabel.statusCode).toBe(400);
    const replaced = await harness.app.inject({
      method: 'PUT',
      url: `/api/applications/${id}`,
      payload: { name: 'temp2', type: 'POD', labels: ['a=b'] },
      headers: writer,
    });
    expect(replaced.json()).toEqual({ id, name: 'temp2', type: 'POD', labels: ['a=b'], environments: [] });
    const writerDelete = await harness.app.inject({
      method: 'DELETE',
      url: `/api/applications/${id}`,
      headers: writer,
    });
    expect(writerDelete.statusCode).toBe(403);
    const deleted = await harness.app.inject({
      method: 'DELETE',
      url: `/api/applications/${id}`,
      headers: harness.as('admin'),
    });
    expect(deleted.statusCode).toBe(204);
    expect((await get(`/api/applications/${id}`)).status).toBe(404);
  });

  it('reads anonymously only with --allow-anonymous-read, and never writes anonymously', async () => {
    expect((await harness.app.inject({ url: '/api/applications' })).statusCode).toBe(401);
    const open = await startHarness(engine, { allowAnonymousRead: true });
    try {
      expect((await open.app.inject({ url: '/api/applications' })).json()).toEqual({ total: 0, items: [] });
      const write = await open.app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { name: 'a', type: 'POD' },
      });
      expect(write.statusCode).toBe(401);
      expect((await open.app.inject({ url: '/api/auth/tokens' })).statusCode).toBe(401);
    } finally {
      await open.close();
    }
  });
});

/** The CSV text of a JSON item's field, as the CSV encoder writes it (independently restated here). */
function expectedCell(item: Record<string, unknown>, column: string): string {
  const [field, level] = column.split('.');
  const value = item[field ?? ''];
  if (level !== undefined) {
    return String((value as { severity: string; count: number }[]).find((entry) => entry.severity === level)?.count);
  }
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('|') : String(value);
  return /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
}

/** A small RFC 4180 parser: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  return records;
}
