/**
 * What every report format reads from a scan, computed one way for all of them: the report order, a finding's
 * severity level, scanners and package, the advisory URL, EPSS as a percentage and the summary counts.
 */

import { advisoryPage } from '../advisories/advisory-pages.ts';
import type { Package } from '../core/package.ts';
import { type Finding, SEVERITY_LEVELS, type SeverityLevel } from '../matcher/match.ts';
import type { AnalysisResult } from '../pipeline/analyze.ts';
import { type SuppressedFinding, severityRank } from '../policy/policy.ts';

/** The name built-in findings are reported by (the SCANNERS column, SARIF's tool). */
export const BUILTIN_SCANNER = 'lucent';

/** A finding's severity level; UNKNOWN when enrichment gave none. */
export function severityLevel(finding: Finding): SeverityLevel {
  return finding.severity?.level ?? 'UNKNOWN';
}

/** Findings in report order: severity highest first, then package name, then id, then purl (a stable total order). */
export function reportOrder(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(severityLevel(a)) - severityRank(severityLevel(b)) ||
      compareText(a.packageName, b.packageName) ||
      compareText(a.id, b.id) ||
      compareText(a.packagePurl, b.packagePurl),
  );
}

/**
 * The scanners that reported a finding: its `reportedBy` when external scanners ran (the built-in matcher first, then
 * in `--scanners` order, docs/scanners.md); else evidence marked with `reportedBy`, or the built-in matcher.
 */
export function scannersOf(finding: Finding): string[] {
  if (finding.reportedBy && finding.reportedBy.length > 0) return [...new Set(finding.reportedBy)];
  const names = finding.evidence.map(
    (evidence) => (evidence as { reportedBy?: unknown }).reportedBy ?? BUILTIN_SCANNER,
  );
  const strings = names.filter((name): name is string => typeof name === 'string');
  return [...new Set(strings.length > 0 ? strings : [BUILTIN_SCANNER])].sort(compareText);
}

/** The advisory's page: osv.dev for every OSV id and alias (CVE, GHSA, DSA, DLA, …), xenbits for XSA ids. */
export function advisoryUrl(id: string): string {
  return advisoryPage(id).url;
}

/** EPSS probability as a percentage with one decimal (`12.3%`); below 0.1% but not zero, `<0.1%`. */
export function formatEpss(probability: number | undefined): string {
  if (probability === undefined) return '';
  if (probability > 0 && probability < 0.0005) return '<0.1%';
  return `${(probability * 100).toFixed(1)}%`;
}

/** A lookup from purl to the inventory's package. */
export function packageIndex(analysis: AnalysisResult): (purl: string) => Package | undefined {
  const byPurl = new Map<string, Package>();
  for (const pkg of analysis.inventory.packages) if (!byPurl.has(pkg.purl)) byPurl.set(pkg.purl, pkg);
  return (purl) => byPurl.get(purl);
}

/** The purl type (`deb`, `npm`, …), for findings whose package is not in the inventory. */
export function purlType(purl: string): string {
  return /^pkg:([^/]+)\//.exec(purl)?.[1] ?? '';
}

/** Counts for a report's summary. */
export interface ReportSummary {
  total: number;
  bySeverity: Record<SeverityLevel, number>;
  /** Findings with at least one fixed version. */
  fixable: number;
  /** Findings in CISA's Known Exploited Vulnerabilities catalog. */
  kev: number;
}

/** Summary counts of the reported findings. */
export function summarize(findings: readonly Finding[]): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, 0])) as Record<SeverityLevel, number>;
  for (const finding of findings) bySeverity[severityLevel(finding)] += 1;
  return {
    total: findings.length,
    bySeverity,
    fixable: findings.filter((finding) => finding.fixedVersions.length > 0).length,
    kev: findings.filter((finding) => finding.kev).length,
  };
}

/** How many findings were suppressed: the count the caller gave, else the suppressed findings listed. */
export function suppressedCount(input: {
  suppressed?: readonly SuppressedFinding[];
  suppressedCount?: number;
}): number {
  return input.suppressedCount ?? input.suppressed?.length ?? 0;
}

/** The listed suppressed findings in report order. */
export function suppressedInOrder(suppressed: readonly SuppressedFinding[] | undefined): SuppressedFinding[] {
  const order = new Map(
    reportOrder((suppressed ?? []).map((entry) => entry.finding)).map((finding, i) => [finding, i]),
  );
  return [...(suppressed ?? [])].sort((a, b) => (order.get(a.finding) ?? 0) - (order.get(b.finding) ?? 0));
}

/** What suppressed a finding, in a few words: `vex not_affected (vulnerable_code_not_present)`, `ignore-file`. */
export function suppressionLabel(entry: SuppressedFinding): string {
  if (entry.source !== 'vex') return entry.source;
  const status = entry.status ? ` ${entry.status}` : '';
  return `vex${status}${entry.justification ? ` (${entry.justification})` : ''}`;
}

/** Code-point order, the same on every machine (localeCompare depends on the ICU locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
