/**
 * The matcher (DESIGN §6), pure: packages + advisory lookups + versioning → findings with evidence. Each package is
 * looked up by its ecosystem and (source) name, every record's affected entries for that package are evaluated with
 * the ecosystem's versioning scheme, withdrawn records are skipped, and a vulnerability reported by several records
 * (a CVE, its GHSA and its DSA) becomes one finding per package, keyed by its preferred id (the CVE when there is one);
 * a distro advisory that fixes several CVEs gives one finding per CVE.
 */

import type { OsvRecord } from '../advisories/osv/schema.ts';
import type { EpssScore, KevEntry } from '../advisories/records.ts';
import type { OsInfo, Package } from '../core/package.ts';
import { versioningScheme } from '../versioning/registry.ts';
import { type AffectedEvidence, evaluateAffected } from './affected.ts';
import { ecosystemsOf, lookupName, lookupVersion, schemeOf } from './ecosystems.ts';
import { foldLinkedFindings } from './fold-findings.ts';

/** Where advisories come from: the advisory DB, or anything that can answer the same question. */
export interface AdvisoryLookup {
  /** Records with an affected entry for this package name in this ecosystem (names as OSV writes them). */
  recordsFor(ecosystem: string, name: string): OsvRecord[];
  /** Told every package the matcher will ask about, before it asks, so a database can fetch them in one query. */
  prefetch?(packages: readonly { ecosystem: string; name: string }[]): void;
}

/** Why a package was matched: the record, the range, the comparator, and where the package was found. */
export interface FindingEvidence extends AffectedEvidence {
  recordId: string;
  ecosystem: string;
  /** The version that was compared (the source version for OS packages). */
  comparedVersion: string;
  location?: Package['locations'][number];
}

/** One vulnerability in one package. */
export interface Finding {
  /** The preferred id: the CVE when the records name one, else the first record's id. */
  id: string;
  /** Every other id the records give (GHSA, PYSEC, DSA, …), sorted. */
  aliases: string[];
  packagePurl: string;
  packageName: string;
  installedVersion: string;
  /** Versions that fix it, ascending; empty when there is no fix. */
  fixedVersions: string[];
  summary?: string;
  /** Evidence from every record that matched. */
  evidence: FindingEvidence[];
  /** Set by enrichment (severity from CVSS or the feed; KEV; EPSS), after matching. */
  severity?: FindingSeverity;
  kev?: KevEntry;
  epss?: EpssScore;
  /**
   * Set when external scanners ran (src/matcher/scanners/merge.ts): the scanners that found it, `lucent` (the
   * built-in matcher) first, then in `--scanners` order.
   */
  reportedBy?: string[];
  /** Each scanner's own id, severity and fixed versions, when more than one scanner found it. */
  variants?: FindingVariant[];
}

/** One scanner's view of a finding that several scanners reported (DESIGN §6: disagreements are kept). */
export interface FindingVariant {
  scanner: string;
  /** The id this scanner used (a scanner may report the GHSA where another reports the CVE). */
  id: string;
  severity?: FindingSeverity;
  fixedVersions: string[];
}

/** Severity levels, highest first, as KubeClarity and the CLI's --fail-on name them. */
export const SEVERITY_LEVELS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'] as const;

/** A severity level. */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** A finding's severity and where it came from. */
export interface FindingSeverity {
  level: SeverityLevel;
  /** CVSS base score, when a vector gave it. */
  score?: number;
  /** The CVSS vector string, e.g. `CVSS:3.1/AV:N/AC:L/…`. */
  vector?: string;
  /** Which record (and which field) the severity came from. */
  source: string;
}

