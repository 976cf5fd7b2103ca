/**
 * The Debian security tracker's JSON export (https://security-tracker.debian.org/tracker/data/json, written by
 * security-tracker `bin/tracker_service.py`): `{ <source package>: { <CVE or TEMP id>: { description, releases: {
 * <codename>: { status, fixed_version, urgency, nodsa, nodsa_reason } } } } }` → one OSV record per id, `DEBIAN-<id>`.
 *
 * Per release: `resolved` with a version → fixed there; `resolved` with version `0`, or `not-affected` → never
 * affected (no affected entry; kept under `database_specific.not_affected`); `open` → affected, no fix;
 * `undetermined` → affected, no fix, marked `status: undetermined` so a reader can tell it from a confirmed issue.
 * The urgency (including `unimportant`) is kept in the entry's `database_specific`, never used to drop it. An issue
 * with `"releases": []` (as real exports write an issue no release is tracked for) files nothing; an id that files
 * nothing in any package gives no record.
 */
import { z } from 'zod';
import type { OsvAffected, OsvRecord } from '../../osv/schema.ts';
import type { FeedBatch } from '../../records.ts';
import { debianEcosystem } from './releases.ts';

/** `modified` of tracker records: the export carries no dates, and a constant keeps parsing a pure function. */
export const TRACKER_UNDATED = '1970-01-01T00:00:00Z';

const releaseSchema = z
  .object({
    status: z.string(),
    fixed_version: z.string().optional(),
    urgency: z.string().optional(),
    nodsa: z.string().optional(),
    nodsa_reason: z.string().optional(),
  })
  .loose();

const issueSchema = z
  .object({
    description: z.string().optional(),
    // An issue no release is tracked for is written `"releases": []` (the tracker's empty collection comes out as a
    // JSON list), not `{}`: nothing to file, and not an error.
    releases: z.union([
      z.record(z.string(), releaseSchema),
      z
        .array(z.never())
        .max(0)
        .transform(() => ({})),
    ]),
  })
  .loose();

const exportSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

/** A record under construction. */
interface Draft {
  id: string;
  description?: string;
  affected: OsvAffected[];
  notAffected: { ecosystem: string; name: string }[];
}

/** Parses the tracker JSON export into one OSV record per CVE (or TEMP) id. */
export function parseTrackerJson(text: string): FeedBatch {
  const problems: string[] = [];
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { feed: 'debian-security-tracker', records: [], problems: [`unreadable JSON: ${(error as Error).message}`] };
  }
  const packages = exportSchema.safeParse(document);
  if (!packages.success) {
    const reason = z.prettifyError(packages.error);
    return { feed: 'debian-security-tracker', records: [], problems: [`not a tracker export: ${reason}`] };
  }
  const drafts = new Map<string, Draft>();
  for (const [name, issues] of Object.entries(packages.data)) {
    for (const [id, raw] of Object.entries(issues)) {
      const issue = issueSchema.safeParse(raw);
      if (!issue.success) {
        problems.push(`${name} ${id}: ${z.prettifyError(issue.error)}`);
        continue;
      }
      let draft = drafts.get(id);
      if (!draft) {
        draft = { id, affected: [], notAffected: [] };
        drafts.set(id, draft);
      }
      draft.description ??= issue.data.description;
      for (const [codename, release] of Object.entries(issue.data.releases)) {
        const problem = addRelease(draft, name, codename, release);
        if (problem) problems.push(`${name} ${id} ${codename}: ${problem}`);
      }
    }
  }
  // An id with no release in any package (only `"releases": []`) says nothing to match on.
  const tracked = [...drafts.values()].filter((draft) => draft.affected.length > 0 || draft.notAffected.length > 0);
  return { feed: 'debian-security-tracker', records: tracked.map(toRecord), problems };
}

/** Files one release's status; returns a problem when the status is not understood. */
function addRelease(draft: Draft, name: string, codename: string, release: z.infer<typeof releaseSchema>) {
  const ecosystem = debianEcosystem(codename);
  if (ecosystem === null) return undefined; // sid/experimental: no release number to match on
  if (ecosystem === undefined) return `unknown release "${codename}"`;
  const { status, fixed_version: fixed } = release;
  if (status === 'not-affected' || (status === 'resolved' && fixed === '0')) {
    draft.notAffected.push({ ecosystem, name });
    return undefined;
  }
  let events: { introduced?: string; fixed?: string }[];
  if (status === 'resolved') {
    if (!fixed) return 'resolved without a fixed_version';
    events = [{ introduced: '0' }, { fixed }];
  } else if (status === 'open' || status === 'undetermined') {
    events = [{ introduced: '0' }];
  } else {
    return `unknown status "${status}"`;
  }
  const details: Record<string, string> = {};
  if (status === 'undetermined') details.status = status;
  if (release.urgency) details.urgency = release.urgency;
  if (release.nodsa) details.nodsa = release.nodsa;
  if (release.nodsa_reason) details.nodsa_reason = release.nodsa_reason;
  const entry: OsvAffected = { package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] };
  if (Object.keys(details).length > 0) entry.database_specific = details;
  draft.affected.push(entry);
  return undefined;
}

/** Completes a record; a CVE id is also its alias, so findings merge with other feeds' records of it. */
function toRecord(draft: Draft): OsvRecord {
  const record: OsvRecord = {
    schema_version: '1.6.0',
    id: `DEBIAN-${draft.id}`,
    modified: TRACKER_UNDATED,
    aliases: draft.id.startsWith('CVE-') ? [draft.id] : [],
    affected: draft.affected,
    database_specific: { source: 'debian-security-tracker' },
  };
  if (draft.description) record.summary = draft.description;
  if (draft.notAffected.length > 0) {
    record.database_specific = { ...record.database_specific, not_affected: draft.notAffected };
  }
  return record;
}
