/**
 * Packages read from other SBOMs: identity (type, namespace, name, version, qualifiers) comes from the purl, never
 * from the component's display name, so that CycloneDX and SPDX from any tool decode to the same `Package`.
 */
import { PackageURL } from 'packageurl-js';
import type { Package, PackageHash, PackageLocation, PackageType } from '../core/package.ts';
import { canonicalPurl } from './merge.ts';

const PACKAGE_TYPES: ReadonlySet<string> = new Set<PackageType>([
  'deb',
  'apk',
  'rpm',
  'npm',
  'pypi',
  'golang',
  'maven',
  'gem',
  'cargo',
  'composer',
  'nuget',
]);

/** An SBOM entry that was not turned into a package, and why. */
export interface SkippedEntry {
  /** The entry's bom-ref, SPDXID or name. */
  ref: string;
  reason: string;
}

/** Everything but the identity of a decoded package. */
export interface DecodedFacts {
  foundBy: string[];
  locations: PackageLocation[];
  licenses: string[];
  hashes: PackageHash[];
  source?: { name: string; version: string } | undefined;
  dev?: boolean | undefined;
  cpes: string[];
}

/** A package from a purl and what the SBOM says about it, or the reason it cannot be one. */
export function decodedPackage(purl: string | undefined, facts: DecodedFacts): Package | { skipped: string } {
  if (!purl) return { skipped: 'no purl' };
  let parsed: PackageURL;
  try {
    parsed = PackageURL.fromString(purl);
  } catch (error) {
    return { skipped: `invalid purl ${purl}: ${(error as Error).message}` };
  }
  const type = parsed.type.toLowerCase();
  if (!PACKAGE_TYPES.has(type)) return { skipped: `purl type ${type} is not a package ecosystem Lucent models` };
  if (!parsed.version) return { skipped: `purl ${purl} has no version` };
  const pkg: Package = {
    type: type as PackageType,
    name: parsed.name,
    version: parsed.version,
    purl: canonicalPurl(purl),
    foundBy: [...new Set(facts.foundBy)],
    locations: facts.locations,
  };
  if (parsed.namespace) pkg.namespace = parsed.namespace;
  if (parsed.qualifiers && Object.keys(parsed.qualifiers).length > 0) pkg.qualifiers = { ...parsed.qualifiers };
  if (facts.licenses.length > 0) pkg.licenses = [...new Set(facts.licenses)];
  if (facts.hashes.length > 0) pkg.hashes = facts.hashes;
  if (facts.source) pkg.source = facts.source;
  if (facts.dev) pkg.dev = true;
  if (facts.cpes.length > 0) pkg.cpes = [...new Set(facts.cpes)];
  return pkg;
}

/** A tool name as a `foundBy` label: lowercased, without a vendor prefix (`@cyclonedx/cdxgen` → `cdxgen`). */
export function toolLabel(name: string | undefined): string | undefined {
  const label = name?.trim().toLowerCase().split('/').pop();
  return label ? label : undefined;
}
