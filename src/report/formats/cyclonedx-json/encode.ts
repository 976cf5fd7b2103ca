/**
 * CycloneDX 1.6 JSON with vulnerabilities (https://cyclonedx.org/docs/1.6/json/#vulnerabilities), a BOM and a VEX in
 * one document: the inventory's components come from the SBOM builder (docs/sbom.md), and each finding becomes one
 * vulnerability whose `affects[].ref` is its package's bom-ref. Suppressed findings carry an `analysis`
 * (https://cyclonedx.org/capabilities/vex/).
 */

import { ComponentType, Vulnerability as VulnEnums } from '@cyclonedx/cyclonedx-library/Enums';
import { type Bom, Component, Property, Vulnerability as Vuln } from '@cyclonedx/cyclonedx-library/Models';
import { JSON as CdxJson, JsonSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import { advisoryPage } from '../../../advisories/advisory-pages.ts';
import type { Finding, SeverityLevel } from '../../../matcher/match.ts';
import { buildBom } from '../../../sbom/cyclonedx/build-bom.ts';
import type { ScanReportInput, SuppressedFinding } from '../../encode.ts';
import { reportOrder, scannersOf, severityLevel, suppressedInOrder } from '../../report-data.ts';

/** Lucent's vulnerability property names (flat name/value pairs, as in docs/sbom.md). */
export const VULNERABILITY_PROPERTIES = {
  kevDateAdded: 'lucent:kev:dateAdded',
  kevDueDate: 'lucent:kev:dueDate',
  kevRansomware: 'lucent:kev:knownRansomwareCampaignUse',
  epssScore: 'lucent:epss:score',
  epssPercentile: 'lucent:epss:percentile',
  scanner: 'lucent:scanner',
  evidence: 'lucent:evidence:',
  variant: 'lucent:variant:',
  suppressionSource: 'lucent:suppression:source',
  suppressionOrigin: 'lucent:suppression:origin',
} as const;

/** KubeClarity levels as CycloneDX severities; NEGLIGIBLE (Debian's "unimportant") is closest to `info`. */
const SEVERITIES: Record<SeverityLevel, VulnEnums.Severity> = {
  CRITICAL: VulnEnums.Severity.Critical,
  HIGH: VulnEnums.Severity.High,
  MEDIUM: VulnEnums.Severity.Medium,
  LOW: VulnEnums.Severity.Low,
  NEGLIGIBLE: VulnEnums.Severity.Info,
  UNKNOWN: VulnEnums.Severity.Unknown,
};

const { AnalysisJustification: J } = VulnEnums;

/**
 * VEX justifications: CycloneDX names as they are, OpenVEX names
 * (https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md#status-justifications) mapped where the meaning is the
 * same. `vulnerable_code_cannot_be_controlled_by_adversary` has no CycloneDX equivalent: it stays in `detail`.
 */
const JUSTIFICATIONS: Record<string, VulnEnums.AnalysisJustification> = {
  ...Object.fromEntries(Object.values(J).map((value) => [value, value])),
  component_not_present: J.CodeNotPresent,
  vulnerable_code_not_present: J.CodeNotPresent,
  vulnerable_code_not_in_execute_path: J.CodeNotReachable,
  inline_mitigations_already_exist: J.ProtectedByMitigatingControl,
};

/** Encodes a scan as a CycloneDX 1.6 JSON BOM with vulnerabilities. */
export function encodeCycloneDxJsonReport(input: ScanReportInput): string {
  const serializer = new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  // sortLists off: components keep the inventory's order and vulnerabilities the report's.
  return `${serializer.serialize(buildReportBom(input), { sortLists: false, space: 2 })}\n`;
}

/** The CycloneDX model: the SBOM of the analysis plus one vulnerability per finding. */
export function buildReportBom(input: ScanReportInput): Bom {
  const bom = buildBom({
    result: input.analysis,
    tool: input.tool,
    ...(input.timestamp ? { timestamp: input.timestamp } : {}),
    ...(input.serialNumber ? { serialNumber: input.serialNumber } : {}),
  });
  const componentOf = componentIndex(bom);
  for (const finding of reportOrder(input.findings)) {
    bom.vulnerabilities.add(vulnerability(finding, componentOf(finding)));
  }
  for (const suppressed of suppressedInOrder(input.suppressed)) {
    const vuln = vulnerability(suppressed.finding, componentOf(suppressed.finding), suppressed);
    bom.vulnerabilities.add(vuln);
  }
  return bom;
}

/**
 * The component of a finding's package: the first with its purl as bom-ref (the builder's rule). A finding whose
 * package is not in the inventory gets a component of its own, so every `affects.ref` resolves.
 */
function componentIndex(bom: Bom): (finding: Finding) => Component {
  const byRef = new Map<string, Component>();
  for (const component of bom.components) {
    const ref = component.bomRef.value;
    if (ref && !byRef.has(ref)) byRef.set(ref, component);
  }
  return (finding) => {
    const known = byRef.get(finding.packagePurl);
    if (known) return known;
    const added = new Component(ComponentType.Library, finding.packageName, {
      bomRef: finding.packagePurl,
      version: finding.installedVersion,
      purl: finding.packagePurl,
    });
    bom.components.add(added);
    byRef.set(finding.packagePurl, added);
    return added;
  };
}

function vulnerability(finding: Finding, component: Component, suppression?: SuppressedFinding): Vuln.Vulnerability {
  const vuln = new Vuln.Vulnerability({
    // A fixed bom-ref (the serializer would invent a random one): the vulnerability in this package is unique.
    bomRef: `${finding.id}|${finding.packagePurl}`,
    id: finding.id,
    source: advisorySource(finding.id),
    ...(finding.summary ? { description: finding.summary } : {}),
    ...(finding.fixedVersions.length > 0
      ? { recommendation: `Upgrade ${finding.packageName} to ${finding.fixedVersions.join(' or ')}` }
      : {}),
    ...(suppression ? { analysis: analysis(suppression) } : {}),
  });
  for (const alias of finding.aliases) {
    vuln.references.add(new Vuln.Reference(alias, advisorySource(alias)));
  }
  if (finding.severity) {
    const { score, vector, source } = finding.severity;
    vuln.ratings.add(
      new Vuln.Rating({
        severity: SEVERITIES[severityLevel(finding)],
        method: ratingMethod(vector),
        ...(score !== undefined ? { score } : {}),
        ...(vector ? { vector } : {}),
        source: new Vuln.Source({ name: source }),
      }),
    );
  }
  // Only a VEX statement says the installed version is unaffected; other suppressions leave it affected.
  const status = suppression?.source === 'vex' ? VulnEnums.AffectStatus.Unaffected : VulnEnums.AffectStatus.Affected;
  vuln.affects.add(
    new Vuln.Affect(component.bomRef, {
      versions: new Vuln.AffectedVersionRepository([
        new Vuln.AffectedSingleVersion(finding.installedVersion, { status }),
      ]),
    }),
  );
  for (const [name, value] of properties(finding)) vuln.properties.add(new Property(name, value));
  if (suppression) {
    vuln.properties.add(new Property(VULNERABILITY_PROPERTIES.suppressionSource, suppression.source));
    if (suppression.origin)
      vuln.properties.add(new Property(VULNERABILITY_PROPERTIES.suppressionOrigin, suppression.origin));
  }
  return vuln;
}

/** The rating method from the vector's prefix (CVSS v3.x and v4.0 vectors start with `CVSS:<version>/`). */
function ratingMethod(vector: string | undefined): VulnEnums.RatingMethod {
  if (vector?.startsWith('CVSS:4.0/')) return VulnEnums.RatingMethod.CVSSv4;
  if (vector?.startsWith('CVSS:3.1/')) return VulnEnums.RatingMethod.CVSSv31;
  if (vector?.startsWith('CVSS:3.0/')) return VulnEnums.RatingMethod.CVSSv3;
  // CVSS v2 vectors have no prefix: `AV:N/AC:L/Au:N/…` (Au is v2's alone).
  if (vector?.includes('/Au:')) return VulnEnums.RatingMethod.CVSSv2;
  return VulnEnums.RatingMethod.Other;
}

/**
 * A suppression as a VEX analysis. Only a VEX statement sets the state (not_affected, or resolved for `fixed`): an
 * ignore-file rule or `--only-fixed` hides a finding without saying the package is safe, so it keeps just the reason
 * in `detail`.
 */
function analysis(suppression: SuppressedFinding): Vuln.Analysis {
  const justification = suppression.justification ? JUSTIFICATIONS[suppression.justification] : undefined;
  const state =
    suppression.source !== 'vex'
      ? undefined
      : suppression.status === 'fixed'
        ? VulnEnums.AnalysisState.Resolved
        : VulnEnums.AnalysisState.NotAffected;
  return new Vuln.Analysis({
    ...(state ? { state } : {}),
    ...(state === VulnEnums.AnalysisState.NotAffected && justification ? { justification } : {}),
    detail: suppression.reason,
  });
}

function properties(finding: Finding): [string, string][] {
  const P = VULNERABILITY_PROPERTIES;
  const out: [string, string][] = [];
  if (finding.kev) {
    out.push([P.kevDateAdded, finding.kev.dateAdded]);
    if (finding.kev.dueDate) out.push([P.kevDueDate, finding.kev.dueDate]);
    if (finding.kev.knownRansomwareCampaignUse) out.push([P.kevRansomware, finding.kev.knownRansomwareCampaignUse]);
  }
  if (finding.epss) {
    out.push([P.epssScore, String(finding.epss.epss)], [P.epssPercentile, String(finding.epss.percentile)]);
  }
  for (const scanner of scannersOf(finding)) out.push([P.scanner, scanner]);
  finding.evidence.forEach((evidence, index) => {
    const prefix = `${P.evidence}${index}:`;
    out.push([`${prefix}recordId`, evidence.recordId], [`${prefix}ecosystem`, evidence.ecosystem]);
    out.push([`${prefix}comparator`, evidence.comparator], [`${prefix}comparedVersion`, evidence.comparedVersion]);
    if (evidence.fixed) out.push([`${prefix}fixed`, evidence.fixed]);
  });
  // Each scanner's own view when several found it (docs/scanners.md); fixed versions space-separated.
  (finding.variants ?? []).forEach((variant, index) => {
    const prefix = `${P.variant}${index}:`;
    out.push([`${prefix}scanner`, variant.scanner], [`${prefix}id`, variant.id]);
    out.push([`${prefix}severity`, variant.severity?.level ?? 'UNKNOWN']);
    if (variant.fixedVersions.length > 0) out.push([`${prefix}fixedVersions`, variant.fixedVersions.join(' ')]);
  });
  return out;
}

/** Where an id's advisory is published (osv.dev, or xenbits for an XSA id). */
function advisorySource(id: string): Vuln.Source {
  const page = advisoryPage(id);
  return new Vuln.Source({ name: page.publisher, url: page.url });
}
