/**
 * Which OSV ecosystem and which versioning scheme a package belongs to. OS packages belong to their distro release
 * (`Debian:12`, `Alpine:v3.11`, `Ubuntu:22.04`), as OSV names them (https://ossf.github.io/osv-schema/#affectedpackage-field).
 */
import type { OsInfo, Package } from '../core/package.ts';

/** Language package types → OSV ecosystem names. */
const LANGUAGE_ECOSYSTEMS: Partial<Record<Package['type'], string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  gem: 'RubyGems',
  cargo: 'crates.io',
  composer: 'Packagist',
  nuget: 'NuGet',
};

/** OSV ecosystems (prefix before `:`) → versioning scheme names (src/versioning/). */
const SCHEMES: Record<string, string> = {
  npm: 'semver',
  'crates.io': 'semver',
  Go: 'go',
  PyPI: 'pep440',
  Maven: 'maven',
  RubyGems: 'gem',
  NuGet: 'nuget',
  Packagist: 'composer',
  Debian: 'deb',
  Ubuntu: 'deb',
  Alpine: 'apk',
  'Red Hat': 'rpm',
  AlmaLinux: 'rpm',
  'Rocky Linux': 'rpm',
  SUSE: 'rpm',
  openSUSE: 'rpm',
};

/** The OSV ecosystem of an OS release, e.g. `Debian:12`, `Alpine:v3.11`, `Ubuntu:22.04`; undefined when unknown. */
export function osEcosystem(os: OsInfo | undefined): string | undefined {
  if (!os?.versionId) return undefined;
  switch (os.id) {
    case 'debian':
      return `Debian:${os.versionId.split('.')[0]}`;
    case 'ubuntu':
      return `Ubuntu:${os.versionId}`;
    case 'alpine':
      return `Alpine:v${os.versionId.split('.').slice(0, 2).join('.')}`;
    default:
      return undefined;
  }
}

/** The OSV ecosystem a package is looked up in, or undefined when Lucent has no advisories for it. */
export function ecosystemOf(pkg: Pick<Package, 'type'>, os: OsInfo | undefined): string | undefined {
  if (pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm') return osEcosystem(os);
  return LANGUAGE_ECOSYSTEMS[pkg.type];
}

/** The versioning scheme name of an ecosystem (`Debian:12` → `deb`). */
export function schemeOf(ecosystem: string): string | undefined {
  return SCHEMES[ecosystem.split(':')[0] ?? ''];
}

/** The name a package is looked up under: OS packages by their source package; Maven as `group:artifact`. */
export function lookupName(pkg: Pick<Package, 'type' | 'namespace' | 'name' | 'source'>): string {
  if (pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm') return pkg.source?.name ?? pkg.name;
  if (pkg.type === 'maven') return pkg.namespace ? `${pkg.namespace}:${pkg.name}` : pkg.name;
  // npm `@scope/name`, Go module paths, Composer `vendor/name`.
  return pkg.namespace ? `${pkg.namespace}/${pkg.name}` : pkg.name;
}

/**
 * The version compared with advisories: distro feeds give fixed versions of the source package, so an OS package is
 * compared by its source version (a binNMU `+b1` binary carries the source's fix).
 */
export function lookupVersion(pkg: Pick<Package, 'type' | 'version' | 'source'>): string {
  if (pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm') return pkg.source?.version ?? pkg.version;
  return pkg.version;
}

/**
 * The OS an SBOM's OS packages name in their purls, for SBOMs without an OS component: namespace = os-release ID and
 * the `distro` qualifier its version (`distro=debian-12` as Syft and Lucent write it, `distro=3.11.5` as Trivy does).
 */
export function osFromPurls(purls: readonly string[]): OsInfo | undefined {
  for (const purl of purls) {
    const match = /^pkg:(?:deb|apk|rpm)\/([^/]+)\/[^?]*\?(?:.*&)?distro=([^&]+)/.exec(purl);
    if (!match) continue;
    const id = decodeURIComponent(match[1] as string).toLowerCase();
    const distro = decodeURIComponent(match[2] as string);
    const version = distro.startsWith(`${id}-`) ? distro.slice(id.length + 1) : distro;
    if (/^\d/.test(version)) return { id, versionId: version };
  }
  return undefined;
}
