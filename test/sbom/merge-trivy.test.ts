/**
 * Acceptance (issue 3, "Merging"): the built-in inventory of trivy/alpine-311 merged with Trivy's SBOM of the same
 * image gives one component per purl, with both the built-in analyzer and Trivy in foundBy; the merged result
 * still encodes to valid CycloneDX 1.6 and SPDX 2.3.
 */
import { readFile } from 'node:fs/promises';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { beforeAll, describe, expect, it } from 'vitest';
import { apkAnalyzer } from '../../src/analyzers/apk/index.ts';
import { osReleaseAnalyzer } from '../../src/analyzers/os-release/index.ts';
import { noLayerCache } from '../../src/image/layer-cache.ts';
import { openImage } from '../../src/image/sources/open-image.ts';
import { type AnalysisResult, analyzeImage } from '../../src/pipeline/analyze.ts';
import { decodeSbom } from '../../src/sbom/decode.ts';
import { encodeSbom } from '../../src/sbom/encode.ts';
import { spdxDocumentSchema } from '../../src/sbom/formats/spdx-json/schema.ts';
import { mergePackages } from '../../src/sbom/merge.ts';
import { fixtureImage } from '../support/fixtures.ts';

// The same file as shared/data/ground-truth/tool-outputs/trivy-alpine311.cdx.json (Trivy's CycloneDX of the image).
const TRIVY_SBOM = new URL(
  '../../src/sbom/formats/cyclonedx-json/__fixtures__/trivy-alpine311.cdx.json',
  import.meta.url,
);

const NAMES = [
  'alpine-baselayout@3.2.0-r3',
  'alpine-keys@2.1-r2',
  'apk-tools@2.10.4-r3',
  'busybox@1.31.1-r9',
  'ca-certificates-cacert@20191127-r1',
  'libc-utils@0.7.2-r0',
  'libcrypto1.1@1.1.1d-r3',
  'libssl1.1@1.1.1d-r3',
  'libtls-standalone@2.9.1-r0',
  'musl-utils@1.1.24-r2',
  'musl@1.1.24-r2',
  'scanelf@1.2.4-r0',
  'ssl_client@1.31.1-r9',
  'zlib@1.2.11-r3',
];

describe('merging the built-in inventory with a Trivy SBOM (trivy/alpine-311)', () => {
  let result: AnalysisResult;
  let merged: AnalysisResult;

  beforeAll(async () => {
    const image = await openImage(fixtureImage('trivy/alpine-311.tar.gz'));
    try {
      result = await analyzeImage(image, { cache: noLayerCache, analyzers: [osReleaseAnalyzer, apkAnalyzer] });
    } finally {
      await image.close();
    }
    const trivy = decodeSbom(await readFile(TRIVY_SBOM, 'utf8'), { label: 'trivy' });
    expect(trivy.packages).toHaveLength(14);
    merged = {
      ...result,
      inventory: { ...result.inventory, packages: mergePackages([result.inventory.packages, trivy.packages]) },
    };
  });

  it('gives one package per purl (the built-in purls), 14 of 14, each found by apk and trivy', () => {
    expect(result.inventory.packages).toHaveLength(14);
    expect(merged.inventory.packages.map((pkg) => [pkg.purl, pkg.foundBy])).toEqual(
      NAMES.map((name) => [`pkg:apk/alpine/${name}?arch=x86_64&distro=alpine-3.11`, ['apk', 'trivy']]),
    );
  });

  it('keeps one location per package (Trivy names the same layer) and gains Trivy hashes', () => {
    const musl = merged.inventory.packages.find((pkg) => pkg.name === 'musl');
    expect(musl?.locations).toEqual([
      {
        path: '/lib/apk/db/installed',
        layerDiffId: 'sha256:beee9f30bc1f711043e78d4a2be0668955d4b761d587d6f60c2c8dc081efb203',
        layerIndex: 0,
      },
    ]);
    expect(musl?.hashes?.map((hash) => hash.algorithm)).toEqual(['SHA-1']);
  });

  it('encodes the merged inventory as valid CycloneDX 1.6 with both analyzers per component', async () => {
    const text = await encodeSbom('cyclonedx-json', {
      result: merged,
      tool: { name: 'lucent', version: '0.0.0-test' },
    });
    expect(await new JsonStrictValidator(Version.v1dot6).validate(text)).toBeNull();
    const bom = JSON.parse(text);
    const libraries = bom.components.filter((component: { type: string }) => component.type === 'library');
    expect(libraries).toHaveLength(14);
    for (const component of libraries) {
      const foundBy = component.properties
        .filter((property: { name: string }) => property.name === 'lucent:foundBy')
        .map((property: { value: string }) => property.value);
      expect(foundBy).toEqual(['apk', 'trivy']);
    }
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: 'alpine:3.11' });
    expect(bom.components[0]).toMatchObject({ type: 'operating-system', name: 'alpine', version: '3.11.5' });
  });

  it('encodes the merged inventory as valid SPDX 2.3 that decodes to the same purls', async () => {
    const text = await encodeSbom('spdx-json', { result: merged, tool: { name: 'lucent', version: '0.0.0-test' } });
    expect(spdxDocumentSchema.safeParse(JSON.parse(text)).error?.issues ?? []).toEqual([]);
    expect(decodeSbom(text).packages.map((pkg) => pkg.purl)).toEqual(merged.inventory.packages.map((pkg) => pkg.purl));
  });
});
