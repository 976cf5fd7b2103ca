/**
 * Alpine secdb (https://secdb.alpinelinux.org/, formerly github.com/alpinelinux/alpine-secdb) → OSV records. One file
 * is one branch and repository (`distroversion: v3.11`, `reponame: main`); each package is an origin (source)
 * package with `secfixes: { <fixed version>: [<CVE id>, …] }`, copied from the APKBUILD's secfixes comment
 * (https://wiki.alpinelinux.org/wiki/APKBUILD_Reference#secfixes).
 *
 * Record shape: one record per vulnerability id per file, id `ALPINE-<branch>-<repo>-<id>` (e.g.
 * `ALPINE-v3.11-main-CVE-2019-14904`, the CVE in `aliases`). The id names the file because each file is imported on
 * its own and main and community of one branch list some CVEs both (36 in v3.11): an id shared across files would let
 * one file's record replace another's in a store keyed by id. Findings still merge by the CVE alias, and take the
 * alias as their id when it is no CVE (`XSA-207`, see the matcher's `publicIdOf`).
 *
 * An absent branch or package means "secdb says nothing": the matcher finds nothing from this feed there. secdb only
 * lists fixed issues, so a vulnerability without a fix in the branch is never in it.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { xenAdvisoryUrl } from '../../advisory-pages.ts';
import type { OsvAffected, OsvRecord } from '../../osv/schema.ts';
import type { FeedBatch } from '../../records.ts';

/** `modified` of every secdb record: the feed carries no dates, and a constant keeps parsing a pure function. */
export const SECDB_UNDATED = '1970-01-01T00:00:00Z';

/** The secfixes key meaning "never affected in this branch" (APKBUILD reference, secfixes). */
const NOT_AFFECTED = '0';

const secdbFileSchema = z
  .object({
    distroversion: z.string().min(1),
    reponame: z.string().min(1),
    // `packages:` with nothing under it (v3.3/community) reads as '' in failsafe YAML.
    packages: z.union([z.array(z.unknown()), z.literal(''), z.null()]).optional(),
  })
  .loose();

const secdbPackageSchema = z.object({
  pkg: z
    .object({
      name: z.string().min(1),
      // Failsafe YAML reads an empty `secfixes:` or empty version list as ''.
      secfixes: z
        .union([z.record(z.string(), z.union([z.array(z.string()), z.literal(''), z.null()])), z.literal(''), z.null()])
        .optional(),
    })
    .loose(),
});

/** A vulnerability id as secdb writes it: also `CVE_2019-2426`, `CVE 2018-16859`, `CVE-2017-8073.patch`. */
const CVE_PATTERN = /CVE[-_ ](\d{4})-(\d{4,})/g;
/** Other advisory ids that stand alone in secdb (`XSA-207`, `ZBX-11023`, `wnpa-sec-2017-21`, `TALOS-2017-0499`). */
const OTHER_ID_PATTERN = /^[A-Za-z]+(?:-[A-Za-z]+)*-\d+(?:-\d+)*$/;

/** What one secfixes entry names. */
interface SecfixEntry {
  ids: string[];
  related: string[];
  /** The entry's text when it says more than its ids (e.g. `CVE-2018-10105 (SMB - partially fixed, …)`). */
  note?: string;
}

/** Reads one secfixes entry; undefined when it names no advisory id (e.g. `CVE-????-?????` alone). */
export function parseSecfixEntry(text: string): SecfixEntry | undefined {
  const trimmed = text.trim();
  const cves = [...new Set([...trimmed.matchAll(CVE_PATTERN)].map((match) => `CVE-${match[1]}-${match[2]}`))];
  const others = trimmed.split(/\s+/).filter((token) => OTHER_ID_PATTERN.test(token) && !token.startsWith('CVE'));
  const ids = cves.length > 0 ? cves : others.slice(0, 1);
  if (ids.length === 0) return undefined;
  const related = cves.length > 0 ? others : others.slice(1);
  const entry: SecfixEntry = { ids, related };
  if (trimmed !== ids[0]) entry.note = trimmed;
  return entry;
}

/** A record under construction. */
interface Draft {
  vulnId: string;
  related: Set<string>;
  affected: Map<string, { fixed: string[]; notes: string[] }>;
  notAffected: string[];
}

