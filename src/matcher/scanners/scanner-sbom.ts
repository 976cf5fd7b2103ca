/**
 * The SBOM external scanners read: the inventory as CycloneDX JSON, with every package's bom-ref its purl (the SBOM
 * builder's rule), so a scanner's finding names the inventory's package by bom-ref or purl and maps back exactly.
 *
 * Written as CycloneDX 1.4, which every scanner reads: Trivy before 0.50 fails on 1.6 (and on 1.5's `tools` object),
 * Dependency-Track reads 1.4 since 4.0. OS packages are linked from the operating-system component as dependencies,
 * since Trivy before 0.50 scans only the OS packages it finds under that component.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentType } from '@cyclonedx/cyclonedx-library/Enums';
import { JSON as CdxJson, JsonSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot4 } from '@cyclonedx/cyclonedx-library/Spec';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import { buildBom } from '../../sbom/cyclonedx/build-bom.ts';
import { subjectOf } from '../../sbom/subject.ts';
import type { ScannerInput } from './scanner.ts';

const OS_PURL = /^pkg:(?:deb|apk|rpm)\//;

/** The scanners' SBOM as text. */
export function scannerSbomText(analysis: AnalysisResult, tool: { name: string; version: string }): string {
  const bom = buildBom({ result: analysis, tool });
  const components = [...bom.components];
  const os = components.find((component) => component.type === ComponentType.OperatingSystem);
  if (os) {
    for (const component of components) {
      if (component !== os && OS_PURL.test(component.purl?.toString() ?? '')) os.dependencies.add(component.bomRef);
    }
  }
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot4));
  return serializer.serialize(bom, { sortLists: false });
}

/** The scanners' SBOM in a private temp directory; `dispose()` removes it. */
export async function writeScannerSbom(
  analysis: AnalysisResult,
  tool: { name: string; version: string },
): Promise<ScannerInput & { dispose(): Promise<void> }> {
  const text = scannerSbomText(analysis, tool);
  const dir = await mkdtemp(join(tmpdir(), 'lucent-scan-'));
  const path = join(dir, 'sbom.cdx.json');
  await writeFile(path, text, { mode: 0o600 });
  const subject = subjectOf(analysis);
  return {
    path,
    text,
    subject: { name: subject.name, ...(subject.version ? { version: subject.version } : {}) },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
