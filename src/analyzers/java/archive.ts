/**
 * Reads a Java archive (jar, war, ear, par, Jenkins jpi/hpi) and the archives nested in it, bounded in depth and in
 * total uncompressed bytes, so a zip bomb or a deeply nested archive fails with a reason instead of exhausting memory.
 * Unzipping uses fflate, which decompresses each wanted entry into a buffer of its declared size (never more).
 */

import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { type FoundPackage, packageKey } from '../../core/package.ts';
import { JAVA_ARCHIVE } from './file-kind.ts';
import { identifyArchive, parseManifest, parseProperties, pomCoordinates } from './parse.ts';

/** Archives nested deeper than this (the outer archive is depth 0) are not opened. */
export const MAX_NESTING_DEPTH = 4;
/** Uncompressed bytes read from one outer archive, nested archives included. */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;
const MANIFEST = /^META-INF\/MANIFEST\.MF$/i;
/** Smallest central directory record (APPNOTE 4.3.12): bounds the entry count a file can honestly claim. */
const CENTRAL_RECORD_SIZE = 46;

/** Packages found in an archive and the archives nested in it, with what could not be read. */
export interface ArchiveFindings {
  packages: FoundPackage[];
  unknowns: string[];
}

/** Reads a Java archive: each package once, the archive's SHA-1 on the package that is the archive itself. */
export function readJavaArchive(path: string, bytes: Uint8Array): ArchiveFindings {
  const findings: ArchiveFindings = { packages: [], unknowns: [] };
  readArchive({ fileName: path, inner: [] }, bytes, 0, { remaining: MAX_UNCOMPRESSED_BYTES }, findings);
  const seen = new Map<string, FoundPackage>();
  for (const pkg of findings.packages) {
    const key = packageKey(pkg);
    const first = seen.get(key);
    if (!first) seen.set(key, pkg);
    else if (!first.hashes && pkg.hashes) first.hashes = pkg.hashes;
  }
  return { packages: [...seen.values()], unknowns: findings.unknowns };
}

/** Where an archive is: its file name, and the entry path of each enclosing nested archive (empty for the outer one). */
interface ArchivePlace {
  fileName: string;
  inner: string[];
}

function readArchive(
  place: ArchivePlace,
  bytes: Uint8Array,
  depth: number,
  budget: { remaining: number },
  out: ArchiveFindings,
): void {
  // Problems are reported against the outer file; inside nested archives they name the entry path.
  const where = (entry?: string) => [...place.inner, ...(entry ? [entry] : [])].join('!/');
  const problem = (reason: string, entry?: string) => {
    const at = where(entry);
    out.unknowns.push(at ? `${at}: ${reason}` : reason);
  };
  checkEntryCount(bytes);
  let exhausted = false;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      const wanted =
        POM_PROPERTIES.test(file.name) ||
        MANIFEST.test(file.name) ||
        (depth < MAX_NESTING_DEPTH && JAVA_ARCHIVE.test(file.name));
      if (!wanted) return false;
      if (file.originalSize > budget.remaining) {
        exhausted = true;
        return false;
      }
      budget.remaining -= file.originalSize;
      return true;
    },
  });
  if (exhausted) problem(`stopped after ${MAX_UNCOMPRESSED_BYTES} uncompressed bytes`);

  const text = (data: Uint8Array) => Buffer.from(data).toString('utf8');
  const poms = Object.entries(entries)
    .filter(([name]) => POM_PROPERTIES.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([name, data]) => {
      const coordinates = pomCoordinates(parseProperties(text(data)));
      if (!coordinates) problem('groupId, artifactId or version missing', name);
      return coordinates ? [coordinates] : [];
    });
  const manifestEntry = Object.entries(entries).find(([name]) => MANIFEST.test(name));
  const identity = identifyArchive(
    place.fileName,
    poms,
    manifestEntry ? parseManifest(text(manifestEntry[1])) : undefined,
  );
  identity.packages.forEach((pkg, index) => {
    if (index === identity.main) pkg.hashes = [{ algorithm: 'SHA-1', value: sha1(bytes) }];
    out.packages.push(pkg);
  });
  for (const reason of identity.problems) problem(reason);

  for (const [name, data] of Object.entries(entries)) {
    if (!JAVA_ARCHIVE.test(name) || name.endsWith('/')) continue;
    try {
      readArchive({ fileName: name, inner: [...place.inner, name] }, data, depth + 1, budget, out);
    } catch (error) {
      problem(error instanceof Error ? error.message : String(error), name);
    }
  }
}

/**
 * Refuses archives whose end record claims more entries than the file could hold: fflate walks the claimed count,
 * so a forged count would otherwise keep it busy for billions of iterations.
 */
function checkEntryCount(bytes: Uint8Array): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (dv.getUint32(at, true) !== 0x06054b50) continue;
    let count = dv.getUint16(at + 10, true);
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    if (at >= 20 && dv.getUint32(at - 20, true) === 0x07064b50) {
      const zip64 = Number(dv.getBigUint64(at - 12, true));
      if (zip64 + 40 <= bytes.length && dv.getUint32(zip64, true) === 0x06064b50) {
        count = Number(dv.getBigUint64(zip64 + 32, true));
      }
    }
    if (count * CENTRAL_RECORD_SIZE > bytes.length) throw new Error(`not a valid zip archive: claims ${count} entries`);
    return;
  }
  throw new Error('not a zip archive: no end of central directory record');
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}
