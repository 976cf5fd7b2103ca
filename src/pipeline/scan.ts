/**
 * `lucent scan`, as named steps after analysis: match the inventory against the advisory DB, enrich the findings
 * (severity, KEV, EPSS). Policy and reports are the caller's (the CLI and the server apply the same policy).
 */
import { type AdvisoryDb, advisoryLookup } from '../advisories/db/queries.ts';
import { advisorySources, enrichFindings } from '../matcher/enrich.ts';
import { type Finding, matchPackages } from '../matcher/match.ts';
import type { AnalysisResult } from './analyze.ts';

/** Finds the known vulnerabilities of an analyzed image or SBOM. */
export function scanAnalysis(analysis: AnalysisResult, db: AdvisoryDb): Finding[] {
  const findings = matchPackages(analysis.inventory.packages, analysis.inventory.os, advisoryLookup(db));
  return enrichFindings(findings, advisorySources(db));
}
