/**
 * Test oracle for OSV records, written apart from Lucent's importer and matcher: it reads the record files with
 * `JSON.parse` and decides "affected" with its own rule per ecosystem, then groups the matching records into findings
 * by the rule Lucent documents (docs/reports.md, "Finding"): one finding per package and CVE (a record naming several
 * CVEs gives one per CVE), or per record id when the records name no CVE.
 *
 * - Go (`goAffected`): OSV's SEMVER range evaluation (https://ossf.github.io/osv-schema/#evaluation) with the `semver`
 *   npm package. Go module versions are semantic versions with a `v` prefix (https://go.dev/ref/mod#versions); the
 *   prefix is dropped, and `+incompatible` is build metadata, which semver ignores in comparisons as Go does.
 *   Pseudo-versions (`v0.0.0-20201216223049-8b5274cf687f`) are pre-releases in semver's reading, as in Go's.
 * - PyPI (`listedIn`): membership in the record's explicit `versions` list, nothing else.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/** The parts of an OSV record the oracle reads. */
export interface OracleRecord {
  id: string;
  aliases?: string[];
  withdrawn?: string;
  affected?: {
    package?: { ecosystem: string; name: string };
    ranges?: { type: string; events: Record<string, string>[] }[];
    versions?: string[];
  }[];
}

type Entry = NonNullable<OracleRecord['affected']>[number];

/** Every record in the folders, parsed; withdrawn ones included (the oracle drops them itself). */
export function readRecords(...dirs: string[]): OracleRecord[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as OracleRecord),
  );
}

/** A package the oracle looks up: its OSV ecosystem, the name as the feed writes it, and its version. */
export interface OraclePackage {
  ecosystem: string;
  name: string;
  version: string;
}

/** Whether a version is affected, and the fix of the interval it falls in (if that interval is closed by a fix). */
export type AffectedRule = (entry: Entry, version: string) => { affected: boolean; fixed?: string };

/** One expected finding: `name version id fixed1,fixed2 record1,record2`, sorted fields. */
export function expectedFindings(
  records: OracleRecord[],
  packages: OraclePackage[],
  rule: AffectedRule,
  nameKey: (name: string) => string = (name) => name,
): string[] {
  // Entries indexed by ecosystem and name key, so each package reads only its own.
  const index = new Map<string, { record: OracleRecord; entry: Entry }[]>();
  for (const record of records) {
    if (record.withdrawn) continue;
    for (const entry of record.affected ?? []) {
      if (!entry.package) continue;
      const key = `${entry.package.ecosystem} ${nameKey(entry.package.name)}`;
      index.set(key, [...(index.get(key) ?? []), { record, entry }]);
    }
  }
  const findings = new Map<string, { fixed: Set<string>; records: Set<string> }>();
  for (const pkg of packages) {
    for (const { record, entry } of index.get(`${pkg.ecosystem} ${nameKey(pkg.name)}`) ?? []) {
      const verdict = rule(entry, pkg.version);
      if (!verdict.affected) continue;
      const ids = [record.id, ...(record.aliases ?? [])];
      const cves = [...new Set(ids.filter((id) => id.startsWith('CVE-')))];
      for (const id of cves.length > 0 ? cves : [record.id]) {
        const key = `${pkg.name} ${pkg.version} ${id}`;
        const finding = findings.get(key) ?? { fixed: new Set<string>(), records: new Set<string>() };
        if (verdict.fixed) finding.fixed.add(verdict.fixed);
        finding.records.add(record.id);
        findings.set(key, finding);
      }
    }
  }
  return [...findings]
    .map(([key, { fixed, records }]) => `${key} ${[...fixed].sort().join(',')} ${[...records].sort().join(',')}`)
    .sort();
}

/** A Go module version as a semantic version: `v1.2.3+incompatible` → `1.2.3+incompatible`. */
function goSemver(version: string): string {
  const bare = version.replace(/^v/, '');
  if (bare === '0') return '0.0.0-0'; // OSV's "0": below every version, pseudo-versions of v0.0.0 included
  if (!semver.valid(bare)) throw new Error(`not a semantic version: ${version}`);
  return bare;
}

/**
 * OSV range evaluation for Go (SEMVER ranges): events in version order (`introduced: "0"` first); a version is
 * affected when the last event at or below it is an `introduced` (a `fixed` at or below it closes the interval, a
 * `last_affected` below it too). The fix reported is the `fixed` event that closes the version's interval.
 */
export const goAffected: AffectedRule = (entry, version) => {
  const installed = goSemver(version);
  for (const range of entry.ranges ?? []) {
    if (range.type !== 'SEMVER') continue;
    const events = range.events
      .map((event) => {
        const [kind = '', value = ''] = Object.entries(event)[0] ?? [];
        return { kind, value, order: goSemver(value) };
      })
      .filter((event) => event.kind !== 'limit')
      .sort((a, b) => semver.compare(a.order, b.order));
    const after = (event: { order: string }) => semver.compare(installed, event.order) < 0;
    let open = false;
    for (const event of events) {
      if (after(event)) break; // sorted: the rest lie above the installed version
      if (event.kind === 'introduced') open = true;
      else if (event.kind === 'fixed') open = false;
      else if (event.kind === 'last_affected' && semver.gt(installed, event.order)) open = false;
    }
    if (!open) continue;
    // The event that ends the version's interval: a fix above it, or a last_affected at or above it (no fix).
    const end = events.find(
      (event) =>
        (event.kind === 'fixed' && after(event)) ||
        (event.kind === 'last_affected' && semver.lte(installed, event.order)),
    );
    return end?.kind === 'fixed' ? { affected: true, fixed: end.value } : { affected: true };
  }
  return { affected: false };
};

/** PyPI: affected exactly when the version is in the entry's explicit `versions` list. */
export const listedIn: AffectedRule = (entry, version) => ({ affected: (entry.versions ?? []).includes(version) });

/** PEP 503 name normal form (https://peps.python.org/pep-0503/#normalized-names). */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** One question for `pep440RangeHolds`: does a range of these events hold this version? */
export interface RangeQuestion {
  version: string;
  ranges: Record<string, string>[][];
}

/**
 * PEP 440 range evaluation by Python's `packaging` (the reference implementation of PEP 440), one answer per question:
 * whether some ECOSYSTEM range holds the version (introduced ≤ v < fixed, or ≤ last_affected). Undefined when
 * `python3` with `packaging` is not installed.
 */
export function pep440RangeHolds(questions: RangeQuestion[]): boolean[] | undefined {
  const script = `
import json, sys
from packaging.version import Version
def holds(version, events):
    v = Version(version)
    pairs = sorted((Version(value), kind) for e in events for kind, value in e.items() if kind != 'limit')
    open_ = False
    for at, kind in pairs:
        if at > v:
            break
        if kind == 'introduced': open_ = True
        elif kind == 'fixed': open_ = False
        elif kind == 'last_affected' and v > at: open_ = False
    return open_
print(json.dumps([any(holds(q['version'], r) for r in q['ranges']) for q in json.load(sys.stdin)]))
`;
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(questions), encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return JSON.parse(result.stdout) as boolean[];
}
