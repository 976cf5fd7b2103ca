/**
 * The SARIF output is validated against the SARIF 2.1.0 JSON schema that `@microsoft/jest-sarif` ships
 * (`sarif-2.1.0-rtm.5.json`, the committee's schema of the 2.1.0 release, draft-04, hence `ajv-draft-04`): no npm
 * package ships the OASIS copy named `sarif-schema-2.1.0.json`.
 */
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../testing/golden.ts';
import { sampleScan } from '../../testing/sample-scan.ts';
import { encodeSarif } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const require = createRequire(import.meta.url);
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is not a valid /u regex.
// Both are CommonJS: the class and the plugin are the `default` of the module object under Node's ESM interop.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);
const log = () => JSON.parse(encodeSarif(sampleScan()));

describe('SARIF report', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.sarif.json'), encodeSarif(sampleScan()));
  });

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    expect(validate(log()) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['a wrong level', (doc: SarifDoc) => Object.assign(doc.runs[0].results[0], { level: 'critical' })],
    ['a missing message', (doc: SarifDoc) => delete (doc.runs[0].results[0] as { message?: unknown }).message],
    ['an unknown top-level field', (doc: SarifDoc) => Object.assign(doc, { extra: true })],
  ])('is caught by the schema with %s (the check is live)', (_name, breakIt) => {
    const doc = log();
    breakIt(doc);
    expect(validate(doc)).toBe(false);
  });

  it('writes one rule per vulnerability id, with its OSV page and GitHub security-severity', () => {
    const { rules } = log().runs[0].tool.driver;
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([
      'CVE-2020-27350',
      'CVE-2021-3156',
      'CVE-2021-33574',
      'CVE-2022-1271',
      'CVE-2022-1664',
      'CVE-2022-48303',
      'CVE-2023-4911',
    ]);
    const critical = rules[2];
    expect(critical).toMatchObject({
      shortDescription: { text: 'CVE-2021-33574: glibc - security update' },
      helpUri: 'https://osv.dev/vulnerability/CVE-2021-33574',
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '9.8', severity: 'CRITICAL', tags: ['security', 'vulnerability', 'critical'] },
    });
    // No score: a score inside the level's GitHub band; no level: none at all.
    expect(rules[4].properties['security-severity']).toBe('5.5');
    expect(rules[5].properties).not.toHaveProperty('security-severity');
  });

  it('writes one result per finding, with its level, the package file and the purl', () => {
    const { results, tool } = log().runs[0];
    expect(results.map((result: { ruleId: string; level: string }) => `${result.ruleId} ${result.level}`)).toEqual([
      'CVE-2021-33574 error',
      'CVE-2022-1271 error',
      'CVE-2021-3156 error',
      'CVE-2020-27350 warning',
      'CVE-2022-1664 warning',
      'CVE-2022-48303 note',
      'CVE-2023-4911 error',
    ]);
    const [first] = results;
    expect(tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.message.text).toBe(
      'libc6 2.28-10 is affected by CVE-2021-33574 (CRITICAL); fixed in 2.28-10+deb10u2.',
    );
    expect(first.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'var/lib/dpkg/status' }, region: { startLine: 1 } },
        logicalLocations: [
          {
            fullyQualifiedName: 'pkg:deb/debian/libc6@2.28-10?arch=amd64&distro=debian-10',
            name: 'libc6',
            kind: 'module',
          },
        ],
      },
    ]);
    expect(results[2].message.text).toContain('It is in CISA KEV.');
    expect(results[5].message.text).toContain('no fixed version is known');
  });

  it('marks suppressed findings with an external suppression and its reason', () => {
    const { results } = log().runs[0];
    expect(results.filter((result: { suppressions?: unknown }) => result.suppressions)).toEqual([
      expect.objectContaining({
        ruleId: 'CVE-2023-4911',
        suppressions: [
          {
            kind: 'external',
            status: 'accepted',
            justification: 'the vulnerable code was introduced in glibc 2.34',
            properties: {
              source: 'vex',
              origin: 'vex.openvex.json statements[0]',
              vexStatus: 'not_affected',
              vexJustification: 'vulnerable_code_not_present',
            },
          },
        ],
      }),
    ]);
  });
});

interface SarifDoc {
  runs: [{ results: [Record<string, unknown>] }];
}
