/**
 * The image inventory: per-layer findings merged in layer order. A file's findings count only while that file is
 * still present in the squashed filesystem and came from that layer, so packages deleted by a whiteout or replaced by
 * an upper layer disappear. Packages are keyed by purl and their `foundBy`, locations and licenses unioned. Each
 * package is attributed to the lowest layer from which its declaring file kept listing it (the layer that added it).
 */

import { OS_RELEASE_PATHS } from '../analyzers/os-release/index.ts';
import type { FoundPackage, OsInfo, Package, Unknown } from '../core/package.ts';
import type { LayerDescriptor } from '../image/image.ts';
import { displayPath } from '../image/walker/paths.ts';
import type { SquashedFs } from '../image/walker/squashed-fs.ts';
import type { AnalyzedLayer, FileFindings } from '../pipeline/analyze-layers.ts';
import { purlFor } from './purl.ts';

/** What an image (or directory) contains. */
export interface Inventory {
  os?: OsInfo;
  packages: Package[];
  unknowns: Unknown[];
  layers: LayerDescriptor[];
}

interface Finding {
  analyzer: string;
  layerIndex: number;
  path: string;
  result: FileFindings;
}

/** Merges analyzed layers into the inventory. */
export function buildInventory(fs: SquashedFs, layers: readonly AnalyzedLayer[]): Inventory {
  const surviving = survivingFindings(fs, layers);
  const os = detectOs(fs, layers);
  const licenses = licenseFacts(surviving);
  const purls = purlMemo(os);
  const packages = new Map<string, Package>();
  const unknowns: Unknown[] = [];
  for (const finding of surviving) {
    const layer = layers[finding.layerIndex]?.layer;
    if (finding.result.error) unknowns.push(unknownOf(finding, finding.result.error, layer));
    for (const reason of finding.result.unknowns ?? []) unknowns.push(unknownOf(finding, reason, layer));
    for (const found of finding.result.packages) {
      const purl = purls.of(found);
      const introducedIn = layers[introducedBy(layers, finding, purl, purls)]?.layer ?? layer;
      const location = {
        path: displayPath(finding.path),
        ...(introducedIn?.diffId.startsWith('sha256:') ? { layerDiffId: introducedIn.diffId } : {}),
        ...(introducedIn ? { layerIndex: introducedIn.index } : {}),
      };
      const existing = packages.get(purl);
      if (existing) {
        mergeInto(existing, found, finding.analyzer, location);
        continue;
      }
      const pkg: Package = { ...found, purl, foundBy: [finding.analyzer], locations: [location] };
      const fromFacts = licenses.get(`${found.type}/${found.name}`);
      if ((!pkg.licenses || pkg.licenses.length === 0) && fromFacts) pkg.licenses = fromFacts;
      packages.set(purl, pkg);
    }
  }
  for (const skipped of layers.flatMap((analyzed) => analyzed.skipped.map((item) => ({ ...item, analyzed })))) {
    unknowns.push({
      path: displayPath(skipped.path),
      analyzer: 'walker',
      reason: skipped.reason,
      ...(skipped.analyzed.layer.diffId.startsWith('sha256:') ? { layerDiffId: skipped.analyzed.layer.diffId } : {}),
    });
  }
  const inventory: Inventory = {
    packages: [...packages.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0)),
    unknowns,
    layers: layers.map((analyzed) => analyzed.layer),
  };
  if (os) inventory.os = os;
  return inventory;
}

/** Findings from files still present, in the layer they came from; bottom layer first. */
function survivingFindings(fs: SquashedFs, layers: readonly AnalyzedLayer[]): Finding[] {
  const out: Finding[] = [];
  layers.forEach((analyzed, layerIndex) => {
    for (const [analyzer, findings] of Object.entries(analyzed.findings)) {
      for (const [path, result] of Object.entries(findings.files)) {
        if (fs.get(path)?.layer === layerIndex) out.push({ analyzer, layerIndex, path, result });
      }
    }
  });
  return out;
}

