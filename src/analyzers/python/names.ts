/** Python package names and the pypi packages built from them. */
import { type FoundPackage, packageKey } from '../../core/package.ts';

/** PEP 503 normalised name: lowercase, runs of `-`, `_` and `.` become one `-` (https://peps.python.org/pep-0503/). */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, '-');
}

/** A pypi package with a normalised name. */
export function pypiPackage(name: string, version: string, extra: Partial<FoundPackage> = {}): FoundPackage {
  return { type: 'pypi', name: normalizePythonName(name), version: version.trim(), ...extra };
}

/** Dependency edges to locked packages by (normalised) name; a name locked at several versions gives no edge. */
export function edgesByName(packages: readonly FoundPackage[]): (name: string, version?: string) => string | undefined {
  const byName = new Map<string, FoundPackage[]>();
  for (const pkg of packages) byName.set(pkg.name, [...(byName.get(pkg.name) ?? []), pkg]);
  return (name, version) => {
    const candidates = byName.get(normalizePythonName(name)) ?? [];
    const match = version === undefined ? candidates : candidates.filter((pkg) => pkg.version === version);
    return match.length === 1 && match[0] ? packageKey(match[0]) : undefined;
  };
}
