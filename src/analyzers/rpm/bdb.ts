/**
 * The values of a BerkeleyDB hash database, as rpm's `Packages` file uses it (key: header number, value: header
 * blob). Page layouts: Berkeley DB's dbinc/db_page.h (hash pages, HOFFPAGE items, overflow pages). Written here
 * because no kept npm library reads BerkeleyDB files without native code, and rpm needs only this read path.
 */

/** Header blobs read from a database, and what could not be read. */
export interface RpmBlobs {
  blobs: Uint8Array[];
  problems: string[];
}

const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26; // P_OVERHEAD: lsn 8, pgno 4, prev 4, next 4, entries 2, hf_offset 2, level 1, type 1
const P_HASH_UNSORTED = 2;
const P_HASH = 13;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;

/** True when the bytes start with a BerkeleyDB hash metadata page (either byte order). */
export function isBerkeleyHash(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 512) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(12, true) === HASH_MAGIC || view.getUint32(12, false) === HASH_MAGIC;
}

/** Every value of a hash database whose key is not 0 (rpm keeps its next header number under key 0). */
export function readBerkeleyHashValues(bytes: Uint8Array): RpmBlobs {
  if (!isBerkeleyHash(bytes)) throw new Error('not a BerkeleyDB hash database');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = view.getUint32(12, true) === HASH_MAGIC;
  const pageSize = view.getUint32(20, little);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new Error(`BerkeleyDB page size ${pageSize} is not a power of two between 512 and 65536`);
  }
  const pages = Math.floor(bytes.byteLength / pageSize);
  const blobs: Uint8Array[] = [];
  const problems: string[] = [];
  for (let page = 1; page < pages; page++) {
    const base = page * pageSize;
    const type = bytes[base + 25];
    if (type !== P_HASH && type !== P_HASH_UNSORTED) continue;
    const entries = view.getUint16(base + 20, little);
    if (PAGE_HEADER + entries * 2 > pageSize) {
      problems.push(`page ${page}: ${entries} items do not fit on the page`);
      continue;
    }
    const offsets = Array.from({ length: entries }, (_, i) => view.getUint16(base + PAGE_HEADER + i * 2, little));
    // Items fill the page from its end: item i runs from its offset to the previous item's offset.
    const item = (i: number) => {
      const start = offsets[i] as number;
      const end = i === 0 ? pageSize : (offsets[i - 1] as number);
      if (start < PAGE_HEADER || end > pageSize || start >= end) throw new Error(`item ${i} out of bounds`);
      return bytes.subarray(base + start, base + end);
    };
    for (let i = 0; i + 1 < entries; i += 2) {
      try {
        const key = item(i);
        if (key[0] === H_KEYDATA && key.byteLength === 5 && key.subarray(1).every((byte) => byte === 0)) continue;
        const value = item(i + 1);
        if (value[0] === H_KEYDATA) blobs.push(value.subarray(1));
        else if (value[0] === H_OFFPAGE) blobs.push(readOverflow(bytes, view, little, pageSize, value));
        else problems.push(`page ${page}: item ${i + 1} has unsupported type ${value[0]}`);
      } catch (error) {
        problems.push(`page ${page}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return { blobs, problems };
}

/** Follows a HOFFPAGE item (type 1, unused 3, pgno 4, tlen 4) through its chain of overflow pages. */
function readOverflow(bytes: Uint8Array, view: DataView, little: boolean, pageSize: number, item: Uint8Array) {
  const itemView = new DataView(item.buffer, item.byteOffset, item.byteLength);
  if (item.byteLength < 12) throw new Error('overflow item shorter than 12 bytes');
  let page = itemView.getUint32(4, little);
  const total = itemView.getUint32(8, little);
  const out = new Uint8Array(total);
  let filled = 0;
  const seen = new Set<number>();
  while (page !== 0 && filled < total) {
    if (seen.has(page) || (page + 1) * pageSize > bytes.byteLength) throw new Error(`bad overflow page ${page}`);
    seen.add(page);
    const base = page * pageSize;
    // On overflow pages hf_offset holds the number of bytes used on the page.
    const used = Math.min(view.getUint16(base + 22, little), pageSize - PAGE_HEADER, total - filled);
    out.set(bytes.subarray(base + PAGE_HEADER, base + PAGE_HEADER + used), filled);
    filled += used;
    page = view.getUint32(base + 16, little);
  }
  if (filled !== total) throw new Error(`overflow chain holds ${filled} of ${total} bytes`);
  return out;
}
