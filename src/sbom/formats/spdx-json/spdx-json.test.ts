import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SbomFormatError } from '../../decoded-sbom.ts';
import { expectGolden } from '../../testing/golden.ts';
import { sampleInput, sampleResult } from '../../testing/sample-result.ts';
import { decodeSpdxJson, splitConjunction } from './decode.ts';
import { encodeSpdxJson } from './encode.ts';
import { spdxDocumentSchema } from './schema.ts';

type Doc = { packages: Record<string, unknown>[] };
const packageAt = (doc: Doc, index: number): Record<string, unknown> => doc.packages[index] ?? {};
const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);

describe('SPDX JSON encoder', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.spdx.json'), encodeSpdxJson(sampleInput()));
  });

  it('validates against the SPDX 2.3 schema transcription', () => {
    const result = spdxDocumentSchema.safeParse(JSON.parse(encodeSpdxJson(sampleInput())));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each([
    [
      'an unknown package field',
      (doc: Doc) => {
        packageAt(doc, 2).foundBy = 'apk';
      },
    ],
    [
      'a bad SPDX id',
      (doc: Doc) => {
        packageAt(doc, 2).SPDXID = 'SPDXRef-a b';
      },
    ],
    [
      'an OPERATING-SYSTEM purpose (the enum says OPERATING_SYSTEM)',
      (doc: Doc) => {
        packageAt(doc, 1).primaryPackagePurpose = 'OPERATING-SYSTEM';
      },
    ],
    [
      'no downloadLocation',
      (doc: Doc) => {
        delete packageAt(doc, 2).downloadLocation;
      },
    ],
  ])('the schema rejects %s', (_name, mutate) => {
    const doc = JSON.parse(encodeSpdxJson(sampleInput()));
    mutate(doc);
    expect(spdxDocumentSchema.safeParse(doc).success).toBe(false);
  });

  it('describes the image, contains the OS and packages, and records dependencies', () => {
    const doc = JSON.parse(encodeSpdxJson(sampleInput()));
    const name = new Map<string, string>(
      doc.packages.map((pkg: { SPDXID: string; name: string }) => [pkg.SPDXID, pkg.name]),
    );
    const edges = doc.relationships.map(
      (rel: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }) =>
        `${name.get(rel.spdxElementId) ?? rel.spdxElementId} ${rel.relationshipType} ${name.get(rel.relatedSpdxElement)}`,
    );
    expect(edges).toEqual([
      'SPDXRef-DOCUMENT DESCRIBES example.org/app:1.0',
      'example.org/app:1.0 CONTAINS alpine',
      'example.org/app:1.0 CONTAINS busybox',
      'example.org/app:1.0 CONTAINS musl',
      'example.org/app:1.0 CONTAINS org.example/lib',
      'example.org/app:1.0 CONTAINS @scope/tool',
      'example.org/app:1.0 CONTAINS left-pad',
      'busybox DEPENDS_ON musl',
      '@scope/tool DEPENDS_ON left-pad',
    ]);
    const lib = doc.packages.find((pkg: { name: string }) => pkg.name === 'org.example/lib');
    expect(lib.licenseDeclared).toBe('Apache-2.0 AND LicenseRef-Custom-License-1.0');
    expect(lib.licenseConcluded).toBe('NOASSERTION');
    expect(lib.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:maven/org.example/lib@2.0.0',
      },
    ]);
    expect(doc.hasExtractedLicensingInfos).toEqual([
      { licenseId: 'LicenseRef-Custom-License-1.0', extractedText: 'Custom License 1.0', name: 'Custom License 1.0' },
    ]);
  });
});

describe('SPDX JSON decoder', () => {
  it('round-trips Lucent output: the same purls, provenance and licenses', () => {
    const decoded = decodeSpdxJson(encodeSpdxJson(sampleInput()));
    const expected = sampleResult().inventory.packages;
    expect(decoded).toMatchObject({ format: 'spdx-json', specVersion: 'SPDX-2.3', tool: 'lucent' });
    expect(decoded.packages.map((pkg) => pkg.purl)).toEqual(expected.map((pkg) => pkg.purl));
    expect(
      decoded.packages.map(({ foundBy, locations, licenses, hashes, source, dev }) => ({
        foundBy,
        locations,
        licenses,
        hashes,
        source,
        dev,
      })),
    ).toEqual(
      expected.map(({ foundBy, locations, licenses, hashes, source, dev }) => ({
        foundBy,
        locations,
        licenses,
        hashes,
        source,
        dev,
      })),
    );
    expect(decoded.packages.map((pkg) => pkg.dependsOn ?? [])).toEqual([
      ['apk:alpine/musl@1.2.4-r2'],
      [],
      [],
      ['npm:left-pad@1.3.0'],
      [],
    ]);
    expect(decoded.skipped.map((entry) => entry.ref)).toEqual([
      'SPDXRef-Image-example.org-app-1.0',
      'SPDXRef-OperatingSystem-alpine',
    ]);
  });

  it('decodes a Syft-style SPDX 2.2 document', async () => {
    const decoded = decodeSpdxJson(await readFile(fixture('syft-style-2.2.spdx.json'), 'utf8'));
    expect(decoded).toMatchObject({ specVersion: 'SPDX-2.2', tool: 'syft' });
    expect(decoded.packages).toEqual([
      {
        type: 'pypi',
        name: 'requests',
        version: '2.31.0',
        purl: 'pkg:pypi/requests@2.31.0',
        foundBy: ['syft'],
        locations: [],
        licenses: ['Apache-2.0'],
        cpes: ['cpe:2.3:a:python-requests:requests:2.31.0:*:*:*:*:*:*:*'],
        // DEPENDENCY_OF points the other way: urllib3 is a dependency of requests.
        dependsOn: ['pypi:urllib3@2.0.7'],
      },
      {
        type: 'pypi',
        name: 'urllib3',
        version: '2.0.7',
        purl: 'pkg:pypi/urllib3@2.0.7',
        foundBy: ['syft'],
        locations: [],
        licenses: ['MIT', 'Apache-2.0 OR BSD-3-Clause', 'Custom Notice'],
        hashes: [{ algorithm: 'SHA-256', value: 'a4d6f3b2c1e0d9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4' }],
      },
    ]);
  });

  it.each([
    ['MIT', ['MIT']],
    ['MIT AND Apache-2.0', ['MIT', 'Apache-2.0']],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', ['MIT OR Apache-2.0', 'BSD-3-Clause']],
    ['(MIT) OR (Apache-2.0)', ['(MIT) OR (Apache-2.0)']],
    ['GPL-2.0-only WITH Classpath-exception-2.0', ['GPL-2.0-only WITH Classpath-exception-2.0']],
  ])('splits %s on top-level AND', (expression, terms) => {
    expect(splitConjunction(expression)).toEqual(terms);
  });

  it.each([
    ['not JSON', '{'],
    ['SPDX 2.1', '{"spdxVersion":"SPDX-2.1","SPDXID":"SPDXRef-DOCUMENT"}'],
    ['SPDX 3 JSON-LD', '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}'],
  ])('rejects %s', (_name, text) => {
    expect(() => decodeSpdxJson(text)).toThrow(SbomFormatError);
  });
});
