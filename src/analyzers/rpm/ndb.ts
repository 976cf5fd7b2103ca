/**
 * rpm's own NDB package database, `Packages.db` (SUSE): a header and slot pages that point at 16-byte-aligned blobs,
 * all little-endian. Layout: rpm's lib/backend/ndb/rpmpkg.c (rpmpkgReadHeader, rpmpkgReadSlots, rpmpkgReadBlob).
 * Written here because the format is three fixed structs and is only read by rpm itself.
 */
import type { RpmBlobs } from './bdb.ts';

const magic = (text: string) => Buffer.from(text, 'latin1').readUInt32LE(0);
const HEADER_MAGIC = magic('RpmP');
const SLOT_MAGIC = magic('Slot');
const BLOB_MAGIC = magic('BlbS');
const PAGE = 4096;
const SLOT_SIZE = 16;
const BLOCK = 16;
const BLOB_HEADER = 16;

/** True when the bytes start with an NDB package database header. */
export function isNdb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 32 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === HEADER_MAGIC;
}

/** The header blob of every used slot. */
export function readNdbBlobs(bytes: Uint8Array): RpmBlobs {
  if (!isNdb(bytes)) throw new Error('not an rpm NDB database (no RpmP magic)');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const slotPages = buffer.readUInt32LE(12);
  if (slotPages === 0 || slotPages * PAGE > buffer.byteLength) {
    throw new Error(`NDB header claims ${slotPages} slot pages in ${buffer.byteLength} bytes`);
  }
  const blobs: Uint8Array[] = [];
  const problems: string[] = [];
  // The first two slot positions of page 0 hold the database header.
  for (let at = 2 * SLOT_SIZE; at < slotPages * PAGE; at += SLOT_SIZE) {
    const slotMagic = buffer.readUInt32LE(at);
    if (slotMagic !== SLOT_MAGIC) {
      problems.push(`slot at byte ${at} has no Slot magic`);
      continue;
    }
    const pkgIndex = buffer.readUInt32LE(at + 4);
    if (pkgIndex === 0) continue; // a free slot
    const offset = buffer.readUInt32LE(at + 8) * BLOCK;
    const blocks = buffer.readUInt32LE(at + 12);
    if (offset + BLOB_HEADER > buffer.byteLength || offset + blocks * BLOCK > buffer.byteLength) {
      problems.push(`package ${pkgIndex}: blob outside the file`);
      continue;
    }
    if (buffer.readUInt32LE(offset) !== BLOB_MAGIC || buffer.readUInt32LE(offset + 4) !== pkgIndex) {
      problems.push(`package ${pkgIndex}: no blob header at byte ${offset}`);
      continue;
    }
    const length = buffer.readUInt32LE(offset + 12);
    if (offset + BLOB_HEADER + length > buffer.byteLength) {
      problems.push(`package ${pkgIndex}: blob of ${length} bytes runs past the file`);
      continue;
    }
    blobs.push(bytes.subarray(offset + BLOB_HEADER, offset + BLOB_HEADER + length));
  }
  return { blobs, problems };
}
