/**
 * `lucent scan`, as named steps after analysis: match the inventory against the advisory DB, enrich the findings
 * (severity, KEV, EPSS); with external scanners (docs/scanners.md), run them in parallel on the inventory's SBOM and
 * merge their findings in. Policy and reports are the caller's (the CLI and the server apply the same policy).
 */
import { type AdvisoryDb, advisoryLookup } from '../advisories/db/queries.ts';
import { LucentError } from '../core/errors.ts';
import { advisorySources, enrichFindings } from '../matcher/enrich.ts';
import { type Finding, matchPackages } from '../matcher/match.ts';
import type { ScannerOutcome } from '../matcher/scanners/run-scanners.ts';
import type { ScannerContext, VulnerabilityScanner } from '../matcher/scanners/scanner.ts';
import type { AnalysisResult } from './analyze.ts';

/** Finds the known vulnerabilities of an analyzed image or SBOM. */
export function scanAnalysis(analysis: AnalysisResult, db: AdvisoryDb): Finding[] {
  const findings = matchPackages(analysis.inventory.packages, analysis.inventory.os, advisoryLookup(db));
  return enrichFindings(findings, advisorySources(db));
}

/** Which scanners run: the built-in matcher (when a DB is given) and external ones. */
export interface ScannerSelection {
  /** The advisory DB of the built-in matcher; absent when `--scanners` leaves `builtin` out. */
  db?: AdvisoryDb;
  scanners: readonly VulnerabilityScanner[];
  context: ScannerContext;
  tool: { name: string; version: string };
}

/** Findings, and warnings for scanners that could not run or whose findings named unknown packages. */
export interface ScanResult {
  findings: Finding[];
  warnings: string[];
}

/**
 * Finds the known vulnerabilities with the built-in matcher and external scanners at once, and merges the findings
 * by (id or alias, package). A scanner that fails is a warning; when every chosen one failed, it is an error.
 */
export async function scanWithScanners(analysis: AnalysisResult, selection: ScannerSelection): Promise<ScanResult> {
  const { db, scanners, context } = selection;
  if (scanners.length === 0) return { findings: db ? scanAnalysis(analysis, db) : [], warnings: [] };
  // Loaded only when external scanners run: the SBOM encoder is a large part of start-up time.
  const { writeScannerSbom } = await import('../matcher/scanners/scanner-sbom.ts');
  const { runScanners } = await import('../matcher/scanners/run-scanners.ts');
  const { mergeScannerFindings, addExploitData } = await import('../matcher/scanners/merge.ts');
  const sbom = await writeScannerSbom(analysis, selection.tool);
  try {
    const running = runScanners(scanners, sbom, context);
    // The built-in matcher runs while the external scanners do (their processes and HTTP calls are under way).
    await running.started;
    const builtin = db ? scanAnalysis(analysis, db) : undefined;
    const outcomes = await running.outcomes;
    failWhenAllFailed(builtin, outcomes);
    const reports = outcomes.flatMap((outcome) => ('findings' in outcome ? [outcome] : []));
    const merged = mergeScannerFindings(builtin, reports, analysis.inventory.packages);
    const findings = db ? addExploitData(merged.findings, advisorySources(db)) : merged.findings;
    return { findings, warnings: scannerWarnings(outcomes, merged.unmapped) };
  } finally {
    await sbom.dispose();
  }
}

function failWhenAllFailed(builtin: Finding[] | undefined, outcomes: readonly ScannerOutcome[]): void {
  if (builtin || outcomes.some((outcome) => 'findings' in outcome)) return;
  const reasons = outcomes.map((outcome) => ('failure' in outcome ? `${outcome.scanner}: ${outcome.failure}` : ''));
  throw new LucentError('E_SCANNERS_FAILED', `every vulnerability scanner failed: ${reasons.join('; ')}`, {
    hint: 'install or configure the scanners (docs/scanners.md), or include the built-in one (--scanners builtin,…)',
  });
}

function scannerWarnings(
  outcomes: readonly ScannerOutcome[],
  unmapped: readonly { scanner: string; count: number }[],
): string[] {
  return [
    ...outcomes.flatMap((outcome) =>
      'failure' in outcome ? [`scanner ${outcome.scanner} skipped: ${outcome.failure}`] : [],
    ),
    ...unmapped.map(
      ({ scanner, count }) => `scanner ${scanner} reported ${count} finding(s) for packages that are not in the SBOM`,
    ),
  ];
}
