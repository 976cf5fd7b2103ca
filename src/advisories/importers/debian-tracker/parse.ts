/**
 * Debian DSA and DLA `list` files (security-tracker `data/DSA/list`, `data/DLA/list`;
 * https://security-team.debian.org/security_tracker.html) → OSV records, one per advisory:
 *
 *   [29 Mar 2023] DSA-5380-1 xorg-server - security update
 *   \t{CVE-2023-1393}
 *   \t[bullseye] - xorg-server 2:1.20.11-1+deb11u6
 *
 * The id is the advisory's, its CVEs are aliases, and each `[release] - <source package> <version>` line is an
 * affected entry `{ Debian:<n>, source package }` fixed at that version. Markers instead of a version:
 * `<not-affected>` gives no affected entry (kept under `database_specific.not_affected`); `<unfixed>`,
 * `<end-of-life>`, `<no-dsa>`, `<ignored>` and `<postponed>` give an affected entry with no fix (only
 * `introduced: "0"`) and the marker as `database_specific.status`. A trailing `(medium)` is the urgency; other
 * parenthesised text is kept as a comment. `NOTE:` lines are kept as notes.
 */
import type { OsvAffected, OsvRecord } from '../../osv/schema.ts';
import type { FeedBatch } from '../../records.ts';
import { debianEcosystem, URGENCIES } from './releases.ts';

const HEADER = /^\[(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})\]\s+((?:DSA|DLA)-\d+(?:-\d+)?)\s*(.*)$/;
const IDS = /^\s+\{([^}]*)\}\s*$/;
const RELEASE = /^\s+\[([a-z-]+)\]\s+-\s+(\S+)(?:\s+(<[a-z-]+>|[^\s(]+))?\s*(?:\((.*)\))?\s*$/;
const NOTE = /^\s+NOTE:\s*(.*)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Markers meaning "affected, and no fixed version in this release". */
const NO_FIX_MARKERS = new Set(['<unfixed>', '<end-of-life>', '<no-dsa>', '<ignored>', '<postponed>']);

/** An advisory being read. */
interface Draft {
  record: OsvRecord & { aliases: string[]; affected: OsvAffected[] };
  notes: string[];
  notAffected: { ecosystem: string; name: string; reason?: string }[];
}

/** Parses a DSA or DLA list into one OSV record per advisory. */
export function parseDebianList(text: string): FeedBatch {
  const records: OsvRecord[] = [];
  const problems: string[] = [];
  let draft: Draft | undefined;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}`;
    const header = HEADER.exec(line);
    if (header) {
      if (draft) records.push(finish(draft));
      draft = startAdvisory(header, where, problems);
      continue;
    }
    if (!draft) {
      problems.push(`${where}: no advisory header before "${line.trim()}"`);
      continue;
    }
    const problem = readDetail(draft, line);
    if (problem) problems.push(`${where} (${draft.record.id}): ${problem}`);
  }
  if (draft) records.push(finish(draft));
  return { feed: 'debian-security-tracker', records, problems };
}

/** Starts a record from a header line; the date becomes `published` and `modified`. */
function startAdvisory(header: RegExpExecArray, where: string, problems: string[]): Draft | undefined {
  const [, day = '', month = '', year = '', id = '', rest = ''] = header;
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0) {
    problems.push(`${where}: unknown month "${month}" in ${id}`);
    return undefined;
  }
  const date = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${day.padStart(2, '0')}T00:00:00Z`;
  const record = { schema_version: '1.6.0', id, modified: date, published: date, aliases: [], affected: [] };
  const summary = rest.replace(/\s+/g, ' ').trim();
  return { record: summary ? { ...record, summary } : record, notes: [], notAffected: [] };
}

/** Reads one indented line into the advisory; returns a problem when the line is not understood. */
function readDetail(draft: Draft, line: string): string | undefined {
  const ids = IDS.exec(line);
  if (ids) {
    for (const id of (ids[1] ?? '').split(/\s+/))
      if (id && !draft.record.aliases.includes(id)) draft.record.aliases.push(id);
    return undefined;
  }
  const note = NOTE.exec(line);
  if (note) {
    draft.notes.push(note[1] ?? '');
    return undefined;
  }
  const release = RELEASE.exec(line);
  if (!release) return `unreadable line "${line.trim()}"`;
  const [, codename = '', name = '', version, comment] = release;
  const ecosystem = debianEcosystem(codename);
  if (!ecosystem) return `unknown release "${codename}"`;
  if (version === undefined) return `no version or marker for ${name} in ${codename}`;
  if (version === '<not-affected>') {
    draft.notAffected.push(comment ? { ecosystem, name, reason: comment } : { ecosystem, name });
    return undefined;
  }
  if (version.startsWith('<') && !NO_FIX_MARKERS.has(version)) return `unknown marker ${version}`;
  draft.record.affected.push(affectedEntry(ecosystem, name, version, comment));
  return undefined;
}

/** An affected entry: fixed at `version`, or with no fix when `version` is a marker such as `<unfixed>`. */
function affectedEntry(ecosystem: string, name: string, version: string, comment?: string): OsvAffected {
  const unfixed = version.startsWith('<');
  const events = unfixed ? [{ introduced: '0' }] : [{ introduced: '0' }, { fixed: version }];
  const details: Record<string, string> = {};
  if (unfixed) details.status = version.slice(1, -1);
  // Old entries mix urgency and bug numbers: `(bug #322591; medium)`.
  const parts = comment?.split(';').map((part) => part.trim()) ?? [];
  const urgency = parts.find((part) => URGENCIES.has(part));
  const rest = parts.filter((part) => part !== urgency);
  if (urgency) details.urgency = urgency;
  if (rest.length > 0) details.comment = rest.join('; ');
  const entry: OsvAffected = { package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] };
  if (Object.keys(details).length > 0) entry.database_specific = details;
  return entry;
}

/** Completes a record with its notes and not-affected releases. */
function finish(draft: Draft): OsvRecord {
  const specific: Record<string, unknown> = { source: 'debian-security-tracker' };
  if (draft.notes.length > 0) specific.notes = draft.notes;
  if (draft.notAffected.length > 0) specific.not_affected = draft.notAffected;
  return { ...draft.record, database_specific: specific };
}
