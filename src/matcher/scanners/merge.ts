/**
 * Merging the findings of the built-in matcher and external scanners (DESIGN §6), pure. docs/scanners.md has the
 * rule in words:
 * - A scanner's finding is first mapped to an inventory package: by its bom-ref (the scanners' SBOM uses purls as
 *   bom-refs), else by its purl, exactly, canonically, or by the merge key of SBOM merging (`purlMatchKey`). A finding
 *   that maps to no package keeps its own purl and is counted as unmapped.
 * - Two findings of one package are the same vulnerability when the id of one is among the other's ids (id or
 *   alias), or when both name the same CVE. Distro advisory ids (DSA, DLA) never join two CVEs on their own, as one
 *   advisory fixes many CVEs. The built-in matcher's findings are never joined with each other.
 * - The merged finding is reported by every scanner that found it (`reportedBy`, built-in first, then in `--scanners`
 *   order) and keeps each scanner's own id, severity and fixed versions as `variants` when more than one found it.
 * - Its id is the built-in's, else a CVE as the built-in prefers (the first scanner's id that is one, else the first
 *   CVE alias), else the first scanner's id; its aliases are every other id. Its severity is the built-in's unless that is missing or UNKNOWN, else the highest any scanner
 *   gives (ties: the higher CVSS score, then the first scanner). Its fixed versions are the built-in's when the
 *   built-in found it, else those of the first scanner that names any. Its summary is the built-in's, else the first.
 */

import type { EpssScore, KevEntry } from '../../advisories/records.ts';
import type { Package } from '../../core/package.ts';
import { canonicalPurl, purlMatchKey } from '../../sbom/merge.ts';
import type { Finding, FindingSeverity, FindingVariant } from '../match.ts';
import { higherSeverity } from '../severity.ts';
import type { ScannerFinding } from './scanner.ts';

/** The name the built-in matcher reports under (`reportedBy`, the SCANNERS column). */
export const BUILTIN_REPORTER = 'lucent';

/** What one external scanner found. */
export interface ScannerReport {
  scanner: string;
  findings: readonly ScannerFinding[];
}

/** The merged findings, and how many findings of each scanner named no inventory package. */
export interface MergeResult {
  findings: Finding[];
  unmapped: { scanner: string; count: number }[];
}

/** One scanner's view of a vulnerability in a package. */
interface Member {
  scanner: string;
  id: string;
  aliases: string[];
  fixedVersions: string[];
  severity?: FindingSeverity;
  summary?: string;
  packageName: string;
  installedVersion: string;
  /** The built-in finding itself, with its evidence, KEV and EPSS. */
  builtin?: Finding;
}

interface Group {
  purl: string;
  pkg?: Package;
  members: Member[];
}

/** Merges the built-in findings (if the built-in matcher ran) with every external scanner's. */
export function mergeScannerFindings(
  builtin: readonly Finding[] | undefined,
  reports: readonly ScannerReport[],
  packages: readonly Package[],
): MergeResult {
  const resolve = packageResolver(packages);
  const groups: Group[] = [];
  const byPurl = new Map<string, Group[]>();
  const add = (group: Group) => {
    groups.push(group);
    byPurl.set(group.purl, [...(byPurl.get(group.purl) ?? []), group]);
  };
  for (const finding of builtin ?? []) {
    const pkg = resolve({ purl: finding.packagePurl });
    add({ purl: finding.packagePurl, ...(pkg ? { pkg } : {}), members: [builtinMember(finding)] });
  }
  const unmapped: MergeResult['unmapped'] = [];
  for (const report of reports) {
    let misses = 0;
    for (const finding of report.findings) {
      const pkg = resolve(finding);
      const purl = pkg?.purl ?? reportedPurl(finding);
      if (!pkg) misses += 1;
      if (!purl) continue;
      const member = scannerMember(report.scanner, finding);
      const group = (byPurl.get(purl) ?? []).find((candidate) =>
        candidate.members.some((m) => sameVulnerability(m, member)),
      );
      if (!group) {
        add({ purl, ...(pkg ? { pkg } : {}), members: [member] });
        continue;
      }
      const same = group.members.find((known) => known.scanner === report.scanner && !known.builtin);
      if (same) absorb(same, member);
      else group.members.push(member);
    }
    if (misses > 0) unmapped.push({ scanner: report.scanner, count: misses });
  }
  const findings = groups
    .map(mergedFinding)
    .sort((a, b) => compareText(a.packageName, b.packageName) || compareText(a.id, b.id));
  return { findings, unmapped };
}

/** Adds CISA KEV and EPSS data by CVE to findings that have none (those only external scanners found). */
export function addExploitData(
  findings: readonly Finding[],
  sources: { kevFor(cveId: string): KevEntry | undefined; epssFor(cveId: string): EpssScore | undefined },
): Finding[] {
  return findings.map((finding) => {
    const cves = [finding.id, ...finding.aliases].filter((id) => id.startsWith('CVE-'));
    const kev = finding.kev ?? firstOf(cves, sources.kevFor);
    const epss = finding.epss ?? firstOf(cves, sources.epssFor);
    return { ...finding, ...(kev ? { kev } : {}), ...(epss ? { epss } : {}) };
  });
}

