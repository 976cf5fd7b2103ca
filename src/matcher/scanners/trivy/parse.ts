/**
 * Trivy's JSON report as scanner findings, pure. The package is named by `PkgIdentifier` (Trivy ≥ 0.49) or `PkgRef`
 * (older): both carry the SBOM's bom-ref, which is the purl Lucent wrote. The severity is Trivy's `Severity`, with the
 * CVSS vector of its `SeveritySource` when that source scored it (a distro's rating comes without one), v4.0 before
 * v3.x before v2. `not_affected` entries are no findings.
 */
import type { ScannerFinding } from '../scanner.ts';
import { otherIds, scannerSeverity } from '../scanner-severity.ts';
import { type TrivyVulnerability, trivyReportSchema } from './schema.ts';

/** Parses `trivy sbom --format json` output; throws when it is no Trivy report. */
export function parseTrivyOutput(text: string): ScannerFinding[] {
  const report = trivyReportSchema.parse(JSON.parse(text));
  return (report.Results ?? [])
    .flatMap((result) => result.Vulnerabilities ?? [])
    .filter((vulnerability) => vulnerability.Status !== 'not_affected')
    .map(trivyFinding);
}

function trivyFinding(vulnerability: TrivyVulnerability): ScannerFinding {
  const bomRef = vulnerability.PkgIdentifier?.BOMRef ?? vulnerability.PkgRef;
  const purl = vulnerability.PkgIdentifier?.PURL;
  const source = vulnerability.SeveritySource;
  const summary = vulnerability.Title ?? vulnerability.Description;
  return {
    id: vulnerability.VulnerabilityID,
    aliases: otherIds(vulnerability.VulnerabilityID, vulnerability.VendorIDs ?? []),
    ...(purl ? { purl } : {}),
    ...(bomRef ? { bomRef } : {}),
    packageName: vulnerability.PkgName,
    installedVersion: vulnerability.InstalledVersion,
    fixedVersions: (vulnerability.FixedVersion ?? '')
      .split(',')
      .map((version) => version.trim())
      .filter(Boolean),
    severity: scannerSeverity(
      vulnerability.Severity,
      source ? `trivy:${source}` : 'trivy',
      cvssOf(vulnerability, source),
    ),
    ...(summary ? { summary } : {}),
  };
}

function cvssOf(vulnerability: TrivyVulnerability, source: string | undefined): { score?: number; vector?: string } {
  const scores = vulnerability.CVSS ?? {};
  const entry = scores[source ?? 'nvd'];
  if (!entry) return {};
  if (entry.V40Vector)
    return { vector: entry.V40Vector, ...(entry.V40Score !== undefined ? { score: entry.V40Score } : {}) };
  if (entry.V3Vector)
    return { vector: entry.V3Vector, ...(entry.V3Score !== undefined ? { score: entry.V3Score } : {}) };
  if (entry.V2Vector)
    return { vector: entry.V2Vector, ...(entry.V2Score !== undefined ? { score: entry.V2Score } : {}) };
  return {};
}
