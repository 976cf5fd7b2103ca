/**
 * A random-access index of a tar file: reads only the 512-byte headers, seeking over contents, so opening a 1 GB
 * `docker save` archive costs a few reads, then any member can be streamed by offset.
 * Written here because the streaming tar parsers (tar-stream, node-tar) do not expose member offsets.
 * Formats: POSIX ustar (pax headers for long names and sizes) and GNU long names; see
 * https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_06
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { LucentError } from '../../../core/errors.ts';
import { normalisePath } from '../../walker/paths.ts';

const BLOCK = 512;

/** Where a member's content sits in the tar file. */
export interface TarMember {
  name: string;
  offset: number;
  size: number;
  /** The ustar type flag: '0' file, '1' hard link, '2' symlink, '3'/'4' devices, '5' directory, '6' fifo. */
  type: string;
  linkname: string;
  mode: number;
  uid: number;
  gid: number;
}

/** A part of a file that holds a tar archive (a layer inside a `docker save` archive). */
export interface TarRange {
  start: number;
  length: number;
}

/** Headers are read through a window of this size, so small members cost no extra reads. */
const WINDOW = 256 * 1024;

/** Members of a tar file by normalised name, and ways to read them. */
export interface TarIndex {
  members: Map<string, TarMember>;
  /** Streams a member's content (following hard and symbolic links between members). */
  open(name: string): Readable;
  /** Reads a member whole; refuses members above `limit` bytes. */
  read(name: string, limit?: number): Promise<Buffer>;
  /** The first bytes of a member (fewer when it is shorter). */
  head(name: string, length: number): Promise<Buffer>;
  has(name: string): boolean;
  /** The file and range that hold a member's content (following links between members). */
  locate(name: string): Promise<{ path: string; range: TarRange }>;
}

/** Builds the index of an uncompressed tar file, or of a tar archive stored in a range of a file. */
export async function indexTarFile(path: string, describe = path, range?: TarRange): Promise<TarIndex> {
  const members = new Map<string, TarMember>();
  for await (const batch of tarMembers(path, describe, range)) {
    for (const member of batch) {
      // A later member with the same name replaces the earlier one (tar semantics), keeping archive order.
      const name = normalisePath(member.name);
      members.delete(name);
      members.set(name, member);
    }
  }
  return tarIndexOf(path, members);
}

/**
 * Reads a tar file's member headers in archive order (duplicates included), a window of headers per batch: one
 * `await` per read rather than per member, which matters for layers of hundreds of thousands of files.
 */
export async function* tarMembers(path: string, describe = path, range?: TarRange): AsyncGenerator<TarMember[]> {
  const handle = await open(path, 'r');
  try {
    yield* tarMembersIn(handle, describe, range);
  } finally {
    await handle.close();
  }
}

/** The same, over a file the caller opened (and closes). */
export async function* tarMembersIn(
  handle: FileHandle,
  describe: string,
  range?: TarRange,
): AsyncGenerator<TarMember[]> {
  const end = range ? range.start + range.length : (await handle.stat()).size;
  // One window, reused: its own ArrayBuffer, so the 32-bit view used for checksums is aligned.
  const window = Buffer.allocUnsafeSlow(WINDOW);
  const words = new Uint32Array(window.buffer, window.byteOffset, WINDOW / 4);
  let windowStart = 0;
  let windowLength = 0;
  let offset = range?.start ?? 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> | undefined;
  while (offset + BLOCK <= end) {
    // The window starts at a header, so every header in it is 512-byte aligned within it.
    windowStart = offset;
    windowLength = Math.min(WINDOW, end - offset);
    await readExactly(handle, window, windowStart, windowLength);
    const batch: TarMember[] = [];
    let finished = false;
    while (offset + BLOCK <= end && offset + BLOCK <= windowStart + windowLength) {
      const at = offset - windowStart;
      if (window[at] === 0 && isZeroBlock(window, at)) {
        finished = true;
        break;
      }
      if (!checksumOk(window, words, at)) throw invalid(describe, `bad header checksum at byte ${offset}`);
      const type = String.fromCharCode(window[at + 156] ?? 48);
      const size = pax?.size !== undefined ? Number(pax.size) : parseNumber(window, at + 124, 12);
      const dataOffset = offset + BLOCK;
      if (!(size >= 0) || dataOffset + size > end) throw invalid(describe, 'the archive is truncated');
      const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
      if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
        const body = await readBody(handle, window, windowStart, windowLength, dataOffset, size);
        if (type === 'L') longName = cString(body, 0, body.length);
        if (type === 'K') longLink = cString(body, 0, body.length);
        if (type === 'x') pax = parsePax(body);
        offset = next;
        continue;
      }
      const prefix = cString(window, at + 345, 155);
      const shortName = cString(window, at, 100);
      const name = pax?.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
      const linkname = pax?.linkpath ?? longLink ?? cString(window, at + 157, 100);
      const mode = parseNumber(window, at + 100, 8);
      const uid = pax?.uid !== undefined ? Number(pax.uid) : parseNumber(window, at + 108, 8);
      const gid = pax?.gid !== undefined ? Number(pax.gid) : parseNumber(window, at + 116, 8);
      batch.push({ name, offset: dataOffset, size, type, linkname, mode, uid, gid });
      longName = undefined;
      longLink = undefined;
      pax = undefined;
      offset = next;
    }
    if (batch.length > 0) yield batch;
    if (finished) break;
  }
}

