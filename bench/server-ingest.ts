/** The ingestion report of the server benchmark (server-bench.ts) and of its statement trace (server-ingest-trace.ts). */
import type { SeedSummary } from './server-seed.ts';

/** A 1,000-package scan: 700 packages the store knows (popular ones) and 300 new, with 150 findings. */
export function ingestReport(seed: Pick<SeedSummary, 'popularPackages'>, n: number) {
  const known = seed.popularPackages.slice(0, 700);
  const fresh = Array.from({ length: 1000 - known.length }, (_, i) => ({
    purl: `pkg:npm/bench-new-${n}-${i}@1.0.${i % 7}`,
    name: `bench-new-${n}-${i}`,
    version: `1.0.${i % 7}`,
    type: 'npm',
  }));
  const packages = [...known, ...fresh].map((pkg) => ({
    ...pkg,
    foundBy: [pkg.type === 'deb' ? 'dpkg' : pkg.type],
    locations: [{ path: `/app/${pkg.name}` }],
  }));
  const levels = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
  const findings = packages.slice(0, 150).map((pkg, i) => ({
    id: `CVE-2030-${String(n * 1000 + i).padStart(6, '0')}`,
    packagePurl: pkg.purl,
    packageName: pkg.name,
    installedVersion: pkg.version,
    packageType: pkg.type,
    fixedVersions: i % 3 === 0 ? [] : [`${pkg.version}-fix`],
    severity: { level: levels[i % 4] ?? 'LOW', score: 4 + (i % 6) },
    description: `benchmark advisory ${i}`,
  }));
  const hash = `sha256:${n.toString(16).padStart(8, '0')}${'b'.repeat(56)}`;
  return {
    resource: { name: `bench/ingest:${n}`, hash, type: 'IMAGE' as const },
    os: { id: 'debian', versionId: '12' },
    packages,
    findings,
    scanners: ['lucent'],
  };
}
