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

/**
 * The OSV ecosystem of an OS release, e.g. `Debian:12`, `Alpine:v3.11`, `Ubuntu:22.04:LTS`, `Ubuntu:24.10`; undefined
 * when unknown.
 */
export function osEcosystem(os: OsInfo | undefined): string | undefined {
  if (!os?.versionId) return undefined;
  switch (os.id) {
    case 'debian':
      return `Debian:${os.versionId.split('.')[0]}`;
    case 'ubuntu': {
      // OSV names an Ubuntu release by its VERSION_ID, with `:LTS` for long-term support releases.
      const release = os.versionId.split('.').slice(0, 2).join('.');
      return isUbuntuLts(release, os.prettyName) ? `Ubuntu:${release}:LTS` : `Ubuntu:${release}`;
    }
    case 'alpine':
      return `Alpine:v${os.versionId.split('.').slice(0, 2).join('.')}`;
    default:
      return undefined;
  }
}

/**
 * Whether an Ubuntu release is LTS: os-release says so (`PRETTY_NAME="Ubuntu 22.04.4 LTS"`), or it is an April
 * release of an even year from 8.04 on, or 6.06 (https://wiki.ubuntu.com/Releases), for an os-release that omits it.
 */
function isUbuntuLts(release: string, prettyName: string | undefined): boolean {
  if (prettyName && /\bLTS\b/.test(prettyName)) return true;
  const [year = '', month = ''] = release.split('.');
  return release === '6.06' || (month === '04' && Number(year) >= 8 && Number(year) % 2 === 0);
}

/** The OSV ecosystem a package is looked up in, or undefined when Lucent has no advisories for it. */
export function ecosystemOf(pkg: Pick<Package, 'type'>, os: OsInfo | undefined): string | undefined {
  if (pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm') return osEcosystem(os);
  return LANGUAGE_ECOSYSTEMS[pkg.type];
}

/**
 * Every OSV ecosystem a package is looked up in: its own, and for an Ubuntu package the Ubuntu Pro one of the same
 * release (`Ubuntu:Pro:16.04:LTS`). Canonical publishes fixes past standard support there (ESM), as revisions of the
 * same source packages, so a stock install below such a fix is affected, and the fix is one a Pro subscription
 * installs. The other Pro streams (`Ubuntu:Pro:FIPS:…`, `Ubuntu:Pro:FIPS-updates:…`, `Ubuntu:Pro:Realtime:…`) version
 * builds a stock install does not have, so they are not looked up.
 */
export function ecosystemsOf(pkg: Pick<Package, 'type'>, os: OsInfo | undefined): string[] {
  const ecosystem = ecosystemOf(pkg, os);
  if (!ecosystem) return [];
  return ecosystem.startsWith('Ubuntu:') ? [ecosystem, `Ubuntu:Pro:${ecosystem.slice('Ubuntu:'.length)}`] : [ecosystem];
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
