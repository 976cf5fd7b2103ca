/**
 * Lucent's own SBOM properties, in the `lucent:` namespace. They are flat name/value pairs with an index for lists,
 * the scheme Syft uses for `syft:location:0:path`, so they fit CycloneDX `properties` and SPDX annotations alike
 * and need no JSON inside values. The names are documented in docs/sbom.md; decoders read them back.
 */
import type { OsInfo, Package, PackageLocation, Unknown } from '../core/package.ts';

/** A name/value pair. */
export type NamedValue = readonly [name: string, value: string];

/** Property names (and prefixes of indexed ones). */
export const LUCENT = {
  foundBy: 'lucent:foundBy',
  location: 'lucent:location:',
  sourceName: 'lucent:source:name',
  sourceVersion: 'lucent:source:version',
  dev: 'lucent:dev',
  cpe: 'lucent:cpe',
  unknown: 'lucent:unknown:',
  imageTag: 'lucent:image:tag',
  imagePlatform: 'lucent:image:platform',
  imageConfigDigest: 'lucent:image:configDigest',
  imageIndexDigest: 'lucent:image:indexDigest',
  imageReference: 'lucent:image:reference',
  sourceKind: 'lucent:image:sourceKind',
  layer: 'lucent:layer:',
  osId: 'lucent:os:id',
  osCodename: 'lucent:os:versionCodename',
  osPrettyName: 'lucent:os:prettyName',
  osIdLike: 'lucent:os:idLike',
} as const;

/** The Lucent properties of a package: analyzers, locations, source package, dev flag and CPEs beyond the first. */
export function packageProperties(pkg: Package, extraCpes: readonly string[] = []): NamedValue[] {
  const out: NamedValue[] = pkg.foundBy.map((name) => [LUCENT.foundBy, name] as const);
  pkg.locations.forEach((location, index) => {
    out.push([`${LUCENT.location}${index}:path`, location.path]);
    if (location.layerDiffId) out.push([`${LUCENT.location}${index}:layerDiffId`, location.layerDiffId]);
    if (location.layerIndex !== undefined)
      out.push([`${LUCENT.location}${index}:layerIndex`, `${location.layerIndex}`]);
  });
  if (pkg.source) {
    out.push([LUCENT.sourceName, pkg.source.name], [LUCENT.sourceVersion, pkg.source.version]);
  }
  if (pkg.dev) out.push([LUCENT.dev, 'true']);
  for (const cpe of extraCpes) out.push([LUCENT.cpe, cpe]);
  return out;
}

/** The Lucent properties of the OS component beyond its name and version. */
export function osProperties(os: OsInfo): NamedValue[] {
  const out: NamedValue[] = [[LUCENT.osId, os.id]];
  if (os.versionCodename) out.push([LUCENT.osCodename, os.versionCodename]);
  if (os.prettyName) out.push([LUCENT.osPrettyName, os.prettyName]);
  for (const like of os.idLike ?? []) out.push([LUCENT.osIdLike, like]);
  return out;
}

/** Files that could not be analyzed, as indexed properties of the document (CycloneDX metadata, SPDX annotations). */
export function unknownProperties(unknowns: readonly Unknown[]): NamedValue[] {
  return unknowns.flatMap((unknown, index) => {
    const prefix = `${LUCENT.unknown}${index}:`;
    const out: NamedValue[] = [
      [`${prefix}path`, unknown.path],
      [`${prefix}analyzer`, unknown.analyzer],
      [`${prefix}reason`, unknown.reason],
    ];
    if (unknown.layerDiffId) out.push([`${prefix}layerDiffId`, unknown.layerDiffId]);
    return out;
  });
}

/** What Lucent properties say about a package, read back by the decoders. */
export interface LucentFacts {
  foundBy: string[];
  locations: PackageLocation[];
  source?: { name: string; version: string };
  dev?: boolean;
  cpes: string[];
}

/** Reads Lucent package properties (unknown or malformed names are ignored). */
export function readLucentFacts(properties: readonly NamedValue[]): LucentFacts {
  const facts: LucentFacts = { foundBy: [], locations: [], cpes: [] };
  const locations = new Map<number, Partial<PackageLocation>>();
  let sourceName: string | undefined;
  let sourceVersion: string | undefined;
  for (const [name, value] of properties) {
    if (name === LUCENT.foundBy) facts.foundBy.push(value);
    else if (name === LUCENT.sourceName) sourceName = value;
    else if (name === LUCENT.sourceVersion) sourceVersion = value;
    else if (name === LUCENT.dev) facts.dev = value === 'true';
    else if (name === LUCENT.cpe) facts.cpes.push(value);
    else if (name.startsWith(LUCENT.location)) readIndexed(locations, name.slice(LUCENT.location.length), value);
  }
  if (sourceName !== undefined) facts.source = { name: sourceName, version: sourceVersion ?? '' };
  facts.locations = locationsOf(locations);
  return facts;
}

/** Indexed location fields (`<n>:path`, `<n>:layerDiffId`, `<n>:layerIndex`) collected by index. */
export function readIndexed(into: Map<number, Partial<PackageLocation>>, rest: string, value: string): void {
  const match = /^(\d+):(path|layerDiffId|layerIndex|layerID)$/.exec(rest);
  if (!match) return;
  const index = Number(match[1]);
  const location = into.get(index) ?? {};
  if (match[2] === 'path') location.path = value;
  else if (match[2] === 'layerIndex' && /^\d+$/.test(value)) location.layerIndex = Number(value);
  else if (match[2] === 'layerDiffId' || match[2] === 'layerID') location.layerDiffId = value;
  into.set(index, location);
}

/** Locations in index order; one without a path keeps an empty path (the layer is still worth knowing). */
export function locationsOf(collected: Map<number, Partial<PackageLocation>>): PackageLocation[] {
  return [...collected.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, location]) => ({ ...location, path: location.path ?? '' }));
}
