/**
 * The CycloneDX model of an analysis result, built with `@cyclonedx/cyclonedx-library` and shared by the JSON and
 * XML encoders (https://cyclonedx.org/docs/1.6/json/). Each package is a `library` component whose bom-ref is its
 * purl; Lucent's provenance goes into `lucent:` properties (docs/sbom.md).
 */
import { randomUUID } from 'node:crypto';
import { ComponentType, HashAlgorithm } from '@cyclonedx/cyclonedx-library/Enums';
import {
  Bom,
  Component,
  type License,
  LicenseExpression,
  Metadata,
  NamedLicense,
  Property,
  SpdxLicense,
  Tools,
} from '@cyclonedx/cyclonedx-library/Models';
import { type Package, type PackageHash, packageKey } from '../../core/package.ts';
import { isOsPackage } from '../../inventory/purl.ts';
import type { EncodeInput } from '../encode.ts';
import { classifyLicense } from '../licenses.ts';
import { type NamedValue, osProperties, packageProperties, unknownProperties } from '../lucent-properties.ts';
import { osRef, subjectOf } from '../subject.ts';

const HASHES: Record<PackageHash['algorithm'], HashAlgorithm> = {
  MD5: HashAlgorithm.MD5,
  'SHA-1': HashAlgorithm['SHA-1'],
  'SHA-256': HashAlgorithm['SHA-256'],
  'SHA-512': HashAlgorithm['SHA-512'],
};

/** Builds the CycloneDX BOM model of an analysis result. */
export function buildBom(input: EncodeInput): Bom {
  const { result, tool } = input;
  const subject = subjectOf(result);
  const metadata = new Metadata({
    timestamp: input.timestamp ?? new Date(),
    tools: new Tools(),
    component: new Component(subject.kind === 'image' ? ComponentType.Container : ComponentType.File, subject.name, {
      bomRef: subject.ref,
      ...(subject.version ? { version: subject.version } : {}),
    }),
  });
  metadata.tools.components.add(new Component(ComponentType.Application, tool.name, { version: tool.version }));
  addProperties(metadata.component?.properties, subject.properties);
  addProperties(metadata.properties, unknownProperties(result.inventory.unknowns));
  const bom = new Bom({ metadata, serialNumber: input.serialNumber ?? `urn:uuid:${randomUUID()}` });

  const os = result.inventory.os;
  if (os) {
    const component = new Component(ComponentType.OperatingSystem, os.id, {
      bomRef: osRef(os),
      ...(os.versionId ? { version: os.versionId } : {}),
    });
    addProperties(component.properties, osProperties(os));
    bom.components.add(component);
  }
  const byKey = new Map<string, Component>();
  const refs = new Set<string>();
  for (const pkg of result.inventory.packages) {
    const component = packageComponent(pkg, uniqueRef(pkg.purl, refs));
    byKey.set(packageKey(pkg), component);
    bom.components.add(component);
  }
  for (const pkg of result.inventory.packages) {
    const component = byKey.get(packageKey(pkg));
    for (const key of pkg.dependsOn ?? []) {
      const target = byKey.get(key);
      if (component && target && target !== component) component.dependencies.add(target.bomRef);
    }
  }
  return bom;
}

/** A package as a CycloneDX component. */
function packageComponent(pkg: Package, ref: string): Component {
  const [cpe, ...extraCpes] = pkg.cpes ?? [];
  const component = new Component(ComponentType.Library, pkg.name, {
    bomRef: ref,
    version: pkg.version,
    purl: pkg.purl,
    // CycloneDX `group`: Maven groupId, npm scope, Composer vendor, Go module prefix; an OS package's purl
    // namespace is its distro, which is no group.
    ...(pkg.namespace && !isOsPackage(pkg) ? { group: pkg.namespace } : {}),
  });
  if (cpe) component.cpe = cpe;
  for (const license of componentLicenses(pkg.licenses ?? [])) component.licenses.add(license);
  for (const hash of pkg.hashes ?? []) component.hashes.set(HASHES[hash.algorithm], hash.value);
  addProperties(component.properties, packageProperties(pkg, extraCpes));
  return component;
}

/**
 * CycloneDX allows either one `expression` or a list of `license` objects. A lone expression stays an expression;
 * next to other licenses it becomes a named license, so nothing is dropped and no `AND` is invented.
 */
function componentLicenses(texts: readonly string[]): License[] {
  const choices = [...new Set(texts)].map(classifyLicense);
  if (choices.length === 1 && choices[0]?.kind === 'expression') return [new LicenseExpression(choices[0].expression)];
  return choices.map((choice) => {
    if (choice.kind === 'id') return new SpdxLicense(choice.id);
    return new NamedLicense(choice.kind === 'name' ? choice.name : choice.expression);
  });
}

/** bom-refs must be unique: a repeated purl gets `|<n>` (`|` never appears unescaped in a purl). */
function uniqueRef(purl: string, seen: Set<string>): string {
  let ref = purl;
  for (let n = 2; seen.has(ref); n += 1) ref = `${purl}|${n}`;
  seen.add(ref);
  return ref;
}

function addProperties(into: { add(property: Property): unknown } | undefined, values: readonly NamedValue[]) {
  for (const [name, value] of values) into?.add(new Property(name, value));
}
