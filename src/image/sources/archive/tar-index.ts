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
  path: string;
  members: Map<string, TarMember>;
  /** Streams a member's content (following hard and symbolic links between members). */
  open(name: string): Readable;
  /** Reads a member whole; refuses members above `limit` bytes. */
  read(name: string, limit?: number): Promise<Buffer>;
  has(name: string): boolean;
  /** Where a member's content sits in the file (following links between members). */
  locate(name: string): TarRange;
}

/** Builds the index of an uncompressed tar file, or of a tar archive stored in a range of a file. */
export async function indexTarFile(path: string, describe = path, range?: TarRange): Promise<TarIndex> {
  const handle = await open(path, 'r');
  const members = new Map<string, TarMember>();
  try {
    const fileSize = range ? range.start + range.length : (await handle.stat()).size;
    let offset = range?.start ?? 0;
    let window = Buffer.alloc(0);
    let windowStart = 0;
    const readHeader = async (into: Buffer, at: number) => {
      if (at < windowStart || at + BLOCK > windowStart + window.length) {
        windowStart = at;
        window = Buffer.alloc(Math.min(WINDOW, fileSize - at));
        await readExactly(handle, window, at);
      }
      window.copy(into, 0, at - windowStart, at - windowStart + BLOCK);
    };
    let longName: string | undefined;
    let longLink: string | undefined;
    let pax: Record<string, string> = {};
    const header = Buffer.alloc(BLOCK);
    while (offset + BLOCK <= fileSize) {
      await readHeader(header, offset);
      if (header.every((byte) => byte === 0)) break;
      if (!checksumOk(header)) throw invalid(describe, `bad header checksum at byte ${offset}`);
      const type = String.fromCharCode(header[156] ?? 48) || '0';
      const size = pax.size !== undefined ? Number(pax.size) : parseNumber(header.subarray(124, 136));
      const dataOffset = offset + BLOCK;
      if (dataOffset + size > fileSize) throw invalid(describe, 'the archive is truncated');
      const next = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
      if (type === 'L' || type === 'K' || type === 'x' || type === 'g') {
        const body = Buffer.alloc(size);
        await readExactly(handle, body, dataOffset);
        if (type === 'L') longName = cString(body);
        if (type === 'K') longLink = cString(body);
        if (type === 'x') pax = parsePax(body);
        offset = next;
        continue;
      }
      const prefix = cString(header.subarray(345, 500));
      const shortName = cString(header.subarray(0, 100));
      const name = pax.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName);
      const linkname = pax.linkpath ?? longLink ?? cString(header.subarray(157, 257));
      const mode = parseNumber(header.subarray(100, 108));
      const uid = pax.uid !== undefined ? Number(pax.uid) : parseNumber(header.subarray(108, 116));
      const gid = pax.gid !== undefined ? Number(pax.gid) : parseNumber(header.subarray(116, 124));
      // A later member with the same name replaces the earlier one (tar semantics), keeping archive order.
      members.delete(normalisePath(name));
      members.set(normalisePath(name), { name, offset: dataOffset, size, type, linkname, mode, uid, gid });
      longName = undefined;
      longLink = undefined;
      pax = {};
      offset = next;
    }
  } finally {
    await handle.close();
  }
  return tarIndexOf(path, members);
}

function tarIndexOf(path: string, members: Map<string, TarMember>): TarIndex {
  const find = (name: string): TarMember => {
    let member = members.get(normalisePath(name));
    for (let hops = 0; member && (member.type === '1' || member.type === '2') && hops < 40; hops++) {
      member = members.get(normalisePath(member.type === '2' ? `${name}/../${member.linkname}` : member.linkname));
    }
    if (!member) {
      throw new LucentError('E_SOURCE_INVALID', `${path} has no member "${name}"`, {
        hint: 'the archive is incomplete or not an image archive',
      });
    }
    return member;
  };
  return {
    path,
    members,
    has: (name) => members.has(normalisePath(name)),
    locate(name) {
      const member = find(name);
      return { start: member.offset, length: member.size };
    },
    open(name) {
      const member = find(name);
      if (member.size === 0) return Readable.from([]);
      return createReadStream(path, { start: member.offset, end: member.offset + member.size - 1 });
    },
    async read(name, limit = 64 * 1024 * 1024) {
      const member = find(name);
      if (member.size > limit) {
        throw new LucentError(
          'E_SOURCE_INVALID',
          `${path}: "${name}" is ${member.size} bytes, over the ${limit} limit`,
        );
      }
      const handle = await open(path, 'r');
      try {
        const out = Buffer.alloc(member.size);
        await readExactly(handle, out, member.offset);
        return out;
      } finally {
        await handle.close();
      }
    },
  };
}

async function readExactly(handle: FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('unexpected end of file');
    done += bytesRead;
  }
}

/** The header checksum treats its own field as spaces (ustar §checksum). */
function checksumOk(header: Buffer): boolean {
  const stored = parseNumber(header.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === stored;
}

/** Octal ASCII, or GNU base-256 when the high bit of the first byte is set. */
function parseNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(field).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
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
