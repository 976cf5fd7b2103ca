/** Severities as external scanners name them, as Lucent's levels (the scale KubeClarity and `--fail-on` use). */
import type { FindingSeverity, SeverityLevel } from '../match.ts';

/**
 * Grype writes `Critical`…`Negligible`/`Unknown`, Trivy `CRITICAL`…`UNKNOWN`, Dependency-Track `CRITICAL`…`INFO` and
 * `UNASSIGNED`. INFO means "informational, no real risk", as Debian's `unimportant` does: NEGLIGIBLE.
 */
const LEVELS: Record<string, SeverityLevel> = {
  CRITICAL: 'CRITICAL',
  HIGH: 'HIGH',
  MEDIUM: 'MEDIUM',
  MODERATE: 'MEDIUM',
  LOW: 'LOW',
  NEGLIGIBLE: 'NEGLIGIBLE',
  INFO: 'NEGLIGIBLE',
  UNKNOWN: 'UNKNOWN',
  UNASSIGNED: 'UNKNOWN',
};

/** The level of a scanner's severity name; UNKNOWN for a name it does not know. */
export function levelOfName(name: string | undefined): SeverityLevel {
  return LEVELS[(name ?? '').trim().toUpperCase()] ?? 'UNKNOWN';
}

/** A scanner's rating as a finding severity, with the CVSS vector and score the scanner gave next to it. */
export function scannerSeverity(
  name: string | undefined,
  source: string,
  cvss: { score?: number | undefined; vector?: string | undefined } = {},
): FindingSeverity {
  return {
    level: levelOfName(name),
    ...(cvss.score !== undefined ? { score: cvss.score } : {}),
    ...(cvss.vector ? { vector: cvss.vector } : {}),
    source,
  };
}

/** Ids other than `id`, once each, in their first order. */
export function otherIds(id: string, ids: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const candidate of ids) if (candidate && candidate !== id && !out.includes(candidate)) out.push(candidate);
  return out;
}
