import { describe, expect, it } from 'vitest';
import type { IngestFinding } from './ingest-schema.ts';
import { mergeWithStored } from './rematch-report.ts';

const PURL = 'pkg:npm/lodash@4.17.20';

function finding(id: string, scanners: string[], extra: Partial<IngestFinding> = {}): IngestFinding {
  return {
    id,
    packagePurl: PURL,
    packageName: 'lodash',
    installedVersion: '4.17.20',
    packageType: 'npm',
    scanners,
    ...extra,
  };
}

describe('re-matched findings merged with the stored ones', () => {
  it.each([
    {
      name: 'a built-in finding the new data no longer gives is dropped',
      matched: [],
      stored: [finding('CVE-1', ['lucent'])],
      expected: [],
    },
    {
      name: 'a finding only an external scanner reported is kept as stored',
      matched: [],
      stored: [finding('CVE-2', ['grype'], { fixedVersions: ['4.17.21'] })],
      expected: [finding('CVE-2', ['grype'], { fixedVersions: ['4.17.21'] })],
    },
    {
      name: 'a finding both reported keeps the external scanner, without the built-in one when it is gone',
      matched: [],
      stored: [finding('CVE-3', ['grype', 'lucent'])],
      expected: [finding('CVE-3', ['grype'])],
    },
    {
      name: 'a finding both report takes the new attributes and every scanner',
      matched: [finding('CVE-4', ['lucent'], { fixedVersions: ['4.17.21'] })],
      stored: [finding('CVE-4', ['grype', 'lucent'], { fixedVersions: [] })],
      expected: [finding('CVE-4', ['grype', 'lucent'], { fixedVersions: ['4.17.21'] })],
    },
    {
      name: 'a suppressed finding stays suppressed',
      matched: [finding('CVE-5', ['lucent'])],
      stored: [finding('CVE-5', ['lucent'], { suppressed: true })],
      expected: [finding('CVE-5', ['lucent'], { suppressed: true })],
    },
    {
      name: 'a new finding is added',
      matched: [finding('CVE-6', ['lucent'])],
      stored: [],
      expected: [finding('CVE-6', ['lucent'])],
    },
  ])('$name', ({ matched, stored, expected }) => {
    expect(mergeWithStored(matched, stored)).toEqual(expected);
  });
});
