/**
 * Whether a version is affected by an OSV `affected` entry, with the evidence: the range that matched and the fix.
 * Follows the evaluation in the OSV schema (https://ossf.github.io/osv-schema/#evaluation): events are ordered by
 * version (`introduced: "0"` first); a version is affected when the last event at or below it is an `introduced`
 * (`fixed` ends the range at that version, `last_affected` just after it); `limit` events cap every range; the
 * `versions` list matches exactly (a matching range is preferred as evidence, since it names the fix). GIT ranges name commits, which an installed package does not have: they are skipped.
 */
import type { OsvAffected, OsvEvent, OsvRange } from '../advisories/osv/schema.ts';
import type { VersioningScheme } from '../versioning/scheme.ts';

/** Why a version was found affected. */
export interface AffectedEvidence {
  /** `range` when an ECOSYSTEM/SEMVER range matched, `versions` when the explicit list did. */
  kind: 'range' | 'versions';
  rangeType?: string;
  introduced?: string;
  fixed?: string;
  lastAffected?: string;
  limit?: string;
  /** The scheme that ordered the versions. */
  comparator: string;
}

/** The verdict for one version. */
export interface AffectedVerdict {
  affected: boolean;
  evidence?: AffectedEvidence;
  /**
   * Versions that fix it, ascending: the fixes of the ranges that hold the version; for a `versions` list match (no
   * range holds it) or no match, the fixes of every range.
   */
  fixedVersions: string[];
}

/** The ranges Lucent evaluates: version ranges, not commit ranges. */
const VERSION_RANGES = new Set(['ECOSYSTEM', 'SEMVER']);

/** Evaluates an affected entry for one installed version. Invalid versions are never "affected" by a range. */
export function evaluateAffected(entry: OsvAffected, version: string, scheme: VersioningScheme): AffectedVerdict {
  const ranges = (entry.ranges ?? []).filter((range) => VERSION_RANGES.has(range.type));
  const allFixes = sortVersions(
    ranges.flatMap((range) => range.events.flatMap((event) => (event.fixed ? [event.fixed] : []))),
    scheme,
  );
  // A matching range is the better evidence (it names the fix); the explicit list catches what ranges cannot order.
  if (isValid(scheme, version)) {
    // Every range that holds the version counts for the fix: secdb gives one range per fixed version, and a package
    // below two backported fixes (busybox CVE-2019-5747: 1.29.3-r10 and 1.30.1-r2) is fixed by either. A range
    // whose interval has no fix (open, or ended by last_affected) adds none: a fix of another interval lies below.
    const hits = ranges.flatMap((range) => rangeHit(range, version, scheme) ?? []);
    const [first] = hits;
    if (first) {
      const fixes = sortVersions(
        hits.flatMap((hit) => (hit.fixed ? [hit.fixed] : [])),
        scheme,
      );
      return { affected: true, evidence: first, fixedVersions: fixes };
    }
  }
  if (entry.versions?.includes(version)) {
    return { affected: true, evidence: { kind: 'versions', comparator: scheme.name }, fixedVersions: allFixes };
  }
  return { affected: false, fixedVersions: allFixes };
}

/** The evidence when `version` falls in the range, else undefined. */
function rangeHit(range: OsvRange, version: string, scheme: VersioningScheme): AffectedEvidence | undefined {
  const limits = range.events.flatMap((event) => (event.limit ? [event.limit] : []));
  if (limits.length > 0 && !limits.some((limit) => limit === '*' || compare(scheme, version, limit) < 0))
    return undefined;
  const events = sortEvents(range.events, scheme);
  let open: OsvEvent | undefined;
  let evidence: AffectedEvidence | undefined;
  for (const event of events) {
    if (event.introduced !== undefined) {
      if (event.introduced === '0' || compare(scheme, version, event.introduced) >= 0) {
        open = event;
        evidence = undefined;
      }
    } else if (event.fixed !== undefined) {
      if (compare(scheme, version, event.fixed) >= 0) open = undefined;
      else if (open && !evidence) evidence = evidenceOf(range, open, { fixed: event.fixed }, scheme);
    } else if (event.last_affected !== undefined) {
      if (compare(scheme, version, event.last_affected) > 0) open = undefined;
      else if (open && !evidence) evidence = evidenceOf(range, open, { lastAffected: event.last_affected }, scheme);
    }
  }
  if (!open) return undefined;
  return evidence ?? evidenceOf(range, open, {}, scheme, limits[0]);
}

function evidenceOf(
  range: OsvRange,
  introduced: OsvEvent,
  end: { fixed?: string; lastAffected?: string },
  scheme: VersioningScheme,
  limit?: string,
): AffectedEvidence {
  return {
    kind: 'range',
    rangeType: range.type,
    ...(introduced.introduced !== undefined ? { introduced: introduced.introduced } : {}),
    ...end,
    ...(limit ? { limit } : {}),
    comparator: scheme.name,
  };
}

/**
 * Events in version order, `introduced: "0"` first; events whose version the scheme cannot read go last. Each event's
 * version and validity are read once, not at every comparison of the sort.
 */
function sortEvents(events: OsvEvent[], scheme: VersioningScheme): OsvEvent[] {
  const keyed = events
    .filter((event) => event.limit === undefined)
    .map((event) => {
      const version = event.introduced ?? event.fixed ?? event.last_affected ?? '';
      return {
        event,
        version,
        zero: version === '0' && event.introduced !== undefined,
        valid: isValid(scheme, version),
      };
    });
  keyed.sort((a, b) => {
    if (a.zero) return -1;
    if (b.zero) return 1;
    if (a.valid && b.valid) return scheme.compare(a.version, b.version);
    return a.valid ? -1 : b.valid ? 1 : 0;
  });
  return keyed.map((item) => item.event);
}

function sortVersions(versions: string[], scheme: VersioningScheme): string[] {
  return [...new Set(versions)].sort((a, b) => compare(scheme, a, b));
}

/** Compares, ordering versions the scheme cannot read after all valid ones (so they never open or close a range). */
function compare(scheme: VersioningScheme, a: string, b: string): number {
  const validA = isValid(scheme, a);
  const validB = isValid(scheme, b);
  if (validA && validB) return scheme.compare(a, b);
  if (validA) return -1;
  if (validB) return 1;
  return 0;
}

const validity = new WeakMap<VersioningScheme, Map<string, boolean>>();

/**
 * `scheme.isValid`, remembered: sorting a record's events asks it again for the same versions at every comparison,
 * and for most schemes it is a full parse (the scan benchmark spent a fifth of matching there). Bounded per scheme.
 */
function isValid(scheme: VersioningScheme, version: string): boolean {
  const known = validity.get(scheme) ?? new Map<string, boolean>();
  validity.set(scheme, known);
  let valid = known.get(version);
  if (valid === undefined) {
    if (known.size >= 50_000) known.clear();
    valid = scheme.isValid(version);
    known.set(version, valid);
  }
  return valid;
}
