/**
 * Sorting by `vulnerabilities` on SQLite and PostgreSQL: the counts from CRITICAL down to UNKNOWN, so an application,
 * resource or package with only unknown-severity findings sorts above one with none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type Harness, startHarness } from './support/server-harness.ts';

/** Three applications, one resource and one package each: a LOW finding, an UNKNOWN finding, none. */
const CASES = [
  { name: 'low', level: 'LOW' },
  { name: 'unknown', level: 'UNKNOWN' },
  { name: 'clean', level: undefined },
] as const;

describe.each(ENGINES)('sorting by vulnerabilities on %s', (engine) => {
  let harness: Harness;
  const names = async (path: string, field: string) => {
    const response = await harness.app.inject({ url: path, headers: harness.as('viewer') });
    expect(response.statusCode).toBe(200);
    return (response.json().items as Record<string, string>[]).map((item) => item[field]);
  };

  beforeAll(async () => {
    harness = await startHarness(engine);
    const writer = harness.as('writer');
    for (const { name, level } of CASES) {
      const created = await harness.app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { name, type: 'IMAGE' },
        headers: writer,
      });
      expect(created.statusCode).toBe(201);
      const pkg = { purl: `pkg:npm/${name}-pkg@1.0.0`, name: `${name}-pkg`, version: '1.0.0', type: 'npm' };
      const findings = level
        ? [
            {
              id: `CVE-2025-${name}`,
              packagePurl: pkg.purl,
              packageName: pkg.name,
              installedVersion: pkg.version,
              severity: { level },
            },
          ]
        : [];
      const stored = await harness.app.inject({
        method: 'POST',
        url: `/api/applications/vulnerabilityScan/${created.json().id}`,
        payload: { resource: { name, hash: `sha256:${name}`, type: 'IMAGE' }, packages: [pkg], findings },
        headers: writer,
      });
      expect(stored.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await harness?.close();
  });

  it.each([
    ['/api/applications', 'applicationName', ''],
    ['/api/applicationResources', 'resourceName', ''],
    ['/api/packages', 'packageName', '-pkg'],
  ])('%s counts unknown-severity findings', async (path, field, suffix) => {
    const expected = CASES.map((c) => `${c.name}${suffix}`);
    expect(await names(`${path}?sortKey=vulnerabilities&sortDir=DESC`, field)).toEqual(expected);
    expect(await names(`${path}?sortKey=vulnerabilities&sortDir=ASC`, field)).toEqual([...expected].reverse());
  });
});