/** Parses a secdb file (YAML or JSON) into OSV records, one per vulnerability id. */
export function parseAlpineSecdb(text: string): FeedBatch {
  const problems: string[] = [];
  const document = readDocument(text);
  if ('error' in document) return { feed: 'alpine-secdb', records: [], problems: [document.error] };
  const file = secdbFileSchema.safeParse(document.value);
  if (!file.success) {
    return { feed: 'alpine-secdb', records: [], problems: [`not a secdb file: ${z.prettifyError(file.error)}`] };
  }
  const { distroversion, reponame } = file.data;
  const drafts = new Map<string, Draft>();
  for (const [index, raw] of (file.data.packages || []).entries()) {
    const pkg = secdbPackageSchema.safeParse(raw);
    if (!pkg.success) {
      problems.push(`packages[${index}]: ${z.prettifyError(pkg.error)}`);
      continue;
    }
    const { name, secfixes } = pkg.data.pkg;
    for (const [version, entries] of Object.entries(secfixes || {})) {
      for (const text of entries || []) {
        const entry = parseSecfixEntry(text);
        if (!entry) {
          problems.push(`${name} ${version}: no advisory id in "${text}"`);
          continue;
        }
        for (const vulnId of entry.ids) addFix(drafts, vulnId, name, version, entry);
      }
    }
  }
  const records = [...drafts.values()].map((draft) => toRecord(draft, distroversion, reponame));
  return { feed: 'alpine-secdb', records, problems };
}

/** JSON for the files secdb.alpinelinux.org serves; failsafe YAML (every scalar a string) for the repository's, so
 * a version key like `1.10` stays `1.10` instead of becoming the number 1.1. */
function readDocument(text: string): { value: unknown } | { error: string } {
  try {
    return { value: text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { schema: 'failsafe' }) };
  } catch (error) {
    return { error: `unreadable secdb file: ${(error as Error).message}` };
  }
}

/** Files one (id, package, version) fact into its draft record. */
function addFix(drafts: Map<string, Draft>, vulnId: string, name: string, version: string, entry: SecfixEntry): void {
  let draft = drafts.get(vulnId);
  if (!draft) {
    draft = { vulnId, related: new Set(), affected: new Map(), notAffected: [] };
    drafts.set(vulnId, draft);
  }
  for (const id of entry.related) draft.related.add(id);
  if (version === NOT_AFFECTED) {
    if (!draft.notAffected.includes(name)) draft.notAffected.push(name);
    return;
  }
  let affected = draft.affected.get(name);
  if (!affected) {
    affected = { fixed: [], notes: [] };
    draft.affected.set(name, affected);
  }
  if (!affected.fixed.includes(version)) affected.fixed.push(version);
  if (entry.note && !affected.notes.includes(entry.note)) affected.notes.push(entry.note);
}

/**
 * One ECOSYSTEM range per fixed version. A package lists a CVE under several versions when the branch inherited a
 * backport (busybox CVE-2019-5747: 1.29.3-r10 from v3.9 and 1.30.1-r2 in v3.11); OSV ORs ranges, so the highest fix
 * decides, as secdb means, and each fix stays visible as evidence.
 */
function toRecord(draft: Draft, distroversion: string, reponame: string): OsvRecord {
  const ecosystem = `Alpine:${distroversion}`;
  const affected: OsvAffected[] = [...draft.affected].map(([name, { fixed, notes }]) => {
    const entry: OsvAffected = {
      package: { ecosystem, name },
      ranges: fixed.map((version) => ({ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version }] })),
    };
    if (notes.length > 0) entry.database_specific = { notes };
    return entry;
  });
  const record: OsvRecord = {
    schema_version: '1.6.0',
    id: `ALPINE-${distroversion}-${reponame}-${draft.vulnId}`,
    modified: SECDB_UNDATED,
    aliases: [draft.vulnId],
    affected,
    database_specific: { source: 'alpine-secdb', distroversion, reponame },
  };
  if (draft.related.size > 0) record.related = [...draft.related];
  // secdb names some Xen fixes by their XSA id alone (xen 4.7.1-r5: XSA-207), or next to the CVE: those advisories
  // are published on xenbits only, so the record points there.
  const xen = [draft.vulnId, ...draft.related].flatMap((id) => xenAdvisoryUrl(id) ?? []);
  if (xen.length > 0) record.references = xen.map((url) => ({ type: 'ADVISORY', url }));
  // Kept so a reader can tell "secdb says not affected" from "secdb says nothing"; no affected entry either way.
  if (draft.notAffected.length > 0)
    record.database_specific = { ...record.database_specific, not_affected: draft.notAffected };
  return record;
}