function builtinMember(finding: Finding): Member {
  return {
    scanner: BUILTIN_REPORTER,
    id: finding.id,
    aliases: [...finding.aliases],
    fixedVersions: [...finding.fixedVersions],
    ...(finding.severity ? { severity: finding.severity } : {}),
    ...(finding.summary ? { summary: finding.summary } : {}),
    packageName: finding.packageName,
    installedVersion: finding.installedVersion,
    builtin: finding,
  };
}

function scannerMember(scanner: string, finding: ScannerFinding): Member {
  return {
    scanner,
    id: finding.id,
    aliases: [...finding.aliases],
    fixedVersions: [...finding.fixedVersions],
    ...(finding.severity ? { severity: finding.severity } : {}),
    ...(finding.summary ? { summary: finding.summary } : {}),
    packageName: finding.packageName,
    installedVersion: finding.installedVersion,
  };
}

/** One scanner reported the same vulnerability twice (a GHSA and its CVE): one view with both ids. */
function absorb(into: Member, other: Member): void {
  into.aliases = [...new Set([...into.aliases, other.id, ...other.aliases])].filter((id) => id !== into.id);
  into.fixedVersions = [...new Set([...into.fixedVersions, ...other.fixedVersions])];
  const severity = higherSeverity(into.severity, other.severity);
  if (severity) into.severity = severity;
  into.summary ??= other.summary;
}

function sameVulnerability(a: Member, b: Member): boolean {
  const idsA = new Set([a.id, ...a.aliases]);
  const idsB = new Set([b.id, ...b.aliases]);
  if (idsA.has(b.id) || idsB.has(a.id)) return true;
  for (const id of idsA) if (id.startsWith('CVE-') && idsB.has(id)) return true;
  return false;
}

function mergedFinding(group: Group): Finding {
  const { members } = group;
  const builtin = members.find((member) => member.builtin)?.builtin;
  const first = members[0] as Member;
  const id =
    builtin?.id ??
    members.find((member) => member.id.startsWith('CVE-'))?.id ??
    members.flatMap((member) => member.aliases).find((alias) => alias.startsWith('CVE-')) ??
    first.id;
  const aliases = [...new Set(members.flatMap((member) => [member.id, ...member.aliases]))]
    .filter((alias) => alias !== id)
    .sort(compareText);
  const severity =
    builtin?.severity && builtin.severity.level !== 'UNKNOWN'
      ? builtin.severity
      : members.reduce<FindingSeverity | undefined>((best, member) => higherSeverity(best, member.severity), undefined);
  const fixedVersions = builtin
    ? builtin.fixedVersions
    : (members.find((member) => member.fixedVersions.length > 0)?.fixedVersions ?? []);
  const summary = builtin?.summary ?? members.find((member) => member.summary)?.summary;
  const base: Finding = builtin ?? {
    id,
    aliases,
    packagePurl: group.purl,
    packageName: group.pkg?.name ?? first.packageName,
    installedVersion: group.pkg?.version ?? first.installedVersion,
    fixedVersions,
    evidence: [],
  };
  const variants: FindingVariant[] = members.map((member) => ({
    scanner: member.scanner,
    id: member.id,
    ...(member.severity ? { severity: member.severity } : {}),
    fixedVersions: member.fixedVersions,
  }));
  return {
    ...base,
    id,
    aliases,
    fixedVersions: [...fixedVersions],
    ...(severity ? { severity } : {}),
    ...(summary ? { summary } : {}),
    reportedBy: [...new Set(members.map((member) => member.scanner))],
    ...(members.length > 1 ? { variants } : {}),
  };
}

/** Finds the inventory package a scanner's finding names. */
function packageResolver(
  packages: readonly Package[],
): (finding: Pick<ScannerFinding, 'purl' | 'bomRef'>) => Package | undefined {
  const exact = new Map<string, Package>();
  const byKey = new Map<string, Package[]>();
  for (const pkg of packages) {
    for (const purl of [pkg.purl, canonicalPurl(pkg.purl)]) if (!exact.has(purl)) exact.set(purl, pkg);
    const key = purlMatchKey(pkg.purl)?.key;
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), pkg]);
  }
  return (finding) => {
    // bom-refs of repeated purls carry `|<n>` (build-bom.ts); the purl before it names the package.
    for (const ref of [finding.bomRef?.replace(/\|\d+$/, ''), finding.purl]) {
      if (!ref) continue;
      const found = exact.get(ref) ?? exact.get(canonicalPurl(ref));
      if (found) return found;
      const match = purlMatchKey(ref);
      const candidates = match ? (byKey.get(match.key) ?? []) : [];
      const byArch = match?.arch ? candidates.filter((pkg) => pkg.qualifiers?.arch === match.arch) : candidates;
      if (byArch.length === 1) return byArch[0];
    }
    return undefined;
  };
}

/** The purl an unmapped finding keeps: its own, canonical; undefined when it names none. */
function reportedPurl(finding: ScannerFinding): string | undefined {
  const purl = finding.purl ?? finding.bomRef;
  return purl?.startsWith('pkg:') ? canonicalPurl(purl) : undefined;
}

function firstOf<T>(ids: string[], lookup: (id: string) => T | undefined): T | undefined {
  for (const id of ids) {
    const found = lookup(id);
    if (found) return found;
  }
  return undefined;
}

/** Code-point order, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
