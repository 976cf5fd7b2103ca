/**
 * Enrichment after matching (DESIGN §6), pure: each finding gets a severity from its evidence records (a distro's own
 * rating first for OS packages), else from the other records of the same vulnerability (the CVE's, a GHSA); and its
 * CISA KEV entry and EPSS score, looked up by CVE id.
 */

import { isCvssType, rememberBaseScores } from '../advisories/cvss.ts';
import type { AdvisoryDb } from '../advisories/db/queries.ts';
import {
  aliasesOf,
  cvssScores,
  epssFor,
  epssForMany,
  kevFor,
  kevForMany,
  recordById,
  recordsAliasing,
  recordsAliasingMany,
  recordsByIds,
} from '../advisories/db/queries.ts';
import type { OsvRecord } from '../advisories/osv/schema.ts';
import type { EpssScore, KevEntry } from '../advisories/records.ts';
import type { Finding, FindingSeverity } from './match.ts';
import { higherSeverity, isDistroEcosystem, isDistroRating, severityOfRecord } from './severity.ts';

/** What enrichment reads: the advisory DB, or anything that answers the same questions. */
export interface EnrichmentSources {
  recordById(id: string): OsvRecord | undefined;
  kevFor(cveId: string): KevEntry | undefined;
  epssFor(cveId: string): EpssScore | undefined;
  /** Every id linked to `id` through aliases, transitively (the DB's alias table); optional. */
  aliasesOf?(id: string): string[];
  /**
   * The ids of the records that list `id` among their aliases; optional, and preferred over `aliasesOf`: a related
   * record rates a finding only when it is one of the finding's ids or names the finding's id, and the second kind is
   * exactly this one-way lookup, so the transitive walk finds nothing more (and costs a recursive query per finding).
   */
  recordsAliasing?(id: string): string[];
  /** Told every finding before the questions about them, so a database can answer them in a few queries; optional. */
  prefetch?(findings: readonly Finding[]): void;
}

/**
 * The advisory DB as enrichment's sources. `prefetch` asks the database everything enrichment will ask about the
 * findings (their records, the records aliasing their ids, the stored scores of those records' CVSS vectors, KEV and
 * EPSS of their CVEs) in one query per table; the lookups answer from that, and ask the database only about what was
 * not prefetched.
 */
export function advisorySources(db: AdvisoryDb): EnrichmentSources {
  let records = new Map<string, OsvRecord | undefined>();
  let aliasing = new Map<string, string[]>();
  let kev = new Map<string, KevEntry | undefined>();
  let epss = new Map<string, EpssScore | undefined>();
  const known = <T>(map: Map<string, T>, id: string, lookup: (id: string) => T): T =>
    map.has(id) ? (map.get(id) as T) : lookup(id);
  return {
    prefetch(findings) {
      const ids = new Set<string>();
      for (const finding of findings) {
        for (const id of idsOf(finding)) ids.add(id);
        for (const evidence of finding.evidence) ids.add(evidence.recordId);
      }
      const cves = [...ids].filter(isCve);
      aliasing = recordsAliasingMany(
        db,
        findings.map((finding) => finding.id),
      );
      for (const related of aliasing.values()) for (const id of related) ids.add(id);
      records = recordsByIds(db, ids);
      rememberBaseScores(cvssScores(db, vectorsOf(records.values())));
      kev = kevForMany(db, cves);
      epss = epssForMany(db, cves);
    },
    recordById: (id) => known(records, id, (missing) => recordById(db, missing)),
    kevFor: (cveId) => known(kev, cveId, (missing) => kevFor(db, missing)),
    epssFor: (cveId) => known(epss, cveId, (missing) => epssFor(db, missing)),
    aliasesOf: (id) => aliasesOf(db, id),
    recordsAliasing: (id) => known(aliasing, id, (missing) => recordsAliasing(db, missing)),
  };
}

