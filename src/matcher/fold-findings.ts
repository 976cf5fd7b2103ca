/**
 * The last step of matching: findings of one package that are the same vulnerability under ids with no CVE become
 * one. Records reach a CVE through different paths: an Ubuntu notice (USN-5614-1) names UBUNTU-CVE-2021-3782 as its
 * upstream, and that record names CVE-2021-3782; a Go record and a GHSA record without a CVE name each other. The
 * matcher keys findings by CVE (one per CVE of a multi-CVE advisory), so such a record first gets a finding under its
 * own id. Here a finding with no CVE id that shares an id (its own or an alias) with findings of the same package:
 *
 * - folds into each of them that has a CVE id (a notice fixing two CVEs adds its evidence to both);
 * - else merges with the others that share an id, under the first id in code-point order (GHSA before GO, PYSEC,
 *   UBUNTU-CVE, USN).
 */
import { versioningScheme } from '../versioning/registry.ts';
import { schemeOf } from './ecosystems.ts';
import type { Finding } from './match.ts';

/** Findings with CVE-less duplicates folded in, in the input order. */
export function foldLinkedFindings(findings: Finding[]): Finding[] {
  const byPackage = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byPackage.get(finding.packagePurl);
    if (group) group.push(finding);
    else byPackage.set(finding.packagePurl, [finding]);
  }
  const dropped = new Set<Finding>();
  for (const group of byPackage.values()) {
    const loose = group.filter((finding) => !isCve(finding.id));
    // Most packages have no CVE-less finding at all, or no other finding to fold it into.
    if (group.length < 2 || loose.length === 0) continue;
    // The package's CVE findings by each of their ids, so a kernel with thousands of CVEs is not scanned per notice.
    const cveFindings = new Map<string, Finding[]>();
    for (const finding of group) {
      if (!isCve(finding.id)) continue;
      for (const id of idsOf(finding)) cveFindings.set(id, [...(cveFindings.get(id) ?? []), finding]);
    }
    for (const finding of loose) {
      const ids = idsOf(finding);
      const targets = [...new Set(ids.flatMap((id) => cveFindings.get(id) ?? []))];
      if (targets.length === 0) continue;
      const claimed = new Set(targets.flatMap(idsOf));
      for (const target of targets) {
        // Aliases another target holds stay with that one (a notice's UBUNTU-CVE-… of its other CVE).
        const own = ids.filter((id) => !claimed.has(id) || idsOf(target).includes(id));
        absorb(target, finding, own);
      }
      dropped.add(finding);
    }
    mergeLoose(
      loose.filter((finding) => !dropped.has(finding)),
      dropped,
    );
  }
  return dropped.size === 0 ? findings : findings.filter((finding) => !dropped.has(finding));
}

/** Merges CVE-less findings that share an id, transitively, into the one with the lowest id. */
function mergeLoose(loose: Finding[], dropped: Set<Finding>): void {
  const groups: Finding[][] = [];
  for (const finding of loose) {
    const ids = idsOf(finding);
    const linked = groups.filter((group) => group.some((other) => idsOf(other).some((id) => ids.includes(id))));
    const merged = [...linked.flat(), finding];
    for (const group of linked) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  for (const group of groups) {
    const [keep, ...rest] = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!keep) continue;
    for (const gone of rest) {
      absorb(keep, gone, idsOf(gone));
      dropped.add(gone);
    }
  }
}

function isCve(id: string): boolean {
  return id.startsWith('CVE-');
}

function idsOf(finding: Finding): string[] {
  return [finding.id, ...finding.aliases];
}

/** Moves `from`'s ids, fixes and evidence into `into`. */
function absorb(into: Finding, from: Finding, ids: string[]): void {
  into.aliases = [...new Set([...into.aliases, ...ids])].filter((id) => id !== into.id).sort();
  into.fixedVersions = sortFixes(into, [...new Set([...into.fixedVersions, ...from.fixedVersions])]);
  for (const evidence of from.evidence) {
    if (!into.evidence.some((known) => known.recordId === evidence.recordId)) into.evidence.push(evidence);
  }
  into.summary ??= from.summary;
}

/** Fixed versions in the order of the finding's versioning scheme (as written when the scheme cannot read one). */
function sortFixes(finding: Finding, fixes: string[]): string[] {
  const name = finding.evidence[0] ? schemeOf(finding.evidence[0].ecosystem) : undefined;
  const scheme = name ? versioningScheme(name) : undefined;
  return fixes.sort((a, b) => {
    if (!scheme) return a < b ? -1 : a > b ? 1 : 0;
    try {
      return scheme.compare(a, b);
    } catch {
      return a < b ? -1 : a > b ? 1 : 0;
    }
  });
}
