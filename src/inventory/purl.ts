/**
 * Package URLs, built with packageurl-js (https://github.com/package-url/purl-spec). OS packages get the distro as
 * namespace and a `distro` qualifier (`debian-12`, `alpine-3.11`), as Trivy and Syft write them, so that SBOMs from
 * different tools merge on the same key.
 */
import { createRequire } from 'node:module';
import type { PackageURL as PackageUrl } from 'packageurl-js';
import type { FoundPackage, OsInfo } from '../core/package.ts';

/** packageurl-js, loaded on first use: a warm run that reads its inventory from the cache builds no purl. */
let packageUrl: typeof PackageUrl | undefined;
function packageUrlClass(): typeof PackageUrl {
  packageUrl ??= (createRequire(import.meta.url)('packageurl-js') as { PackageURL: typeof PackageUrl }).PackageURL;
  return packageUrl;
}

const OS_TYPES = new Set<FoundPackage['type']>(['deb', 'apk', 'rpm']);

/** True for OS package types, whose identity depends on the distro. */
export function isOsPackage(pkg: Pick<FoundPackage, 'type'>): boolean {
  return OS_TYPES.has(pkg.type);
}

/** The distro qualifier: `<id>-<version>`; Alpine keeps only major.minor, as its branches are named. */
export function distroQualifier(os: OsInfo): string | undefined {
  if (!os.versionId) return undefined;
  const version = os.id === 'alpine' ? os.versionId.split('.').slice(0, 2).join('.') : os.versionId;
  return `${os.id}-${version}`;
}

/** The purl of a found package in an image with the given OS. */
export function purlFor(pkg: FoundPackage, os: OsInfo | undefined): string {
  const qualifiers: Record<string, string> = { ...pkg.qualifiers };
  let namespace = pkg.namespace;
  if (isOsPackage(pkg) && os) {
    namespace ??= os.id;
    const distro = distroQualifier(os);
    if (distro) qualifiers.distro = distro;
  }
  const sorted = Object.keys(qualifiers).length > 0 ? qualifiers : undefined;
  return new (packageUrlClass())(pkg.type, namespace, pkg.name, pkg.version, sorted, undefined).toString();
}

/** Parses a purl string, or undefined when it is not one. */
export function parsePurl(text: string): PackageUrl | undefined {
  try {
    return packageUrlClass().fromString(text);
  } catch {
    return undefined;
  }
}
