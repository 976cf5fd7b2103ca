/**
 * What a compressed image archive holds, kept in the layer cache so that a warm run does not decompress it again:
 * the member list, the content of its small JSON members (manifests, configs, indexes) and the first bytes of the
 * others. An index over the summary answers from it, and decompresses the archive (once) only when a member's bytes
 * are needed beyond that, i.e. when a layer is walked.
 *
 * The summary is keyed by the file's identity (`archive-identity.ts`).
 */
import { Readable } from 'node:stream';
import { normalisePath } from '../../walker/paths.ts';
import { checkLimit, DEFAULT_READ_LIMIT, findMember, type TarIndex, type TarMember } from './tar-index.ts';

/** Bumped when the summary's shape changes. */
export const ARCHIVE_SUMMARY_VERSION = 1;

/** JSON members up to this size are kept whole (image configs with long histories run to hundreds of KiB). */
const MAX_KEPT_MEMBER = 4 * 1024 * 1024;
/** A summary larger than this is not worth keeping. */
const MAX_SUMMARY = 16 * 1024 * 1024;
/** Enough to tell gzip, zstd and tar apart. */
const HEAD_BYTES = 16;

/** One member: its normalised key and the fields readers use. */
type SummaryMember = [key: string, name: string, size: number, type: string, linkname: string];

/** A compressed archive's members and the bytes of its metadata. */
export interface ArchiveSummary {
  members: SummaryMember[];
  /** Base64 content of small JSON members, by key. */
  kept: Record<string, string>;
  /** Base64 first bytes of every other member, by key. */
  heads: Record<string, string>;
}

/** The summary of an indexed archive, or undefined when it would be too large to keep. */
export async function summarizeArchive(index: TarIndex): Promise<ArchiveSummary | undefined> {
  const summary: ArchiveSummary = { members: [], kept: {}, heads: {} };
  let bytes = 0;
  for (const [key, member] of index.members) {
    summary.members.push([key, member.name, member.size, member.type, member.linkname]);
    if (member.type === '1' || member.type === '2') continue;
    const head = await index.head(key, HEAD_BYTES);
    const json = head[0] === 0x7b || head[0] === 0x5b; // `{` or `[`
    if (json && member.size <= MAX_KEPT_MEMBER) {
      summary.kept[key] = (await index.read(key, MAX_KEPT_MEMBER)).toString('base64');
      bytes += member.size;
    } else {
      summary.heads[key] = head.toString('base64');
    }
    if (bytes > MAX_SUMMARY) return undefined;
  }
  return summary;
}

/**
 * An index that answers from a summary and calls `materialize` (which should decompress the archive once and index
 * it) for anything else.
 */
export function summaryIndex(
  summary: ArchiveSummary,
  describe: string,
  materialize: () => Promise<TarIndex>,
): TarIndex {
  const members = new Map<string, TarMember>(
    summary.members.map(([key, name, size, type, linkname]) => [
      key,
      // Offsets and owners are only known once the archive is decompressed; nothing here reads them.
      { name, offset: -1, size, type, linkname, mode: 0, uid: 0, gid: 0 },
    ]),
  );
  const keyOf = (name: string) => normalisePath(findMember(members, name, describe).name);
  return {
    members,
    has: (name) => members.has(normalisePath(name)),
    async read(name, limit = DEFAULT_READ_LIMIT) {
      const member = findMember(members, name, describe);
      checkLimit(member, name, limit, describe);
      const kept = summary.kept[normalisePath(member.name)];
      return kept !== undefined ? Buffer.from(kept, 'base64') : (await materialize()).read(name, limit);
    },
    async head(name, length) {
      const key = keyOf(name);
      const known = summary.heads[key] ?? summary.kept[key];
      const bytes = known === undefined ? undefined : Buffer.from(known, 'base64');
      if (bytes && (bytes.length >= length || bytes.length === members.get(key)?.size)) {
        return bytes.subarray(0, length);
      }
      return (await materialize()).head(name, length);
    },
    open(name) {
      findMember(members, name, describe);
      return Readable.from(
        (async function* () {
          yield* (await materialize()).open(name);
        })(),
      );
    },
    async locate(name) {
      return (await materialize()).locate(name);
    },
  };
}
