/**
 * Reads the raw build information that the Go linker embeds in executables: the toolchain version and the module
 * information text. Follows the Go standard library's debug/buildinfo (readRawBuildInfo), both layouts:
 * - Go ≥ 1.18: the 32-byte header (magic, pointer size, flags with bit 1 set) is followed by two varint-length strings;
 * - Go 1.13–1.17: the header holds two pointers to Go string headers (data pointer, length), in the byte order given
 *   by flag bit 0, which are read from the executable's memory image.
 * https://go.dev/src/debug/buildinfo/buildinfo.go
 */
import type { FileReader } from '../analyzer.ts';
import { parseBytes, parseFile, type RangeParser } from './byte-ranges.ts';
import { type Executable, readAddress, readExecutable, sectionBytes } from './executable.ts';

/** The toolchain version and module information text of a Go executable. */
export interface RawBuildInfo {
  /** As the toolchain wrote it, e.g. `go1.22.1` or `go1.23.0 X:boringcrypto`. */
  goVersion: string;
  /** The modinfo text with its 16-byte sentinels removed; empty when the binary was built outside module mode. */
  modinfo: string;
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER_SIZE = 32;
const ALIGN = 16;
/** debug/buildinfo searches only the first 64 KiB of the data area. */
const SEARCH_LIMIT = 64 * 1024;
/** No real modinfo comes near this; it bounds what a lying string header can make us copy. */
const MAX_STRING = 16 * 1024 * 1024;
/** The most of a build info section the decoder can use: a header in the searched area, then two bounded strings. */
const MAX_SECTION = SEARCH_LIMIT + 2 * (MAX_STRING + 5);
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE_STRINGS = 2;
const PE_DATA_FLAGS = (0x00000040 | 0x40000000 | 0x80000000) >>> 0; // initialized data, read, write
const PE_ALIGN_32BYTES = 0x00600000;

/** The build info of a Go executable in memory, or undefined when it is not one (or predates Go 1.13). */
export function readGoBuildInfo(bytes: Uint8Array): RawBuildInfo | undefined {
  return parseBytes(buildInfoParser(bytes.length), bytes);
}

/** The same, reading only the headers and the build info of a file opened for random access. */
export function readGoBuildInfoFrom(file: FileReader): Promise<RawBuildInfo | undefined> {
  return parseFile(buildInfoParser(file.size), file);
}

function* buildInfoParser(size: number): RangeParser<RawBuildInfo | undefined> {
  const exe = yield* readExecutable(size);
  if (!exe) return undefined;
  const data = yield* dataArea(exe);
  if (!data) return undefined;
  const header = findHeader(data);
  if (!header) return undefined;
  const flags = header[15] ?? 0;
  let goVersion: Uint8Array | undefined;
  let modinfo: Uint8Array | undefined;
  if (flags & FLAG_INLINE_STRINGS) {
    const version = decodeString(header, HEADER_SIZE);
    goVersion = version?.bytes;
    modinfo = version ? decodeString(header, version.end)?.bytes : undefined;
  } else {
    const ptrSize = header[14];
    if (ptrSize !== 4 && ptrSize !== 8) return undefined;
    const bigEndian = (flags & FLAG_BIG_ENDIAN) !== 0;
    goVersion = yield* readGoString(exe, readPointer(header, 16, ptrSize, bigEndian), ptrSize, bigEndian);
    modinfo = yield* readGoString(exe, readPointer(header, 16 + ptrSize, ptrSize, bigEndian), ptrSize, bigEndian);
  }
  if (!goVersion || goVersion.length === 0) return undefined;
  return { goVersion: Buffer.from(goVersion).toString('utf8'), modinfo: stripSentinels(modinfo) };
}

/** Where the linker puts build info: the named section, else the start of the first writable data area. */
function* dataArea(exe: Executable): RangeParser<Uint8Array | undefined> {
  const named = yield* sectionBytes(exe, exe.format === 'macho' ? '__go_buildinfo' : '.go.buildinfo', MAX_SECTION);
  if (named) return named;
  let start: number | undefined;
  if (exe.format === 'elf') {
    start = exe.segments.find((segment) => segment.writable && !segment.executable)?.addr;
  } else if (exe.format === 'macho') {
    start = exe.segments.find((segment) => segment.name === '__DATA' && segment.size > 0)?.addr;
  } else {
    start = exe.sections.find(
      (section) =>
        section.addr !== 0 && section.size > 0 && (section.flags & ~PE_ALIGN_32BYTES) >>> 0 === PE_DATA_FLAGS,
    )?.addr;
  }
  return start === undefined ? undefined : yield* readAddress(exe, start, SEARCH_LIMIT);
}

/** The header: the first occurrence of the magic at a 16-byte boundary with a whole header after it. */
function findHeader(data: Uint8Array): Uint8Array | undefined {
  const haystack = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, SEARCH_LIMIT));
  let from = 0;
  while (from < haystack.length) {
    const at = haystack.indexOf(MAGIC, from);
    if (at < 0 || haystack.length - at < HEADER_SIZE) return undefined;
    if (at % ALIGN === 0) return data.subarray(at);
    from = at + 1;
  }
  return undefined;
}

/** A string prefixed by its unsigned LEB128 length (Go's binary.Uvarint). */
function decodeString(bytes: Uint8Array, start: number): { bytes: Uint8Array; end: number } | undefined {
  let length = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined || shift > 28) return undefined;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) break;
  }
  if (length > MAX_STRING || at + length > bytes.length) return undefined;
  return { bytes: bytes.subarray(at, at + length), end: at + length };
}

function readPointer(bytes: Uint8Array, at: number, size: 4 | 8, bigEndian: boolean): number | undefined {
  if (at + size > bytes.length) return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return size === 8 ? Number(dv.getBigUint64(at, !bigEndian)) : dv.getUint32(at, !bigEndian);
}

/** A Go string whose header (data pointer, length) sits at `addr` in the executable's memory. */
function* readGoString(
  exe: Executable,
  addr: number | undefined,
  size: 4 | 8,
  bigEndian: boolean,
): RangeParser<Uint8Array | undefined> {
  if (addr === undefined) return undefined;
  const header = yield* readAddress(exe, addr, 2 * size);
  if (!header || header.length < 2 * size) return undefined;
  const data = readPointer(header, 0, size, bigEndian);
  const length = readPointer(header, size, size, bigEndian);
  if (data === undefined || length === undefined || length > MAX_STRING) return undefined;
  const text = yield* readAddress(exe, data, length);
  return text && text.length === length ? text : undefined;
}

/** The modinfo string is wrapped in 16-byte sentinels; without them it is not module information. */
function stripSentinels(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length < 33 || bytes[bytes.length - 17] !== 0x0a) return '';
  return Buffer.from(bytes.subarray(16, bytes.length - 16)).toString('utf8');
}
