import { readFile } from 'node:fs/promises';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { describe, expect, it } from 'vitest';
import { SbomFormatError } from '../../decoded-sbom.ts';
import { expectGolden } from '../../testing/golden.ts';
import { sampleInput, sampleResult } from '../../testing/sample-result.ts';
import { decodeCycloneDxJson } from './decode.ts';
import { encodeCycloneDxJson } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);
const read = (name: string) => readFile(fixture(name), 'utf8');

describe('CycloneDX JSON encoder', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.cdx.json'), encodeCycloneDxJson(sampleInput()));
  });

  it('validates against the CycloneDX 1.6 strict JSON schema', async () => {
    const errors = await new JsonStrictValidator(Version.v1dot6).validate(encodeCycloneDxJson(sampleInput()));
    expect(errors).toBeNull();
  });

  it('is caught by the validator when broken (the schema check is live)', async () => {
    const broken = JSON.parse(encodeCycloneDxJson(sampleInput()));
    broken.components[1].type = 'not-a-type';
    expect(await new JsonStrictValidator(Version.v1dot6).validate(JSON.stringify(broken))).not.toBeNull();
  });

  it('writes one component per package with purl bom-refs, the OS and the image', () => {
    const bom = JSON.parse(encodeCycloneDxJson(sampleInput()));
    expect(bom.metadata.component).toMatchObject({
      type: 'container',
      name: 'example.org/app:1.0',
      version: `sha256:${'a'.repeat(64)}`,
    });
    expect(
      bom.components.map((component: { 'bom-ref': string; type: string }) => [component.type, component['bom-ref']]),
    ).toEqual([
      ['operating-system', 'os:alpine@3.19.1'],
      ['library', 'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19'],
      ['library', 'pkg:apk/alpine/musl@1.2.4-r2?arch=x86_64&distro=alpine-3.19'],
      ['library', 'pkg:maven/org.example/lib@2.0.0'],
      ['library', 'pkg:npm/%40scope/tool@0.1.0'],
      ['library', 'pkg:npm/left-pad@1.3.0'],
    ]);
    const maven = bom.components[3];
    expect(maven.group).toBe('org.example');
    expect(maven.licenses).toEqual([{ license: { id: 'Apache-2.0' } }, { license: { name: 'Custom License 1.0' } }]);
    expect(bom.components[4].licenses).toEqual([{ expression: 'MIT OR Apache-2.0' }]);
  });

  it('de-duplicates bom-refs of packages that share a purl', () => {
    const input = sampleInput();
    const first = input.result.inventory.packages[0];
    if (first) input.result.inventory.packages.push({ ...first, locations: [{ path: '/other' }] });
    const refs = JSON.parse(encodeCycloneDxJson(input)).components.map(
      (component: { 'bom-ref': string }) => component['bom-ref'],
    );
    expect(refs.filter((ref: string) => ref.startsWith('pkg:apk/alpine/busybox'))).toEqual([
      'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19',
      'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19|2',
    ]);
  });
});

