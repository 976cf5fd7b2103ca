import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scannerSbomText, writeScannerSbom } from './scanner-sbom.ts';
import { SAMPLE_PURLS, scannerSampleAnalysis } from './testing/scanner-sample.ts';

const tool = { name: 'lucent', version: '0.1.0' };

describe('the scanners’ SBOM', () => {
  const bom = JSON.parse(scannerSbomText(scannerSampleAnalysis(), tool));

  it('is CycloneDX 1.4 with tools as a list, which every scanner version reads', () => {
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.4');
    expect(bom.metadata.tools).toEqual([{ name: 'lucent', version: '0.1.0' }]);
  });

  it('names every package by its purl, as bom-ref too, next to the operating system', () => {
    expect(
      bom.components.map((component: { 'bom-ref': string; purl?: string }) => [component['bom-ref'], component.purl]),
    ).toEqual([['os:debian@12', undefined], ...Object.values(SAMPLE_PURLS).map((purl) => [purl, purl])]);
  });

  it('links the OS packages from the operating-system component, for Trivy before 0.50', () => {
    expect(bom.dependencies).toContainEqual({
      ref: 'os:debian@12',
      dependsOn: [SAMPLE_PURLS.baseFiles, SAMPLE_PURLS.libssl3],
    });
  });

  it('is written to a private file that dispose() removes', async () => {
    const sbom = await writeScannerSbom(scannerSampleAnalysis(), tool);
    expect(await readFile(sbom.path, 'utf8')).toBe(sbom.text);
    expect((await stat(sbom.path)).mode & 0o777).toBe(0o600);
    expect(sbom.subject).toEqual({ name: 'example.org/app:1.0' });
    await sbom.dispose();
    await expect(stat(sbom.path)).rejects.toThrow(/ENOENT/);
  });
});