/** Matches packages against advisories. */
export function matchPackages(packages: readonly Package[], os: OsInfo | undefined, lookup: AdvisoryLookup): Finding[] {
  const findings = new Map<string, Finding>();
  lookup.prefetch?.(
    packages.flatMap((pkg) => ecosystemsOf(pkg, os).map((ecosystem) => ({ ecosystem, name: lookupName(pkg) }))),
  );
  // An Ubuntu package is looked up in two ecosystems (its release and the Ubuntu Pro one, ecosystems.ts).
  for (const [pkg, ecosystem] of packages.flatMap((pkg) => ecosystemsOf(pkg, os).map((eco) => [pkg, eco] as const))) {
    const schemeName = schemeOf(ecosystem);
    const scheme = schemeName ? versioningScheme(schemeName) : undefined;
    if (!scheme) continue;
    const name = lookupName(pkg);
    const version = lookupVersion(pkg);
    for (const record of lookup.recordsFor(ecosystem, name)) {
      if (record.withdrawn) continue;
      for (const entry of record.affected ?? []) {
        if (entry.package?.ecosystem !== ecosystem || !sameName(entry.package.name, name, ecosystem)) continue;
        const verdict = evaluateAffected(entry, version, scheme);
        if (!verdict.affected || !verdict.evidence) continue;
        // `upstream` (OSV 1.6) is how distro records name the CVE they are about (UBUNTU-CVE-2021-3782 → CVE-2021-3782).
        const ids = [record.id, ...(record.aliases ?? []), ...(record.upstream ?? [])];
        const evidence: FindingEvidence = {
          ...verdict.evidence,
          recordId: record.id,
          ecosystem,
          comparedVersion: version,
          ...(pkg.locations[0] ? { location: pkg.locations[0] } : {}),
        };
        // A distro advisory (DSA, DLA, secdb) fixing several CVEs is one finding per CVE, as users track them.
        const cves = [...new Set(ids.filter((candidate) => candidate.startsWith('CVE-')))];
        for (const id of cves.length > 0 ? cves : [publicIdOf(record)]) {
          const key = `${id} ${pkg.purl}`;
          const aliases = ids.filter((alias) => alias !== id && !(cves.length > 1 && alias.startsWith('CVE-')));
          const existing = findings.get(key);
          if (existing) {
            mergeFinding(existing, aliases, verdict.fixedVersions, evidence, scheme.compare);
            continue;
          }
          findings.set(key, {
            id,
            aliases: [...new Set(aliases)].sort(),
            packagePurl: pkg.purl,
            packageName: pkg.name,
            installedVersion: pkg.version,
            fixedVersions: verdict.fixedVersions,
            ...(record.summary ? { summary: record.summary } : {}),
            evidence: [evidence],
          });
        }
      }
    }
  }
  return foldLinkedFindings([...findings.values()]).sort(
    (a, b) => a.packageName.localeCompare(b.packageName) || a.id.localeCompare(b.id),
  );
}

function mergeFinding(
  finding: Finding,
  aliases: string[],
  fixes: string[],
  evidence: FindingEvidence,
  compare: (a: string, b: string) => number,
): void {
  finding.aliases = [...new Set([...finding.aliases, ...aliases.filter((alias) => alias !== finding.id)])].sort();
  finding.fixedVersions = [...new Set([...finding.fixedVersions, ...fixes])].sort((a, b) => safeCompare(compare, a, b));
  if (!finding.evidence.some((known) => known.recordId === evidence.recordId)) finding.evidence.push(evidence);
}

function safeCompare(compare: (a: string, b: string) => number, a: string, b: string): number {
  try {
    return compare(a, b);
  } catch {
    return a.localeCompare(b);
  }
}

/**
 * The id users know a CVE-less record by. Lucent's secdb records carry a per-file id (`ALPINE-v3.11-main-XSA-207`,
 * why: the secdb importer's parse.ts) that no one else uses; the vulnerability's public id is their one alias
 * (`XSA-207`, `ZBX-11023`). Every other feed's record id is public.
 */
function publicIdOf(record: OsvRecord): string {
  const source = record.database_specific?.source;
  return (source === 'alpine-secdb' && record.aliases?.[0]) || record.id;
}

/** PyPI names compare by PEP 503 normal form; other ecosystems by exact name. */
function sameName(recordName: string, name: string, ecosystem: string): boolean {
  if (ecosystem === 'PyPI') return pep503(recordName) === pep503(name);
  return recordName === name;
}

function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
