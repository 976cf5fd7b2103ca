/**
 * What content analysis finds: packages (with where they were found and by whom), the operating system, and the
 * files that could not be understood. These types are shared by analyzers, SBOM formats, the matcher and the server.
 */

/** Package ecosystems, named by their package-url type (https://github.com/package-url/purl-spec). */
export type PackageType =
  | 'deb'
  | 'apk'
  | 'rpm'
  | 'npm'
  | 'pypi'
  | 'golang'
  | 'maven'
  | 'gem'
  | 'cargo'
  | 'composer'
  | 'nuget';

/** A content hash, with CycloneDX's algorithm names. */
export interface PackageHash {
  algorithm: 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-512';
  value: string;
}

/** Where a package was found: the file that declared it and the layer that put it there. */
export interface PackageLocation {
  /** Absolute path in the image, e.g. `/var/lib/dpkg/status`. */
  path: string;
  /** DiffID of the layer that added the package (absent for directories). */
  layerDiffId?: string;
  layerIndex?: number;
}

/** A package as an analyzer reports it, before the inventory gives it a purl, locations and provenance. */
export interface FoundPackage {
  type: PackageType;
  /** purl namespace: npm scope, Maven group, Go module path prefix, Composer vendor; OS packages get the distro. */
  namespace?: string;
  name: string;
  version: string;
  /** purl qualifiers the analyzer knows (arch, epoch, …); the inventory adds the distro. */
  qualifiers?: Record<string, string>;
  /** License identifiers or expressions, SPDX where they can be recognised, else as written. */
  licenses?: string[];
  /** Source package of an OS package (dpkg `Source:`, apk origin, rpm source RPM). */
  source?: { name: string; version: string };
  hashes?: PackageHash[];
  /** A development-only dependency (from a lock file). */
  dev?: boolean;
  /** Names (`namespace/name@version` keys, see `packageKey`) of packages this one depends on, where known. */
  dependsOn?: string[];
  /** CPEs only when certain (never guessed). */
  cpes?: string[];
}

/** A package in an inventory. */
export interface Package extends FoundPackage {
  /** The normalised package URL: the package's identity across analyzers, formats and merges. */
  purl: string;
  /** Analyzers (and plug-ins) that reported it. */
  foundBy: string[];
  locations: PackageLocation[];
}

/** A file that an analyzer could not understand: recorded in the output, never a crash. */
export interface Unknown {
  path: string;
  layerDiffId?: string;
  analyzer: string;
  reason: string;
}

/** The operating system of an image, from os-release or its fallbacks. */
export interface OsInfo {
  /** os-release `ID`, e.g. `debian`, `alpine`, `ubuntu`, `rhel`. */
  id: string;
  versionId?: string;
  versionCodename?: string;
  prettyName?: string;
  idLike?: string[];
}

/** A key that identifies a package within one ecosystem, used for dependency edges. */
export function packageKey(pkg: Pick<FoundPackage, 'type' | 'namespace' | 'name' | 'version'>): string {
  return `${pkg.type}:${pkg.namespace ? `${pkg.namespace}/` : ''}${pkg.name}@${pkg.version}`;
}
