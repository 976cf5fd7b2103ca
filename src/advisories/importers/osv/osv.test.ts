import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { osvImporter } from './index.ts';

const fixtures = fileURLToPath(new URL('__fixtures__/', import.meta.url));
const encode = (text: string) => new TextEncoder().encode(text);

function parseFixture(name: string) {
  return osvImporter.parse(name, readFileSync(join(fixtures, name)));
}

describe('osvImporter.parse', () => {
  it.each([
    ['GO-2020-0001.json', 'Go', 'github.com/gin-gonic/gin', ['CVE-2020-36567', 'GHSA-6vm3-jj99-7229']],
    ['GO-2024-3078.json', 'Go', 'github.com/lf-edge/ekuiper', ['CVE-2024-43406', 'GHSA-r5ph-4jxm-6j9p']],
    ['PYSEC-2024-72.json', 'PyPI', 'ekuiper', ['CVE-2024-43406', 'GHSA-r5ph-4jxm-6j9p']],
    ['PYSEC-2020-341.json', 'PyPI', 'jw.util', ['CVE-2020-13388', 'GHSA-h72c-w3q3-55qq']],
    ['PYSEC-2022-48.json', 'PyPI', 'protobuf', ['CVE-2021-22570', 'GHSA-77rm-9x9h-xj3g']],
    ['GHSA-2268-98wh-qfhf.json', 'Maven', 'org.jline:jline-parent', ['CVE-2023-50572']],
    [
      'RUSTSEC-2021-0132.json',
      'crates.io',
      'compu-brotli-sys',
      ['CVE-2020-36846', 'CVE-2020-8927', 'GHSA-5v8v-66v8-mwm7'],
    ],
    ['GO-2025-3726.yaml', 'Go', 'github.com/google/brotli', ['CVE-2020-36846']],
  ])('%s: one record for %s %s with its aliases', (file, ecosystem, name, aliases) => {
    const batch = parseFixture(file);
    expect(batch.problems).toEqual([]);
    expect(batch.feed).toBe('osv');
    expect(batch.records).toHaveLength(1);
    const [record] = batch.records ?? [];
    expect(record?.id).toBe(file.replace(/\.(json|yaml)$/, ''));
    expect(record?.affected?.[0]?.package).toMatchObject({ ecosystem, name });
    expect(record?.aliases).toEqual(aliases);
  });

  it('reads a record with five affected ecosystems', () => {
    const [record] = parseFixture('GHSA-77rm-9x9h-xj3g.json').records ?? [];
    expect(record?.affected?.map((affected) => affected.package?.ecosystem)).toEqual([
      'NuGet',
      'Packagist',
      'Maven',
      'Go',
      'PyPI',
    ]);
  });

  it('keeps withdrawn records, with their withdrawal date', () => {
    expect(parseFixture('GO-2024-2730.json').records?.[0]?.withdrawn).toBe('2024-04-17T18:06:23Z');
    expect(parseFixture('RUSTSEC-2020-0053.json').records?.[0]?.withdrawn).toBe('2021-04-19T12:00:00Z');
  });

  it('reads YAML timestamps as the strings OSV has, equal to the JSON original', () => {
    const [record] = parseFixture('GO-2025-3726.yaml').records ?? [];
    expect(record?.modified).toBe('0001-01-01T00:00:00Z');
    expect(record?.affected?.[0]?.ranges?.[0]?.events).toEqual([{ introduced: '0' }]);
  });

  it('reads every fixture without a problem', () => {
    const names = readdirSync(fixtures);
    expect(names).toHaveLength(11);
    for (const name of names) expect(parseFixture(name).problems, name).toEqual([]);
  });

  it.each([
    ['broken.json', '{"id": "X-1", "modified": ', /^not valid JSON: /],
    ['broken.yaml', 'id: [unclosed\nmodified: x', /^not valid YAML: /],
    ['no-modified.json', '{"id": "X-2", "affected": []}', /^record X-2 is not valid OSV: modified: /],
    ['wrong-type.json', '{"id": "X-3", "modified": "2024-01-01T00:00:00Z", "aliases": "CVE-1"}', /aliases: /],
    ['not-osv.json', '"just a string"', /^not an OSV record: \(root\): /],
    ['latin1.json', '{"id": "X-4", "summary": "caf\xe9"}', /not valid JSON: /],
  ])('%s becomes a problem, not a crash', (name, text, problem) => {
    const content = name === 'latin1.json' ? Uint8Array.from(text, (char) => char.charCodeAt(0)) : encode(text);
    const batch = osvImporter.parse(name, content);
    expect(batch.records).toEqual([]);
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatch(problem);
  });

  it('reads a JSON array of records, keeping the valid ones', () => {
    const text = JSON.stringify([
      { id: 'X-1', modified: '2024-01-01T00:00:00Z' },
      { modified: '2024-01-01T00:00:00Z' },
      { id: 'X-3', modified: '2024-01-02T00:00:00Z' },
    ]);
    const batch = osvImporter.parse('list.json', encode(text));
    expect(batch.records?.map((record) => record.id)).toEqual(['X-1', 'X-3']);
    expect(batch.problems).toEqual([expect.stringMatching(/^record #2 is not valid OSV: id: /)]);
  });
});

describe('osvImporter.detect', () => {
  it.each([
    ['GO-2020-0001.json', '{\n  "schema_version": "1.3.1",\n  "id": "GO-2020-0001"', true],
    ['X.json', '{"id": "X-1", "modified": "2024-01-01T00:00:00Z"}', true],
    ['X.json', '{"affected": [], "id": "X-1"}', true],
    ['X.yaml', 'schema_version: 1.6.0\nid: X-1\n', true],
    ['X.yml', 'id: X-1\nmodified: 2024-01-01T00:00:00Z\n', true],
    ['GHSA-g3wg-6mcf-8jj6.json', '{\n  "affected": [\n    {\n      "database_specific": {', true],
    ['X.yaml', '# sorted keys\naffected:\n  - package:\n', true],
    ['X.txt', '{"schema_version": "1.3.1"}', false],
    ['X.json', '{"affected": true}', false],
    ['X.json', '{"id": "X-1", "name": "not a record"}', false],
    ['known_exploited_vulnerabilities.json', '{"title": "CISA KEV", "vulnerabilities": [{"cveID": "CVE-1"}]}', false],
    ['3.11-main.yaml', 'apkurl: x\narchs:\n  - x86_64\npackages:\n  - pkg:\n      name: musl\n', false],
    ['epss.csv', 'cve,epss,percentile\n', false],
  ])('%s %j → %s', (name, head, expected) => {
    expect(osvImporter.detect(name, head)).toBe(expected);
  });
});
