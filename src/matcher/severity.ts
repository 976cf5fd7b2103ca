/**
 * The severity of one advisory record (DESIGN §6): the CVSS v4 vector, else the v3.x vector, scored with
 * ae-cvss-calculator, else the feed's own rating. For a package of a distro ecosystem the distro's own rating (Debian
 * urgency, Ubuntu priority) comes first, as the distro has judged the issue for the package it ships. An invalid or
 * partial vector is never fatal: it is skipped and the next source is tried.
 */
import cvssCalculator from 'ae-cvss-calculator';
import type { OsvAffected, OsvRecord } from '../advisories/osv/schema.ts';
import { type FindingSeverity, SEVERITY_LEVELS, type SeverityLevel } from './match.ts';

// The package is CommonJS (a webpack bundle): Node's ESM loader gives only its default export.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

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

/** The prefixes each OSV severity type allows (CVSS v3.1 §6 and v4.0 §7, "Vector String"). */
const PREFIXES = { CVSS_V3: ['CVSS:3.0', 'CVSS:3.1'], CVSS_V4: ['CVSS:4.0'] } as const;

/**
 * The CVSS base score of a vector, or undefined when it is not a complete, well-formed vector of that type. The library
 * is lenient (it accepts a missing or wrong prefix, repeated metrics and missing base metrics), so those checks are
 * made here; metric order is not checked, as feeds publish reordered vectors that are otherwise valid.
 */
export function cvssBaseScore(vector: string, type: 'CVSS_V3' | 'CVSS_V4'): number | undefined {
  // Memoised: the same vectors come up for many findings, and the calculator is the costliest step of enrichment.
  const key = `${type} ${vector}`;
  if (baseScores.has(key)) return baseScores.get(key);
  if (baseScores.size >= 10_000) baseScores.clear();
  const score = computeBaseScore(vector, type);
  baseScores.set(key, score);
  return score;
}

const baseScores = new Map<string, number | undefined>();

function computeBaseScore(vector: string, type: 'CVSS_V3' | 'CVSS_V4'): number | undefined {
  const [prefix, ...metrics] = vector.trim().split('/');
  if (!prefix || !(PREFIXES[type] as readonly string[]).includes(prefix)) return undefined;
  const names = metrics.map((metric) => metric.split(':')[0]);
  if (new Set(names).size !== names.length) return undefined;
  try {
    const cvss =
      prefix === 'CVSS:4.0' ? new Cvss4P0(vector) : prefix === 'CVSS:3.0' ? new Cvss3P0(vector) : new Cvss3P1(vector);
    if (!cvss.isBaseFullyDefined()) return undefined;
    const scores = cvss.calculateScores();
    // The base score alone (CVSS-B in v4): threat/temporal and environmental metrics describe someone's context.
    const score = 'baseMetricsOnly' in scores ? scores.baseMetricsOnly : scores.base;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
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