/** The member a name refers to, following hard and symbolic links between members. */
export function findMember(members: Map<string, TarMember>, name: string, describe: string): TarMember {
  let member = members.get(normalisePath(name));
  for (let hops = 0; member && (member.type === '1' || member.type === '2') && hops < 40; hops++) {
    member = members.get(normalisePath(member.type === '2' ? `${name}/../${member.linkname}` : member.linkname));
  }
  if (!member) {
    throw new LucentError('E_SOURCE_INVALID', `${describe} has no member "${name}"`, {
      hint: 'the archive is incomplete or not an image archive',
    });
  }
  return member;
}

/** Refuses a member larger than a reader's limit. */
export function checkLimit(member: TarMember, name: string, limit: number, describe: string): void {
  if (member.size > limit) {
    throw new LucentError(
      'E_SOURCE_INVALID',
      `${describe}: "${name}" is ${member.size} bytes, over the ${limit} limit`,
    );
  }
}

/** The default limit of `TarIndex.read`. */
export const DEFAULT_READ_LIMIT = 64 * 1024 * 1024;

function tarIndexOf(path: string, members: Map<string, TarMember>): TarIndex {
  const find = (name: string) => findMember(members, name, path);
  const readRange = async (member: TarMember, length: number) => {
    const handle = await open(path, 'r');
    try {
      const out = Buffer.alloc(length);
      await readExactly(handle, out, member.offset);
      return out;
    } finally {
      await handle.close();
    }
  };
  return {
    members,
    has: (name) => members.has(normalisePath(name)),
    async locate(name) {
      const member = find(name);
      return { path, range: { start: member.offset, length: member.size } };
    },
    open(name) {
      const member = find(name);
      if (member.size === 0) return Readable.from([]);
      return createReadStream(path, { start: member.offset, end: member.offset + member.size - 1 });
    },
    async read(name, limit = DEFAULT_READ_LIMIT) {
      const member = find(name);
      checkLimit(member, name, limit, path);
      return readRange(member, member.size);
    },
    async head(name, length) {
      const member = find(name);
      return readRange(member, Math.min(length, member.size));
    },
  };
}

async function readExactly(handle: FileHandle, into: Buffer, position: number, length = into.length): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(into, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('unexpected end of file');
    done += bytesRead;
  }
}

/** A metadata member's body (pax header, GNU long name): from the window when it is there, else read. */
async function readBody(
  handle: FileHandle,
  window: Buffer,
  windowStart: number,
  windowLength: number,
  at: number,
  size: number,
): Promise<Buffer> {
  if (at + size <= windowStart + windowLength) return window.subarray(at - windowStart, at - windowStart + size);
  const body = Buffer.alloc(size);
  await readExactly(handle, body, at);
  return body;
}

/** The end-of-archive marker: a block of zeros. */
function isZeroBlock(block: Buffer, at: number): boolean {
  for (let i = at; i < at + BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/**
 * The header checksum is the sum of its bytes with its own field taken as spaces (ustar §checksum). Bytes are summed
 * four at a time in two 16-bit lanes (128 words × 2 × 255 fits in 16 bits).
 */
function checksumOk(block: Buffer, words: Uint32Array, at: number): boolean {
  let lanes = 0;
  for (let i = at >>> 2, stop = (at + BLOCK) >>> 2; i < stop; i++) {
    const word = words[i] as number;
    lanes += (word & 0x00ff00ff) + ((word >>> 8) & 0x00ff00ff);
  }
  let sum = (lanes & 0xffff) + (lanes >>> 16);
  for (let i = at + 148; i < at + 156; i++) sum += 32 - (block[i] as number);
  return sum === parseNumber(block, at + 148, 8);
}

/** Octal ASCII (leading spaces allowed, ends at the first other byte), or GNU base-256 when the high bit is set. */
function parseNumber(block: Buffer, at: number, length: number): number {
  const end = at + length;
  if (((block[at] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = at + 1; i < end; i++) value = value * 256 + (block[i] ?? 0);
    return value;
  }
  let i = at;
  while (i < end && (block[i] === 0x20 || block[i] === 0x09 || block[i] === 0x0a)) i++;
  let value = 0;
  for (; i < end; i++) {
    const digit = (block[i] as number) - 0x30;
    if (digit < 0 || digit > 7) break;
    value = value * 8 + digit;
  }
  return value;
}

/** A NUL-terminated UTF-8 field. */
function cString(block: Buffer, at: number, length: number): string {
  let end = at;
  const stop = Math.min(at + length, block.length);
  while (end < stop && block[end] !== 0) end++;
  return end === at ? '' : block.toString('utf8', at, end);
}

/** Pax records are `<length> <key>=<value>\n`. */
function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space === -1) break;
    const length = Number.parseInt(body.subarray(offset, space).toString('ascii'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) out[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return out;
}

function invalid(describe: string, reason: string): LucentError {
  return new LucentError('E_SOURCE_INVALID', `${describe} is not a readable tar archive: ${reason}`, {
    hint: 'check that the file is a complete `docker save`, OCI or containerd export',
  });
}
