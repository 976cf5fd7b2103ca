/**
 * A validated CycloneDX BOM (JSON, or XML converted to the same shape) as packages. Components are flattened
 * (nested ones included); those without a purl of a modelled ecosystem (the OS, files, crypto assets) are listed as
 * skipped. Dependency edges come from `dependencies`.
 */
import { type Package, type PackageHash, packageKey } from '../../core/package.ts';
import { decodedPackage, type SkippedEntry, toolLabel } from '../decoded-package.ts';
import type { DecodedSbom, DecodeOptions } from '../decoded-sbom.ts';
import { readLucentFacts } from '../lucent-properties.ts';
import type { CycloneDxComponent, CycloneDxInput } from './bom-schema.ts';
import { toolFacts } from './tool-properties.ts';

const HASHES: Record<string, PackageHash['algorithm']> = {
  MD5: 'MD5',
  'SHA-1': 'SHA-1',
  'SHA-256': 'SHA-256',
  'SHA-512': 'SHA-512',
};

/** The packages of a CycloneDX BOM. */
export function readCycloneDx(bom: CycloneDxInput, format: DecodedSbom['format'], options: DecodeOptions): DecodedSbom {
  const tool = toolName(bom) ?? 'unknown';
  const packages: Package[] = [];
  const skipped: SkippedEntry[] = [];
  const byRef = new Map<string, Package>();
  for (const component of flatten(bom.components)) {
    const ref = component['bom-ref'] ?? component.name;
    if (component.type === 'operating-system') {
      skipped.push({ ref, reason: 'operating-system component' });
      continue;
    }
    const properties = (component.properties ?? []).map((property) => [property.name, property.value] as const);
    const lucent = readLucentFacts(properties);
    const other = toolFacts(properties);
    const source = lucent.source ?? other.source;
    const decoded = decodedPackage(component.purl, {
      foundBy: options.label ? [options.label] : lucent.foundBy.length > 0 ? lucent.foundBy : [tool],
      locations: lucent.locations.length > 0 ? lucent.locations : other.locations,
      licenses: (component.licenses ?? []).flatMap((choice) => {
        const text = choice.expression ?? choice.license?.id ?? choice.license?.name;
        return text ? [text] : [];
      }),
      hashes: (component.hashes ?? []).flatMap((hash) => {
        const algorithm = HASHES[hash.alg];
        return algorithm ? [{ algorithm, value: hash.content }] : [];
      }),
      source,
      dev: lucent.dev,
      cpes: [...(component.cpe ? [component.cpe] : []), ...lucent.cpes],
    });
    if ('skipped' in decoded) {
      skipped.push({ ref, reason: decoded.skipped });
      continue;
    }
    // Syft leaves out the source version when it equals the package's.
    if (decoded.source && decoded.source.version === '') decoded.source.version = decoded.version;
    packages.push(decoded);
    if (component['bom-ref']) byRef.set(component['bom-ref'], decoded);
  }
  for (const { ref, dependsOn } of bom.dependencies) {
    const from = byRef.get(ref);
    const targets = (dependsOn ?? []).flatMap((target) => {
      const pkg = byRef.get(target);
      return pkg && pkg !== from ? [packageKey(pkg)] : [];
    });
    if (from && targets.length > 0) from.dependsOn = [...new Set([...(from.dependsOn ?? []), ...targets])];
  }
  return { format, specVersion: bom.specVersion, tool, packages, skipped };
}

function* flatten(components: readonly CycloneDxComponent[]): Generator<CycloneDxComponent> {
  for (const component of components) {
    yield component;
    if (component.components) yield* flatten(component.components);
  }
}

/** The first tool's name (1.4 list or 1.5+ components/services). */
function toolName(bom: CycloneDxInput): string | undefined {
  const tools = bom.metadata?.tools;
  if (!tools) return undefined;
  const list = Array.isArray(tools) ? tools : [...(tools.components ?? []), ...(tools.services ?? [])];
  return toolLabel(list.find((tool) => tool.name)?.name);
}
