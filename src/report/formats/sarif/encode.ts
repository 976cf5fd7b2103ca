/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), shaped for GitHub code scanning
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one rule per vulnerability id, one result per finding. A package has no source line, so a result's location is the
 * file that declared the package (as a relative URI) plus a logical location naming its purl.
 */
import type { Location, Log, ReportingDescriptor, Result, Suppression } from 'sarif';
import { advisoryPage } from '../../../advisories/advisory-pages.ts';
import type { Package } from '../../../core/package.ts';
import type { Finding, SeverityLevel } from '../../../matcher/match.ts';
import type { ScanReportInput, SuppressedFinding } from '../../encode.ts';
import { advisoryUrl, packageIndex, reportOrder, severityLevel, suppressedInOrder } from '../../report-data.ts';

/** The OASIS schema URI of SARIF 2.1.0 (errata 01), written as the log's `$schema`. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF result levels (§3.27.10): GitHub shows error/warning/note as error/warning/note. */
const LEVELS: Record<SeverityLevel, Result.level> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  NEGLIGIBLE: 'note',
  UNKNOWN: 'note',
};

/**
 * GitHub's `security-severity` when no CVSS score is known: a score inside each band GitHub maps back to the level
 * (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9). NEGLIGIBLE and UNKNOWN get none, so GitHub uses `level`.
 */
const LEVEL_SCORES: Partial<Record<SeverityLevel, number>> = { CRITICAL: 9.5, HIGH: 8.0, MEDIUM: 5.5, LOW: 2.0 };

/** Encodes a scan as a SARIF 2.1.0 log with one run. */
export function encodeSarif(input: ScanReportInput): string {
  return `${JSON.stringify(sarifLog(input), null, 2)}\n`;
}

/** The SARIF log as an object. */
export function sarifLog(input: ScanReportInput): Log {
  const packageOf = packageIndex(input.analysis);
  const reported = reportOrder(input.findings);
  const suppressed = suppressedInOrder(input.suppressed);
  const rules = ruleList([...reported, ...suppressed.map((entry) => entry.finding)]);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const resultOf = (finding: Finding, suppression?: SuppressedFinding): Result => ({
    ruleId: finding.id,
    ruleIndex: ruleIndex.get(finding.id) ?? -1,
    level: LEVELS[severityLevel(finding)],
    message: { text: message(finding) },
    locations: [location(finding, packageOf(finding.packagePurl))],
    // GitHub keeps one alert per fingerprint across runs: the vulnerability in this package.
    partialFingerprints: { 'vulnerabilityAndPackage/v1': `${finding.id}:${finding.packagePurl}` },
    ...(suppression ? { suppressions: [sarifSuppression(suppression)] } : {}),
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            semanticVersion: input.tool.version,
            rules,
          },
        },
        results: [
          ...reported.map((finding) => resultOf(finding)),
          ...suppressed.map((entry) => resultOf(entry.finding, entry)),
        ],
        properties: { image: input.analysis.image.name },
      },
    ],
  };
}

/**
 * A suppression (§3.35): `external`, as it is kept outside the scanned files (an ignore file, a VEX document), and
 * `accepted`; the reason as justification, and where it came from in the property bag.
 */
function sarifSuppression(suppression: SuppressedFinding): Suppression {
  const properties: Record<string, string> = { source: suppression.source };
  if (suppression.origin) properties.origin = suppression.origin;
  if (suppression.status) properties.vexStatus = suppression.status;
  if (suppression.justification) properties.vexJustification = suppression.justification;
  return { kind: 'external', status: 'accepted', justification: suppression.reason, properties };
}

/** One rule per vulnerability id, sorted by id; its severity is the highest any finding of it has. */
function ruleList(findings: readonly Finding[]): ReportingDescriptor[] {
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  return [...byId.keys()].sort().map((id) => {
    const group = reportOrder(byId.get(id) ?? []);
    const top = group[0] as Finding;
    const level = severityLevel(top);
    const score = Math.max(...group.map((finding) => finding.severity?.score ?? -1));
    const securitySeverity = score >= 0 ? score : LEVEL_SCORES[level];
    const summary = top.summary ?? id;
    return {
      id,
      name: id,
      shortDescription: { text: `${id}: ${summary}` },
      fullDescription: { text: summary },
      helpUri: advisoryUrl(id),
      help: {
        text: `${summary}. See ${advisoryUrl(id)}`,
        markdown: `**${id}**: ${summary}\n\n[${id} on ${advisoryPage(id).site}](${advisoryUrl(id)})`,
      },
      defaultConfiguration: { level: LEVELS[level] },
      properties: {
        // GitHub reads `security-severity` as a string holding a number from 0.0 to 10.0.
        ...(securitySeverity !== undefined ? { 'security-severity': securitySeverity.toFixed(1) } : {}),
        severity: level,
        ...(top.severity?.vector ? { cvssVector: top.severity.vector } : {}),
        tags: ['security', 'vulnerability', level.toLowerCase()],
      },
    };
  });
}

/** `libc6 2.28-10 is affected by CVE-2021-33574 (CRITICAL); fixed in 2.28-10+deb10u2.` */
function message(finding: Finding): string {
  const fix =
    finding.fixedVersions.length > 0 ? `fixed in ${finding.fixedVersions.join(', ')}` : 'no fixed version is known';
  const kev = finding.kev ? ' It is in CISA KEV.' : '';
  return `${finding.packageName} ${finding.installedVersion} is affected by ${finding.id} (${severityLevel(finding)}); ${fix}.${kev}`;
}

/**
 * The file that declared the package, as a URI relative to the image root (§3.4.3: a relative reference, so no
 * leading slash), at line 1 as Trivy and Grype write it (GitHub places alerts on a line), and the purl as a logical
 * location (§3.33).
 */
function location(finding: Finding, pkg: Package | undefined): Location {
  const path = pkg?.locations[0]?.path ?? finding.evidence.find((evidence) => evidence.location)?.location?.path;
  return {
    ...(path
      ? {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(path.replace(/^\/+/, '')) },
            region: { startLine: 1 },
          },
        }
      : {}),
    logicalLocations: [{ fullyQualifiedName: finding.packagePurl, name: finding.packageName, kind: 'module' }],
  };
}
