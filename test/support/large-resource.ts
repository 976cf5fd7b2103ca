/**
 * A large resource for durability tests: thousands of Debian 10 packages named after the source packages of the real
 * DSA list (so re-matching them against the real DSA/DLA data is real work with real findings), as a content
 * analysis with its CycloneDX SBOM, and as a vulnerability scan with one finding per package.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** The importer's fixtures: the real DSA and DLA lists (gzipped). */
export const DEBIAN_TRACKER_FIXTURES = fileURLToPath(
  new URL('../../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url),
);

/** Every source package name the DSA list names, in order of first appearance. */
export function dsaPackageNames(): string[] {
  const text = gunzipSync(readFileSync(`${DEBIAN_TRACKER_FIXTURES}DSA-list.txt.gz`)).toString('utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/^\[[^\]]+\] DSA-\S+ (\S+) /gm)) if (match[1]) names.add(match[1]);
  return [...names];
}

/** One package of the large resource. */
export interface LargePackage {
  purl: string;
  name: string;
  version: string;
  type: 'deb';
  foundBy: string[];
  locations: { path: string }[];
}

/** `count` distinct packages: each DSA name at versions 0.1-1, 0.2-1, … (older than every fix). */
export function largePackages(count: number): LargePackage[] {
  const names = dsaPackageNames();
  return Array.from({ length: count }, (_, index) => {
    const name = names[index % names.length] ?? 'x';
    const version = `0.${Math.floor(index / names.length) + 1}-1`;
    return {
      purl: `pkg:deb/debian/${name}@${version}?arch=amd64&distro=debian-10`,
      name,
      version,
      type: 'deb' as const,
      foundBy: ['dpkg'],
      locations: [{ path: '/var/lib/dpkg/status' }],
    };
  });
}

/** A CycloneDX 1.6 document listing the packages. */
export function cycloneDx(packages: readonly LargePackage[]): unknown {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: { tools: { components: [{ type: 'application', name: 'lucent', version: 'test' }] } },
    components: packages.map((pkg) => ({
      type: 'library',
      'bom-ref': pkg.purl,
      name: pkg.name,
      version: pkg.version,
      purl: pkg.purl,
    })),
  };
}

/** The resource as reports name it. */
export function largeResourceRef(hash: string): { name: string; hash: string; type: 'IMAGE' } {
  return { name: `synthetic/debian:${hash.slice(7, 15)}`, hash, type: 'IMAGE' };
}

/** A content analysis of `count` packages with its SBOM. */
export function largeContentAnalysis(count: number, hash: string) {
  const packages = largePackages(count);
  return {
    resource: largeResourceRef(hash),
    os: { id: 'debian', versionId: '10' },
    packages,
    sbom: { format: 'cyclonedx-json', document: cycloneDx(packages) },
  };
}

/** A vulnerability scan of `count` packages with one finding each. */
export function largeVulnerabilityScan(count: number, hash: string) {
  const packages = largePackages(count);
  const levels = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
  return {
    resource: largeResourceRef(hash),
    os: { id: 'debian', versionId: '10' },
    packages,
    scanners: ['lucent'],
    findings: packages.map((pkg, index) => ({
      id: `CVE-2099-${String(index + 1).padStart(5, '0')}`,
      packagePurl: pkg.purl,
      packageName: pkg.name,
      installedVersion: pkg.version,
      packageType: 'deb',
      fixedVersions: index % 3 === 0 ? [] : [`${pkg.version}+deb10u1`],
      severity: { level: levels[index % levels.length] ?? 'LOW', score: 5 + (index % 5) },
      description: `synthetic advisory ${index + 1} for ${pkg.name}`,
    })),
  };
}