/** The OS named by the best identification file present, following symlinks (Debian's os-release is one). */
function detectOs(fs: SquashedFs, layers: readonly AnalyzedLayer[]): OsInfo | undefined {
  for (const path of OS_RELEASE_PATHS) {
    const resolved = fs.resolve(path);
    if (!resolved.found || !resolved.node) continue;
    const os = layers[resolved.node.layer]?.findings['os-release']?.files[resolved.path]?.os;
    if (os) return os;
  }
  return undefined;
}

/** Licenses found apart from package databases, by `type/name`; upper layers win. */
function licenseFacts(findings: Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const finding of findings) {
    for (const fact of finding.result.licenses ?? []) out.set(`${fact.type}/${fact.name}`, fact.licenses);
  }
  return out;
}

/** Purls of found packages, and the set of them in one file's findings, each built once. */
interface PurlMemo {
  of(pkg: FoundPackage): string;
  in(result: FileFindings): Set<string>;
}

function purlMemo(os: OsInfo | undefined): PurlMemo {
  const byPackage = new Map<FoundPackage, string>();
  const byFile = new Map<FileFindings, Set<string>>();
  const memo: PurlMemo = {
    of(pkg) {
      let purl = byPackage.get(pkg);
      if (purl === undefined) {
        purl = purlFor(pkg, os);
        byPackage.set(pkg, purl);
      }
      return purl;
    },
    in(result) {
      let set = byFile.get(result);
      if (!set) {
        set = new Set(result.packages.map((pkg) => memo.of(pkg)));
        byFile.set(result, set);
      }
      return set;
    },
  };
  return memo;
}

/** The lowest layer from which the same file listed the same package without a gap. */
function introducedBy(layers: readonly AnalyzedLayer[], finding: Finding, purl: string, purls: PurlMemo): number {
  let index = finding.layerIndex;
  while (index > 0) {
    const below = layers[index - 1]?.findings[finding.analyzer]?.files[finding.path];
    if (!below || !purls.in(below).has(purl)) break;
    index -= 1;
  }
  return index;
}

function mergeInto(existing: Package, found: FoundPackage, analyzer: string, location: Package['locations'][number]) {
  if (!existing.foundBy.includes(analyzer)) existing.foundBy.push(analyzer);
  if (!existing.locations.some((known) => known.path === location.path && known.layerIndex === location.layerIndex)) {
    existing.locations.push(location);
  }
  for (const license of found.licenses ?? []) {
    existing.licenses ??= [];
    if (!existing.licenses.includes(license)) existing.licenses.push(license);
  }
  for (const dependency of found.dependsOn ?? []) {
    existing.dependsOn ??= [];
    if (!existing.dependsOn.includes(dependency)) existing.dependsOn.push(dependency);
  }
  for (const hash of found.hashes ?? []) {
    existing.hashes ??= [];
    if (!existing.hashes.some((known) => known.algorithm === hash.algorithm)) existing.hashes.push(hash);
  }
  existing.dev = mergeDev(existing.dev, found.dev);
  if (existing.dev === undefined) delete existing.dev;
  existing.source ??= found.source;
  if (existing.source === undefined) delete existing.source;
}

/**
 * Dev flags combine so that a package some file says is needed at run time is not dev-only (false wins), a package
 * only ever seen as dev is dev, and files with no opinion (undefined, e.g. an installed package.json) do not count.
 */
function mergeDev(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  if (a === true || b === true) return true;
  return undefined;
}

function unknownOf(finding: Finding, reason: string, layer: LayerDescriptor | undefined): Unknown {
  return {
    path: displayPath(finding.path),
    analyzer: finding.analyzer,
    reason,
    ...(layer?.diffId.startsWith('sha256:') ? { layerDiffId: layer.diffId } : {}),
  };
}
