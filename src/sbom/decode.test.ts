import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeSbom } from './decode.ts';
import { SbomFormatError } from './decoded-sbom.ts';
import { encodeSbom, SBOM_FORMATS } from './encode.ts';
import { sampleInput } from './testing/sample-result.ts';

describe('decodeSbom', () => {
  it.each(SBOM_FORMATS)('recognises %s from its content', async (format) => {
    const decoded = decodeSbom(await encodeSbom(format, sampleInput()));
    expect(decoded.format).toBe(format);
    expect(decoded.packages).toHaveLength(5);
  });

  it.each([
    ['formats/cyclonedx-json/__fixtures__/trivy-alpine311.cdx.json', 'cyclonedx-json', 14],
    ['formats/cyclonedx-xml/__fixtures__/syft-style-1.4.cdx.xml', 'cyclonedx-xml', 2],
    ['formats/spdx-json/__fixtures__/syft-style-2.2.spdx.json', 'spdx-json', 2],
  ])('recognises %s as %s', async (path, format, count) => {
    const decoded = decodeSbom(await readFile(new URL(`./${path}`, import.meta.url), 'utf8'));
    expect([decoded.format, decoded.packages.length]).toEqual([format, count]);
  });

  it.each([['plain text'], [''], ['[1, 2]']])('rejects %j', (text) => {
    expect(() => decodeSbom(text)).toThrow(SbomFormatError);
  });
});
