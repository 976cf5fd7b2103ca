import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { kevImporter } from './index.ts';

function fixture(name: string): Uint8Array {
  const bytes = readFileSync(new URL(`__fixtures__/${name}`, import.meta.url));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

const catalogBytes = fixture('known_exploited_vulnerabilities.json.gz');

function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

describe('KEV catalog 2025.08.25 (real file)', () => {
  const batch = kevImporter.parse('known_exploited_vulnerabilities.json', catalogBytes);

  it('is valid against the official schema, so the zod view is checked on data the schema accepts', () => {
    const ajv = new Ajv({ strict: false });
    // ajv-formats is CommonJS: its plugin is the `default` of the module object under Node's ESM interop.
    ajvFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(new TextDecoder().decode(fixture('known_exploited_vulnerabilities_schema.json'))),
    );
    const catalog = JSON.parse(new TextDecoder().decode(catalogBytes));
    expect(validate(catalog)).toBe(true);
    // …and the schema's formats are enforced, so the line above can fail.
    catalog.vulnerabilities[0].dateAdded = 'yesterday';
    expect(validate(catalog)).toBe(false);
  });

  it('reads every entry, timestamped with dateReleased', () => {
    expect(batch.problems).toEqual([]);
    expect(batch.feedTimestamp).toBe('2025-08-25T17:04:19.9796Z');
    expect(batch.kev).toHaveLength(1404);
    expect(new Set(batch.kev?.map((entry) => entry.cveId)).size).toBe(1404);
    expect(batch.kev?.filter((entry) => entry.knownRansomwareCampaignUse === 'Known')).toHaveLength(293);
  });

  it('keeps the fields Lucent uses', () => {
    expect(batch.kev?.[0]).toEqual({
      cveId: 'CVE-2025-48384',
      vendorProject: 'Git',
      product: 'Git',
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
      knownRansomwareCampaignUse: 'Unknown',
    });
    expect(batch.kev?.find((entry) => entry.cveId === 'CVE-2021-44228')).toEqual({
      cveId: 'CVE-2021-44228',
      vendorProject: 'Apache',
      product: 'Log4j2',
      dateAdded: '2021-12-10',
      dueDate: '2021-12-24',
      knownRansomwareCampaignUse: 'Known',
    });
  });
});

describe('bad input', () => {
  const good = {
    cveID: 'CVE-2021-44228',
    vendorProject: 'Apache',
    product: 'Log4j2',
    vulnerabilityName: 'Apache Log4j2 Remote Code Execution Vulnerability',
    dateAdded: '2021-12-10',
    shortDescription: 'JNDI lookups',
    requiredAction: 'Apply updates.',
    dueDate: '2021-12-24',
  };
  const envelope = { catalogVersion: '2025.08.25', dateReleased: '2025-08-25T17:04:19.9796Z' };

  it('skips a malformed entry and keeps the rest', () => {
    const batch = kevImporter.parse(
      'kev.json',
      encode({ ...envelope, count: 2, vulnerabilities: [{ ...good, cveID: 'CVE-21-1' }, good] }),
    );
    expect(batch.kev?.map((entry) => entry.cveId)).toEqual(['CVE-2021-44228']);
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(/^vulnerabilities\[0\]: .*cveID/s);
  });

  it('reports a count that disagrees with the list', () => {
    const batch = kevImporter.parse('kev.json', encode({ ...envelope, count: 3, vulnerabilities: [good] }));
    expect(batch.kev).toHaveLength(1);
    expect(batch.problems).toEqual(['count says 3 but the catalog lists 1']);
  });

  it('reports a document that is not a catalog', () => {
    const batch = kevImporter.parse('kev.json', encode({ vulnerabilities: [] }));
    expect(batch.kev).toEqual([]);
    expect(batch.problems[0]).toMatch(/^not a KEV catalog: .*catalogVersion/s);
  });
});

describe('detect', () => {
  it.each([
    [
      'known_exploited_vulnerabilities.json',
      '{\n    "title": "CISA Catalog",\n    "catalogVersion": "2025.08.25",',
      true,
    ],
    ['known_exploited_vulnerabilities_schema.json', '{"properties": {"catalogVersion": {"type": "string"}', false],
    ['GHSA-1.json', '{"id":"GHSA-1","modified":"2024-01-01T00:00:00Z"}', false],
    ['kev.csv', 'cveID,vendorProject,product', false],
  ])('%s', (name, head, expected) => {
    expect(kevImporter.detect(name, head)).toBe(expected);
  });
});
