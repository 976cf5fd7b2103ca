/**
 * The severity of one advisory record (DESIGN §6): the CVSS v4 vector, else the v3.x vector, scored with
 * ae-cvss-calculator, else the feed's own rating. For a package of a distro ecosystem the distro's own rating (Debian
 * urgency, Ubuntu priority) comes first, as the distro has judged the issue for the package it ships. An invalid or
 * partial vector is never fatal: it is skipped and the next source is tried.
 */
import { cvssBaseScore } from '../advisories/cvss.ts';
import type { OsvAffected, OsvRecord } from '../advisories/osv/schema.ts';
import { type FindingSeverity, SEVERITY_LEVELS, type SeverityLevel } from './match.ts';

/** Scoring lives with the advisory DB, which stores the score of every vector it imports (advisories/cvss.ts). */
export { cvssBaseScore };

/** Whether an OSV ecosystem is a distro release (`Debian:12`, `Alpine:v3.18`, `Ubuntu:22.04:LTS`). */
export function isDistroEcosystem(ecosystem: string): boolean {
  return /^(?:Debian|Alpine|Ubuntu):/.test(ecosystem);
}

/** The level of a CVSS score: the qualitative rating scale of CVSS v3.1 §5 and v4.0 §6 ("None" is NEGLIGIBLE). */
export function levelOfScore(score: number): SeverityLevel {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'NEGLIGIBLE';
}

/** Which of two severities is higher: by level, then by CVSS score; ties keep the first. */
export function higherSeverity(
  a: FindingSeverity | undefined,
  b: FindingSeverity | undefined,
): FindingSeverity | undefined {
  if (!a) return b;
  if (!b) return a;
  const rank = SEVERITY_LEVELS.indexOf(a.level) - SEVERITY_LEVELS.indexOf(b.level);
  if (rank !== 0) return rank < 0 ? a : b;
  return (b.score ?? -1) > (a.score ?? -1) ? b : a;
}

/**
 * The severity of `record` for a package of `packageEcosystem` (when known), with its source; undefined when the record
 * rates nothing.
 */
export function severityOfRecord(record: OsvRecord, packageEcosystem?: string): FindingSeverity | undefined {
  const entries = (record.affected ?? []).filter(
    (entry) => packageEcosystem === undefined || entry.package?.ecosystem === packageEcosystem,
  );
  const distro = distroRating(record, entries);
  if (packageEcosystem && isDistroEcosystem(packageEcosystem) && distro && distro.level !== 'UNKNOWN') return distro;
  return (
    cvssSeverity(record, entries, 'CVSS_V4') ?? cvssSeverity(record, entries, 'CVSS_V3') ?? distro ?? ghsaRating(record)
  );
}

/** The best-scoring valid vector of one type, from the record and from the package's affected entries. */
function cvssSeverity(record: OsvRecord, entries: OsvAffected[], type: 'CVSS_V3' | 'CVSS_V4') {
  // OSV puts severity on the record or on an affected entry (https://ossf.github.io/osv-schema/#severity-field).
  const vectors = [...(record.severity ?? []), ...entries.flatMap((entry) => entry.severity ?? [])]
    .filter((severity) => severity.type === type)
    .map((severity) => severity.score);
  let best: FindingSeverity | undefined;
  for (const vector of new Set(vectors)) {
    const score = cvssBaseScore(vector, type);
    if (score === undefined) continue;
    best = higherSeverity(best, {
      level: levelOfScore(score),
      score,
      vector,
      source: `${type} vector of ${record.id}`,
    });
  }
  return best;
}

const URGENCY_SOURCE = 'urgency of ';
const UBUNTU_SOURCE = 'Ubuntu priority of ';

/** Whether a severity is a distro's own rating (a Debian urgency, an Ubuntu priority) rather than CVSS or GHSA's. */
export function isDistroRating(severity: FindingSeverity): boolean {
  return severity.source.startsWith(URGENCY_SOURCE) || severity.source.startsWith(UBUNTU_SOURCE);
}

/**
 * Debian tracker urgencies (https://security-team.debian.org/security_tracker.html, "Severity levels"). The tracker
 * appends `*` or `**` to an urgency as a marker (`*`: no DSA is planned) without changing the level, so `low**` is
 * LOW, as Trivy and Clair read it. `unimportant` is NEGLIGIBLE, as Grype and Clair read it (Trivy says LOW).
 * `not yet assigned` and `end-of-life` rate nothing: UNKNOWN, so a CVSS vector of another record of the CVE is used.
 */
const DEBIAN_URGENCY: Readonly<Record<string, SeverityLevel>> = {
  unimportant: 'NEGLIGIBLE',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
};

/** The level of a Debian urgency, with its `*` markers removed; UNKNOWN for anything else. */
export function levelOfUrgency(urgency: string): SeverityLevel {
  return DEBIAN_URGENCY[urgency.trim().replace(/\*+$/, '')] ?? 'UNKNOWN';
}

/** Ubuntu CVE priorities (https://ubuntu.com/security/cves/about#priority), OSV severity type `Ubuntu`. */
const UBUNTU_PRIORITY: Readonly<Record<string, SeverityLevel>> = {
  negligible: 'NEGLIGIBLE',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
};

/** The distro's own rating: the highest urgency of the package's entries, or the Ubuntu priority. */
function distroRating(record: OsvRecord, entries: OsvAffected[]): FindingSeverity | undefined {
  let best: FindingSeverity | undefined;
  for (const entry of entries) {
    const urgency = entry.database_specific?.urgency;
    if (typeof urgency !== 'string') continue;
    // `not yet assigned`, `end-of-life` and anything new rate nothing yet.
    const level = levelOfUrgency(urgency);
    best = higherSeverity(best, { level, source: `${URGENCY_SOURCE}${record.id}` });
  }
  for (const severity of record.severity ?? []) {
    if (severity.type !== 'Ubuntu') continue;
    const level = UBUNTU_PRIORITY[severity.score.toLowerCase()] ?? 'UNKNOWN';
    best = higherSeverity(best, { level, source: `${UBUNTU_SOURCE}${record.id}` });
  }
  return best;
}

/** GitHub's advisory severities (https://docs.github.com/en/code-security/security-advisories). */
const GHSA_SEVERITY: Readonly<Record<string, SeverityLevel>> = {
  CRITICAL: 'CRITICAL',
  HIGH: 'HIGH',
  MODERATE: 'MEDIUM',
  LOW: 'LOW',
};

/** The `database_specific.severity` that GHSA records carry. */
function ghsaRating(record: OsvRecord): FindingSeverity | undefined {
  const rating = record.database_specific?.severity;
  if (typeof rating !== 'string') return undefined;
  return { level: GHSA_SEVERITY[rating.toUpperCase()] ?? 'UNKNOWN', source: `severity of ${record.id}` };
}
