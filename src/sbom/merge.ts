/**
 * Merging package lists from several analyzers and SBOMs (DESIGN §5): by normalised purl, never by bare
 * name+version (KubeClarity's key collided across ecosystems). The match key keeps what identifies a package and
 * drops what tools disagree on (docs/sbom.md, "Merge rule"):
 * - the purl is round-tripped through packageurl-js (type and, where the purl spec says so, name lowercased; PyPI
 *   names PEP 503-normalised);
 * - OS packages (deb, apk, rpm) lose their namespace: it is the distro as each tool spells it (`rhel`/`redhat`,
 *   `amzn`/`amazon`), and an image has one package database per type;
 * - an `epoch` qualifier is folded into the version (`1:2.5.1-4`), as some tools write it there and some do not;
 * - of the qualifiers only `classifier` (a different Maven artifact) is kept; `distro` (`alpine-3.11` vs `3.11.5`),
 *   `distro_name`, `type`, `package-id`, `upstream`, `repository_url` and the like are dropped;
 * - `arch` is matched when both sides have it (multi-arch dpkg installs the same version twice); a side without it
 *   matches the single package of any arch with that key.
 * The merged package keeps the first list's identity and purl and unions foundBy, locations, licenses, hashes,
 * CPEs and dependency edges.
 */
import { PackageURL } from 'packageurl-js';
import { type Package, type PackageLocation, packageKey } from '../core/package.ts';

const OS_TYPES = new Set(['deb', 'apk', 'rpm']);
const KEPT_QUALIFIERS = ['classifier'] as const;

/** The canonical text of a purl: packageurl-js round trip, lowercase type, sorted qualifiers. Unparseable input is returned as is. */
export function canonicalPurl(purl: string): string {
  const parsed = parse(purl);
  return parsed ? parsed.toString() : purl;
}

/** The merge key of a purl and its arch (matched separately); undefined when it is no purl. */
export function purlMatchKey(purl: string): { key: string; arch?: string } | undefined {
  const parsed = parse(purl);
  if (!parsed) return undefined;
  const type = parsed.type;
  const qualifiers = parsed.qualifiers ?? {};
  let version = parsed.version ?? '';
  const epoch = qualifiers.epoch;
  if (epoch && epoch !== '0' && !version.startsWith(`${epoch}:`)) version = `${epoch}:${version}`;
  let name = parsed.name;
  if (type === 'pypi') name = name.toLowerCase().replace(/[-_.]+/g, '-');
  const namespace = OS_TYPES.has(type) ? undefined : parsed.namespace;
  const kept: Record<string, string> = {};
  for (const qualifier of KEPT_QUALIFIERS) {
    const value = qualifiers[qualifier];
    if (value) kept[qualifier] = value;
  }
  const key = new PackageURL(type, namespace, name, version, kept, parsed.subpath).toString();
  return qualifiers.arch ? { key, arch: qualifiers.arch } : { key };
}

/** Merges package lists (the first list wins identity); inputs are not modified. Output is sorted by purl. */
export function mergePackages(lists: readonly (readonly Package[])[]): Package[] {
  const merged: Package[] = [];
  const index = new Map<string, { pkg: Package; arch?: string }[]>();
  // Dependency edges name packages by `packageKey`, which differs between sources (an OS package's namespace is
  // set by decoders, not by analyzers): every incoming key is mapped to the package it merged into.
  const byKey = new Map<string, Package>();
  for (const list of lists) {
    for (const incoming of list) {
      const match = purlMatchKey(incoming.purl);
      const key = match?.key ?? incoming.purl;
      const candidates = index.get(key) ?? [];
      const target = pick(candidates, match?.arch);
      if (target) {
        mergeInto(target.pkg, incoming);
        target.arch ??= match?.arch;
        if (!byKey.has(packageKey(incoming))) byKey.set(packageKey(incoming), target.pkg);
        continue;
      }
      const copy = structuredClone(incoming) as Package;
      merged.push(copy);
      candidates.push(match?.arch ? { pkg: copy, arch: match.arch } : { pkg: copy });
      index.set(key, candidates);
      if (!byKey.has(packageKey(incoming))) byKey.set(packageKey(incoming), copy);
    }
  }
  for (const pkg of merged) {
    if (!pkg.dependsOn) continue;
    const own = packageKey(pkg);
    const keys = pkg.dependsOn.map((key) => {
      const target = byKey.get(key);
      return target ? packageKey(target) : key;
    });
    pkg.dependsOn = [...new Set(keys)].filter((key) => key !== own);
  }
  return merged.sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
}

/** The package an incoming one with this arch merges into: same arch, or an arch-less one, or the only one. */
function pick(candidates: { pkg: Package; arch?: string }[], arch: string | undefined) {
  if (arch) {
    return candidates.find((candidate) => candidate.arch === arch) ?? candidates.find((candidate) => !candidate.arch);
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

function mergeInto(target: Package, incoming: Package): void {
  union(target.foundBy, incoming.foundBy);
  for (const location of incoming.locations) {
    if (!target.locations.some((existing) => sameLocation(existing, location))) target.locations.push({ ...location });
  }
  for (const field of ['licenses', 'cpes', 'dependsOn'] as const) {
    const values = [...(target[field] ?? [])];
    union(values, incoming[field] ?? []);
    if (values.length > 0) target[field] = values;
  }
  for (const hash of incoming.hashes ?? []) {
    target.hashes ??= [];
    if (!target.hashes.some((known) => known.algorithm === hash.algorithm)) target.hashes.push({ ...hash });
  }
  if (!target.source && incoming.source) target.source = { ...incoming.source };
  // A package is dev-only when every source says so.
  if (target.dev && !incoming.dev) delete target.dev;
}

/** Same file (a missing layer on either side does not tell them apart); a pathless location (Trivy's OS packages) only names a layer. */
function sameLocation(a: PackageLocation, b: PackageLocation): boolean {
  if (b.path === '') return a.layerDiffId === b.layerDiffId;
  return a.path === b.path && (a.layerDiffId === b.layerDiffId || !a.layerDiffId || !b.layerDiffId);
}

function union(into: string[], values: readonly string[]): void {
  for (const value of values) if (!into.includes(value)) into.push(value);
}

function parse(purl: string): PackageURL | undefined {
  try {
    return PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
}
