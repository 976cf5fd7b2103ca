/**
 * rpm header blobs as package databases store them (the header without its leading magic): a big-endian count of
 * index entries and of data bytes, the 16-byte entries (tag, type, offset, count), then the data store.
 * Format: https://rpm-software-management.github.io/rpm/manual/format_header.html; tag numbers: rpm's lib/rpmtag.h.
 * Written here because @snyk/rpm-parser returns only name/version/release/epoch/arch/source RPM (no LICENSE, no
 * requires/provides) and does not expose its header reader.
 */

/** The tags this analyzer reads (lib/rpmtag.h). */
export const RPM_TAGS = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  ARCH: 1022,
  SOURCERPM: 1044,
  PROVIDENAME: 1047,
  REQUIRENAME: 1049,
} as const;

const TYPE = { INT32: 4, STRING: 6, STRING_ARRAY: 8, I18NSTRING: 9 } as const;
const ENTRY_SIZE = 16;
// rpm refuses headers with more entries or data than this (lib/header.c, hdrchkTags/hdrchkData).
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

/** A tag's value: strings for string types, numbers for INT32; other types are not read. */
export type HeaderValue = string[] | number[];

/** Decodes the entries of a header blob that this analyzer needs; throws on a blob that is not a header. */
export function readHeader(blob: Uint8Array): Map<number, HeaderValue> {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8) throw new Error(`rpm header of ${blob.byteLength} bytes is too short`);
  const entries = view.getUint32(0);
  const dataLength = view.getUint32(4);
  const dataStart = 8 + entries * ENTRY_SIZE;
  if (entries > MAX_ENTRIES || dataLength > MAX_DATA || dataStart + dataLength > blob.byteLength) {
    throw new Error(`rpm header claims ${entries} entries and ${dataLength} data bytes in ${blob.byteLength} bytes`);
  }
  const wanted = new Set<number>(Object.values(RPM_TAGS));
  const out = new Map<number, HeaderValue>();
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * ENTRY_SIZE;
    const tag = view.getUint32(at);
    if (!wanted.has(tag)) continue;
    const type = view.getUint32(at + 4);
    const offset = view.getUint32(at + 8);
    const count = view.getUint32(at + 12);
    if (offset >= dataLength) throw new Error(`rpm header tag ${tag} points past the data`);
    const start = dataStart + offset;
    const end = dataStart + dataLength;
    if (type === TYPE.INT32) {
      if (start + count * 4 > end) throw new Error(`rpm header tag ${tag} runs past the data`);
      out.set(
        tag,
        Array.from({ length: count }, (_, n) => view.getUint32(start + n * 4)),
      );
    } else if (type === TYPE.STRING || type === TYPE.STRING_ARRAY || type === TYPE.I18NSTRING) {
      out.set(tag, readStrings(blob, start, end, type === TYPE.STRING ? 1 : count, tag));
    }
  }
  return out;
}

function readStrings(blob: Uint8Array, start: number, end: number, count: number, tag: number): string[] {
  const out: string[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    const nul = blob.indexOf(0, at);
    if (nul < 0 || nul >= end) throw new Error(`rpm header tag ${tag}: string without its terminating NUL`);
    out.push(Buffer.from(blob.subarray(at, nul)).toString('utf8'));
    at = nul + 1;
  }
  return out;
}

/** The first string of a tag (I18NSTRING: the C locale's). */
export function headerString(header: Map<number, HeaderValue>, tag: number): string | undefined {
  const value = header.get(tag)?.[0];
  return typeof value === 'string' ? value : undefined;
}

/** The first number of an INT32 tag. */
export function headerNumber(header: Map<number, HeaderValue>, tag: number): number | undefined {
  const value = header.get(tag)?.[0];
  return typeof value === 'number' ? value : undefined;
}

/** All strings of a string-array tag. */
export function headerStrings(header: Map<number, HeaderValue>, tag: number): string[] {
  return (header.get(tag) ?? []).filter((value): value is string => typeof value === 'string');
}
