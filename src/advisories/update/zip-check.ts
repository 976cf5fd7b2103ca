/**
 * A cheap completeness test for a downloaded zip before its old data is dropped. A zip ends with its central
 * directory and the end-of-central-directory record (APPNOTE.TXT §4.3.16); a truncated download loses them, while a
 * streaming reader would silently keep the entries before the cut.
 */
import { open } from 'node:fs/promises';

/** The EOCD record's signature, and its size without the trailing comment (at most 65,535 bytes). */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Zip64 archives (over 65,535 entries, e.g. npm's) put a locator just before the EOCD (§4.3.15). */
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;

/** The reason the file is not a complete zip, or undefined when its end is intact. */
export async function zipEndProblem(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const start = Buffer.alloc(Math.min(size, 40));
    await handle.read(start, 0, start.length, 0);
    // Every zip starts with a local file header, or with the EOCD when it is empty ("PK\x03\x04", "PK\x05\x06").
    if (start.length < 2 || start.toString('latin1', 0, 2) !== 'PK') {
      const text = start.toString('utf8').replace(/\s+/g, ' ').trim();
      return `it is not a zip archive; it starts with ${text ? JSON.stringify(text) : 'nothing (the file is empty)'}`;
    }
    if (size < EOCD_SIZE) return `${size} bytes is too short for a zip archive`;
    const length = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    for (let at = length - EOCD_SIZE; at >= 0; at--) {
      if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
      const directorySize = tail.readUInt32LE(at + 12);
      const directoryOffset = tail.readUInt32LE(at + 16);
      const eocdAt = size - length + at;
      if (directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
        const locatorAt = at - ZIP64_LOCATOR_SIZE;
        if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === ZIP64_LOCATOR_SIGNATURE) return undefined;
        continue;
      }
      if (directoryOffset + directorySize <= eocdAt) return undefined;
    }
    return 'the archive is incomplete: its end-of-central-directory record is missing (a truncated download?)';
  } finally {
    await handle.close();
  }
}
