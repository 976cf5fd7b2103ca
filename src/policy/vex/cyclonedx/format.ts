/**
 * CycloneDX VEX (https://cyclonedx.org/capabilities/vex/) as VEX statements: each vulnerability with an
 * `analysis.state` is one statement about the components its `affects[].ref` point at. A ref is resolved to a purl
 * through the document's components (nested ones and `metadata.component` included), or is a purl itself, or is a
 * BOM-Link (`urn:cdx:<serial>/<version>#<bom-ref>`, https://cyclonedx.org/capabilities/bomlink/) whose fragment is
 * one of those; Lucent's own SBOMs use purls as bom-refs, so links into them resolve. Unlike Trivy, the VEX need not
 * be tied to the scanned SBOM's serial number. `affects[].versions[].version` narrows a statement to those versions;
 * version ranges (`range`, vers) are not evaluated. States map onto OpenVEX's: not_affected and false_positive →
 * not_affected, resolved and resolved_with_pedigree → fixed, exploitable → affected, in_triage → under_investigation.
 */
import { PackageURL } from 'packageurl-js';
import { invalidFile } from '../../file-errors.ts';
import type { VexProduct, VexStatement, VexStatus } from '../../vex-statements.ts';
import type { VexFormat, VexParseResult } from '../vex-format.ts';
import { type CYCLONEDX_ANALYSIS_STATES, type CycloneDxComponent, cycloneDxVexSchema } from './schema.ts';

const HINT = 'CycloneDX VEX: https://cyclonedx.org/capabilities/vex/';

const STATUSES: Record<(typeof CYCLONEDX_ANALYSIS_STATES)[number], VexStatus> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

/** CycloneDX JSON, recognised by `bomFormat`. */
export const cycloneDxVexFormat: VexFormat = {
  name: 'cyclonedx',
  detect: (document) => (document as { bomFormat?: unknown } | null)?.bomFormat === 'CycloneDX',
  parse: parseCycloneDxVex,
};

function parseCycloneDxVex(document: unknown, file: string): VexParseResult {
  const result = cycloneDxVexSchema.safeParse(document);
  if (!result.success) throw invalidFile(file, result.error.issues, HINT);
  const bom = result.data;
  const purlOf = refIndex([...(bom.metadata?.component ? [bom.metadata.component] : []), ...(bom.components ?? [])]);
  const statements: VexStatement[] = [];
  const warnings: string[] = [];
  (bom.vulnerabilities ?? []).forEach((vulnerability, index) => {
    const state = vulnerability.analysis?.state;
    if (!state) return; // a finding without analysis, as in a scan report: no statement
    const origin = `${file} vulnerabilities[${index}]`;
    if (!vulnerability.id) {
      warnings.push(`${origin}: no id; skipped`);
      return;
    }
    const status = STATUSES[state];
    const products: VexProduct[] = [];
    for (const affect of vulnerability.affects ?? []) {
      const purl = purlOf(affect.ref);
      if (!purl) {
        warnings.push(`${origin}: affects ref ${affect.ref} names no component with a purl; skipped`);
        continue;
      }
      const versions = affect.versions ?? [];
      if (versions.length === 0) {
        products.push({ ids: [purl], subcomponents: [] });
        continue;
      }
      if (versions.some((entry) => entry.range !== undefined)) {
        warnings.push(`${origin}: version ranges are not evaluated; only exact versions of ${affect.ref} apply`);
      }
      // A suppressing statement does not cover a version the same entry calls affected.
      const exact = versions.filter(
        (entry) => entry.version !== undefined && !(entry.status === 'affected' && status !== 'affected'),
      );
      for (const entry of exact)
        products.push({ ids: [withVersion(purl, entry.version as string)], subcomponents: [] });
    }
    if (products.length === 0) {
      warnings.push(`${origin}: no affected component could be resolved; the statement applies to nothing`);
      return;
    }
    const { analysis } = vulnerability;
    const timestamp =
      analysis?.lastUpdated ?? vulnerability.updated ?? analysis?.firstIssued ?? bom.metadata?.timestamp;
    statements.push({
      format: 'cyclonedx',
      vulnerabilities: [vulnerability.id, ...(vulnerability.references ?? []).map((reference) => reference.id)],
      products,
      status,
      ...(analysis?.justification ? { justification: analysis.justification } : {}),
      ...(analysis?.detail ? { detail: analysis.detail } : {}),
      ...(timestamp ? { timestamp } : {}),
      origin,
    });
  });
  return { statements, warnings };
}

/** Resolves an `affects.ref` to a purl: a component's bom-ref, a purl, or a BOM-Link to either. */
function refIndex(components: readonly CycloneDxComponent[]): (ref: string) => string | undefined {
  const byRef = new Map<string, string>();
  const visit = (component: CycloneDxComponent) => {
    if (component['bom-ref'] && component.purl) byRef.set(component['bom-ref'], component.purl);
    for (const child of component.components ?? []) visit(child);
  };
  for (const component of components) visit(component);
  return (ref) => {
    const target = ref.startsWith('urn:cdx:') ? bomLinkFragment(ref) : ref;
    if (target === undefined) return undefined;
    return byRef.get(target) ?? (target.startsWith('pkg:') ? target : undefined);
  };
}

function bomLinkFragment(link: string): string | undefined {
  const hash = link.indexOf('#');
  if (hash < 0) return undefined;
  try {
    return decodeURIComponent(link.slice(hash + 1));
  } catch {
    return undefined;
  }
}

function withVersion(purl: string, version: string): string {
  try {
    const parsed = PackageURL.fromString(purl);
    return new PackageURL(
      parsed.type,
      parsed.namespace,
      parsed.name,
      version,
      parsed.qualifiers,
      parsed.subpath,
    ).toString();
  } catch {
    return purl;
  }
}