/** The CVSS vectors of records, on the record and on its affected entries, once each. */
function vectorsOf(records: Iterable<OsvRecord | undefined>): { type: 'CVSS_V3' | 'CVSS_V4'; vector: string }[] {
  const found = new Map<string, { type: 'CVSS_V3' | 'CVSS_V4'; vector: string }>();
  for (const record of records) {
    if (!record) continue;
    const severities = [
      ...(record.severity ?? []),
      ...(record.affected ?? []).flatMap((entry) => entry.severity ?? []),
    ];
    for (const { type, score } of severities) {
      if (isCvssType(type)) found.set(`${type} ${score}`, { type, vector: score });
    }
  }
  return [...found.values()];
}

function idsOf(finding: Finding): string[] {
  return [finding.id, ...finding.aliases];
}

function isCve(id: string): boolean {
  return id.startsWith('CVE-');
}

/** New findings with severity, KEV and EPSS set where the sources know them; the input is left as it is. */
export function enrichFindings(findings: readonly Finding[], sources: EnrichmentSources): Finding[] {
  sources.prefetch?.(findings);
  return findings.map((finding) => {
    const severity = severityOfFinding(finding, sources) ?? finding.severity;
    const cves = idsOf(finding).filter(isCve);
    const kev = firstOf(cves, sources.kevFor) ?? finding.kev;
    const epss = firstOf(cves, sources.epssFor) ?? finding.epss;
    return { ...finding, ...(severity ? { severity } : {}), ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
  });
}

/**
 * The highest severity among the evidence records, each rated for the ecosystem it matched in. For an OS package a
 * distro rating (urgency, Ubuntu priority) wins over any CVSS score. When the evidence rates nothing (or only UNKNOWN,
 * e.g. a DSA without urgency), the other records of the same vulnerability are tried: the CVE's NVD-style record, a
 * GHSA.
 */
function severityOfFinding(finding: Finding, sources: EnrichmentSources): FindingSeverity | undefined {
  let fromEvidence: FindingSeverity | undefined;
  let fromDistro: FindingSeverity | undefined;
  const seen = new Set<string>();
  for (const evidence of finding.evidence) {
    const key = `${evidence.recordId} ${evidence.ecosystem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record = sources.recordById(evidence.recordId);
    const severity = record ? severityOfRecord(record, evidence.ecosystem) : undefined;
    if (!severity) continue;
    fromEvidence = higherSeverity(fromEvidence, severity);
    if (isDistroEcosystem(evidence.ecosystem) && isDistroRating(severity)) {
      fromDistro = higherSeverity(fromDistro, severity);
    }
  }
  if (fromDistro && fromDistro.level !== 'UNKNOWN') return fromDistro;
  if (fromEvidence && fromEvidence.level !== 'UNKNOWN') return fromEvidence;
  const fromRelated = severityOfRelated(finding, sources);
  // An UNKNOWN from the evidence (an urgency `not yet assigned`) still says the distro has looked at it.
  return higherSeverity(fromRelated, fromEvidence);
}

/**
 * The highest severity among the other records of the finding's vulnerability: its id, its aliases, and the records
 * that alias its id. Ids found only through the alias table count only when the record names the finding's id, since
 * the walk crosses multi-CVE distro advisories into other CVEs.
 */
function severityOfRelated(finding: Finding, sources: EnrichmentSources): FindingSeverity | undefined {
  const evidenceIds = new Set(finding.evidence.map((evidence) => evidence.recordId));
  const direct = new Set([finding.id, ...finding.aliases]);
  let best: FindingSeverity | undefined;
  const related = sources.recordsAliasing?.(finding.id) ?? sources.aliasesOf?.(finding.id) ?? [];
  for (const id of new Set([...direct, ...related])) {
    if (evidenceIds.has(id)) continue;
    const record = sources.recordById(id);
    if (!record) continue;
    if (!direct.has(id) && !namesId(record, finding.id)) continue;
    best = higherSeverity(best, severityOfRecord(record));
  }
  return best;
}

/** True when a record lists `id` among its aliases or its upstream advisories (stored alike, write.ts). */
function namesId(record: OsvRecord, id: string): boolean {
  return (record.aliases ?? []).includes(id) || (record.upstream ?? []).includes(id);
}

function firstOf<T>(ids: string[], lookup: (id: string) => T | undefined): T | undefined {
  for (const id of ids) {
    const found = lookup(id);
    if (found) return found;
  }
  return undefined;
}
