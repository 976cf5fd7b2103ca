/**
 * rpm package databases in their three backends (BerkeleyDB `Packages`, NDB `Packages.db`, SQLite `rpmdb.sqlite`):
 * the backend is recognised by its magic bytes, each header blob becomes a package. Version is `VERSION-RELEASE`
 * with the epoch as a purl qualifier (purl-spec types/rpm-definition.json).
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';
import { isBerkeleyHash, type RpmBlobs, readBerkeleyHashValues } from './bdb.ts';
import { headerNumber, headerString, headerStrings, RPM_TAGS, readHeader } from './header.ts';
import { isNdb, readNdbBlobs } from './ndb.ts';
import { isSqlite, readSqliteBlobs } from './sqlite.ts';

/** Packages and problems found in one rpm database. */
export interface RpmParseResult {
  packages: FoundPackage[];
  unknowns: string[];
}

/** Reads an rpm database of any backend; throws when the bytes are none of them. */
export function parseRpmDatabase(bytes: Uint8Array): RpmParseResult {
  return packagesFromBlobs(readBlobs(bytes));
}

function readBlobs(bytes: Uint8Array): RpmBlobs {
  if (isSqlite(bytes)) return readSqliteBlobs(bytes);
  if (isNdb(bytes)) return readNdbBlobs(bytes);
  if (isBerkeleyHash(bytes)) return readBerkeleyHashValues(bytes);
  throw new Error('not an rpm database (no SQLite, NDB or BerkeleyDB hash magic)');
}

/** Packages from header blobs; a blob that cannot be read becomes an unknown, the others are still listed. */
export function packagesFromBlobs({ blobs, problems }: RpmBlobs): RpmParseResult {
  const unknowns = [...problems];
  const found: { pkg: FoundPackage; requires: string[]; provides: string[] }[] = [];
  blobs.forEach((blob, index) => {
    try {
      const header = readHeader(blob);
      const name = headerString(header, RPM_TAGS.NAME);
      const version = headerString(header, RPM_TAGS.VERSION);
      const release = headerString(header, RPM_TAGS.RELEASE);
      if (!name || !version) throw new Error(`no ${name ? 'VERSION' : 'NAME'} tag`);
      // gpg-pubkey entries are the keys `rpm --import` stored, not installed software.
      if (name === 'gpg-pubkey') return;
      found.push({
        pkg: toPackage(header, name, release ? `${version}-${release}` : version),
        requires: headerStrings(header, RPM_TAGS.REQUIRENAME),
        provides: [name, ...headerStrings(header, RPM_TAGS.PROVIDENAME)],
      });
    } catch (error) {
      unknowns.push(`header ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  addDependencies(found);
  return { packages: found.map((item) => item.pkg), unknowns };
}

function toPackage(header: ReturnType<typeof readHeader>, name: string, version: string): FoundPackage {
  const pkg: FoundPackage = { type: 'rpm', name, version };
  const qualifiers: Record<string, string> = {};
  const arch = headerString(header, RPM_TAGS.ARCH);
  if (arch) qualifiers.arch = arch;
  const epoch = headerNumber(header, RPM_TAGS.EPOCH);
  if (epoch !== undefined && epoch !== 0) qualifiers.epoch = String(epoch);
  if (Object.keys(qualifiers).length > 0) pkg.qualifiers = qualifiers;
  const license = headerString(header, RPM_TAGS.LICENSE);
  if (license) pkg.licenses = [license];
  const source = parseSourceRpm(headerString(header, RPM_TAGS.SOURCERPM));
  if (source) pkg.source = source;
  return pkg;
}

/** `name-version-release.src.rpm` (or `.nosrc.rpm`) → name and `version-release`; undefined when not that shape. */
export function parseSourceRpm(file: string | undefined): FoundPackage['source'] {
  const match = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(file ?? '');
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { name: match[1], version: `${match[2]}-${match[3]}` };
}

/** REQUIRENAME entries resolved to installed packages by name or PROVIDENAME (`rpmlib(…)` and files are skipped). */
function addDependencies(found: { pkg: FoundPackage; requires: string[]; provides: string[] }[]): void {
  const providers = new Map<string, FoundPackage>();
  for (const { pkg, provides } of found) {
    for (const name of provides) if (!providers.has(name)) providers.set(name, pkg);
  }
  for (const { pkg, requires } of found) {
    const keys = new Set<string>();
    for (const name of requires) {
      const target = providers.get(name);
      if (target && target !== pkg) keys.add(packageKey(target));
    }
    if (keys.size > 0) pkg.dependsOn = [...keys].sort();
  }
}
