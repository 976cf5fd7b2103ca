import { readFile } from 'node:fs/promises';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { XmlValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { describe, expect, it } from 'vitest';
import { SbomFormatError } from '../../decoded-sbom.ts';
import { expectGolden } from '../../testing/golden.ts';
import { sampleInput, sampleResult } from '../../testing/sample-result.ts';
import { decodeCycloneDxXml } from './decode.ts';
import { encodeCycloneDxXml } from './encode.ts';

const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url);

describe('CycloneDX XML encoder', () => {
  it('matches the golden file', async () => {
    await expectGolden(fixture('sample.golden.cdx.xml'), encodeCycloneDxXml(sampleInput()));
  });

  it('validates against the CycloneDX 1.6 XSD (libxmljs2)', async () => {
    expect(await new XmlValidator(Version.v1dot6).validate(encodeCycloneDxXml(sampleInput()))).toBeNull();
  });

  it('is caught by the validator when broken (the schema check is live)', async () => {
    const broken = encodeCycloneDxXml(sampleInput()).replace('type="library"', 'type="not-a-type"');
    expect(await new XmlValidator(Version.v1dot6).validate(broken)).not.toBeNull();
  });
});

describe('CycloneDX XML decoder', () => {
  it('decodes a Syft-style CycloneDX 1.4 XML document', async () => {
    const decoded = decodeCycloneDxXml(await readFile(fixture('syft-style-1.4.cdx.xml'), 'utf8'));
    expect(decoded).toMatchObject({ format: 'cyclonedx-xml', specVersion: '1.4', tool: 'syft' });
    expect(decoded.skipped).toEqual([{ ref: 'debian', reason: 'operating-system component' }]);
    expect(decoded.packages).toEqual([
      {
        type: 'deb',
        namespace: 'debian',
        name: 'libc6',
        version: '2.36-9+deb12u4',
        qualifiers: { arch: 'amd64', distro: 'debian-12' },
        purl: 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12',
        foundBy: ['syft'],
        locations: [{ path: '/var/lib/dpkg/status', layerDiffId: `sha256:${'3'.repeat(64)}` }],
        licenses: ['GPL-2.0-only', 'LGPL-2.1+ with exceptions'],
        source: { name: 'glibc', version: '2.36-9+deb12u4' },
        cpes: ['cpe:2.3:a:libc6:libc6:2.36-9\\+deb12u4:*:*:*:*:*:*:*'],
      },
      {
        type: 'deb',
        namespace: 'debian',
        name: 'zlib1g',
        version: '1:1.2.13.dfsg-1',
        qualifiers: { arch: 'amd64', distro: 'debian-12', epoch: '1' },
        purl: 'pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12&epoch=1',
        foundBy: ['syft'],
        locations: [{ path: '/var/lib/dpkg/status' }],
        licenses: ['Zlib'],
        hashes: [{ algorithm: 'SHA-256', value: '0f3a8e7c1d2b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5' }],
        source: { name: 'zlib', version: '1:1.2.13.dfsg-1' },
        dependsOn: ['deb:debian/libc6@2.36-9+deb12u4'],
      },
    ]);
  });

  it('round-trips Lucent output like the JSON format', () => {
    const decoded = decodeCycloneDxXml(encodeCycloneDxXml(sampleInput()));
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
  });

  it.each([
    ['not XML', '<bom'],
    ['another namespace', '<bom xmlns="http://example.org/bom"><components/></bom>'],
    ['CycloneDX 1.3', '<bom xmlns="http://cyclonedx.org/schema/bom/1.3"><components/></bom>'],
  ])('rejects %s', (_name, text) => {
    expect(() => decodeCycloneDxXml(text)).toThrow(SbomFormatError);
  });
});