describe('CycloneDX JSON decoder', () => {
  it.each([
    {
      file: 'trivy-alpine311.cdx.json',
      tool: 'trivy',
      specVersion: '1.5',
      packages: 14,
      skipped: 1,
      some: [
        'pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5',
        'pkg:apk/alpine/ssl_client@1.31.1-r9?arch=x86_64&distro=3.11.5',
        'pkg:apk/alpine/zlib@1.2.11-r3?arch=x86_64&distro=3.11.5',
      ],
    },
    {
      file: 'cdxgen-debian12-tools.trimmed.cdx.json',
      tool: 'cdxgen',
      specVersion: '1.7',
      packages: 5,
      skipped: 3,
      some: [
        // cdxgen writes `+` as %2B; the canonical purl (packageurl-js round trip) does not.
        'pkg:deb/debian/adduser@3.134?arch=all&distro=debian-12&distro_name=bookworm',
        'pkg:deb/debian/audit@1:3.0.9-1?arch=all&distro=debian-12&distro_name=bookworm&epoch=1',
        'pkg:deb/debian/audit@1:3.0.9-1?arch=amd64&distro=debian-12&distro_name=bookworm&epoch=1',
        'pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&distro=debian-12&distro_name=bookworm',
        'pkg:deb/debian/passwd@1:4.13+dfsg1-1+deb12u2?arch=amd64&distro=debian-12&distro_name=bookworm&epoch=1',
      ],
    },
    {
      file: 'syft-style.cdx.json',
      tool: 'syft',
      specVersion: '1.6',
      packages: 4,
      skipped: 2,
      some: ['pkg:npm/%40types/node@20.12.7', 'pkg:npm/express@4.19.2'],
    },
  ])(
    'decodes $file: $packages packages, $skipped skipped',
    async ({ file, tool, specVersion, packages, skipped, some }) => {
      const decoded = decodeCycloneDxJson(await read(file));
      expect(decoded.tool).toBe(tool);
      expect(decoded.specVersion).toBe(specVersion);
      expect(decoded.packages).toHaveLength(packages);
      expect(decoded.skipped).toHaveLength(skipped);
      expect(decoded.packages.map((pkg) => pkg.purl)).toEqual(expect.arrayContaining(some));
      expect(new Set(decoded.packages.flatMap((pkg) => pkg.foundBy))).toEqual(new Set([tool]));
    },
  );

  it('reads Trivy layers, source packages, licenses and hashes', async () => {
    const decoded = decodeCycloneDxJson(await read('trivy-alpine311.cdx.json'));
    expect(decoded.packages.find((pkg) => pkg.name === 'musl-utils')).toEqual({
      type: 'apk',
      namespace: 'alpine',
      name: 'musl-utils',
      version: '1.1.24-r2',
      qualifiers: { arch: 'x86_64', distro: '3.11.5' },
      purl: 'pkg:apk/alpine/musl-utils@1.1.24-r2?arch=x86_64&distro=3.11.5',
      foundBy: ['trivy'],
      locations: [{ path: '', layerDiffId: 'sha256:beee9f30bc1f711043e78d4a2be0668955d4b761d587d6f60c2c8dc081efb203' }],
      licenses: ['MIT', 'BSD-3-Clause', 'GPL-2.0'],
      hashes: [{ algorithm: 'SHA-1', value: expect.stringMatching(/^[0-9a-f]{40}$/) }],
      source: { name: 'musl', version: '1.1.24-r2' },
      dependsOn: ['apk:alpine/musl@1.1.24-r2', 'apk:alpine/scanelf@1.2.4-r0'],
    });
  });

  it('reads Syft locations, sources (defaulting to the package version), nested components and edges', async () => {
    const decoded = decodeCycloneDxJson(await read('syft-style.cdx.json'));
    const utils = decoded.packages.find((pkg) => pkg.name === 'musl-utils');
    expect(utils?.source).toEqual({ name: 'musl', version: '1.2.4-r2' });
    expect(utils?.dependsOn).toEqual(['apk:alpine/musl@1.2.4-r2']);
    expect(utils?.licenses).toEqual(['MIT AND BSD-2-Clause AND GPL-2.0-or-later']);
    expect(decoded.packages.find((pkg) => pkg.name === 'express')?.locations).toEqual([
      { path: '/app/package-lock.json', layerDiffId: `sha256:${'2'.repeat(64)}` },
      { path: '/app/node_modules/express/package.json', layerDiffId: `sha256:${'2'.repeat(64)}` },
    ]);
    expect(decoded.packages.find((pkg) => pkg.name === 'musl')?.cpes).toEqual([
      'cpe:2.3:a:musl-libc:musl:1.2.4-r2:*:*:*:*:*:*:*',
    ]);
    expect(decoded.skipped.map((entry) => entry.reason)).toEqual(['operating-system component', 'no purl']);
  });

  it('takes a given label as foundBy', async () => {
    const decoded = decodeCycloneDxJson(await read('syft-style.cdx.json'), { label: 'syft-plugin' });
    expect(new Set(decoded.packages.flatMap((pkg) => pkg.foundBy))).toEqual(new Set(['syft-plugin']));
  });

  it('round-trips Lucent output: identity, provenance, licenses, hashes, dev flag and edges', () => {
    const decoded = decodeCycloneDxJson(encodeCycloneDxJson(sampleInput()));
    const expected = sampleResult().inventory.packages;
    expect(decoded.tool).toBe('lucent');
    expect(
      decoded.packages.map(({ purl, foundBy, locations, licenses, hashes, source, dev }) => ({
        purl,
        foundBy,
        locations,
        licenses,
        hashes,
        source,
        dev,
      })),
    ).toEqual(
      expected.map(({ purl, foundBy, locations, licenses, hashes, source, dev }) => ({
        purl,
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
  });

  it.each([
    ['not JSON', '{'],
    ['not CycloneDX', '{"bomFormat":"SPDX"}'],
    ['CycloneDX 1.3', '{"bomFormat":"CycloneDX","specVersion":"1.3","components":[]}'],
    ['a component without a name', '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library"}]}'],
  ])('rejects %s', (_name, text) => {
    expect(() => decodeCycloneDxJson(text)).toThrow(SbomFormatError);
  });
});
