/**
 * SPDX 2.3 JSON output (https://spdx.github.io/spdx-spec/v2.3/). The document DESCRIBES the image (or directory)
 * package, which CONTAINS the OS and every package; DEPENDS_ON edges come from the inventory's dependency graph.
 * Each package carries its purl as a PACKAGE-MANAGER external reference. Lucent's provenance (foundBy, locations,
 * source package, dev flag) is written as annotations whose comment is `name=value`, with the property names of
 * the CycloneDX output (docs/sbom.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { OsInfo, Package, PackageHash } from '../../../core/package.ts';
import { packageKey } from '../../../core/package.ts';
import type { EncodeInput } from '../../encode.ts';
import { classifyLicense, licenseRefFor } from '../../licenses.ts';
import { type NamedValue, osProperties, packageProperties, unknownProperties } from '../../lucent-properties.ts';
import { type SbomSubject, subjectOf } from '../../subject.ts';
import type { SpdxDocument, SpdxPackage } from './schema.ts';

const CHECKSUMS: Record<PackageHash['algorithm'], 'MD5' | 'SHA1' | 'SHA256' | 'SHA512'> = {
  MD5: 'MD5',
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-512': 'SHA512',
};
const NOASSERTION = 'NOASSERTION';

/** Encodes an analysis result as an SPDX 2.3 JSON document. */
export function encodeSpdxJson(input: EncodeInput): string {
  return `${JSON.stringify(buildSpdxDocument(input), null, 2)}\n`;
}

/** Builds the SPDX 2.3 document of an analysis result. */
export function buildSpdxDocument(input: EncodeInput): SpdxDocument {
  const { result, tool } = input;
  const created = spdxDate(input.timestamp ?? new Date());
  const annotator = `Tool: ${tool.name}-${tool.version}`;
  const annotate = (values: readonly NamedValue[]) =>
    values.map(([name, value]) => ({
      annotationDate: created,
      annotationType: 'OTHER' as const,
      annotator,
      comment: `${name}=${value}`,
    }));
  const subject = subjectOf(result);
  const licenses = new ExtractedLicenses();
  const root = subjectPackage(subject, annotate(subject.properties));
  const packages: SpdxPackage[] = [root];
  const relationships: SpdxDocument['relationships'] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: root.SPDXID, relationshipType: 'DESCRIBES' },
  ];
  const os = result.inventory.os;
  if (os) {
    const osPackage = operatingSystemPackage(os, annotate(osProperties(os)));
    packages.push(osPackage);
    relationships.push({
      spdxElementId: root.SPDXID,
      relatedSpdxElement: osPackage.SPDXID,
      relationshipType: 'CONTAINS',
    });
  }
  const ids = new Map<string, string>();
  const used = new Set<string>(packages.map((pkg) => pkg.SPDXID));
  for (const pkg of result.inventory.packages) {
    const spdx = spdxPackageOf(pkg, uniqueId(`SPDXRef-Package-${pkg.type}-${pkg.name}-${shortHash(pkg.purl)}`, used));
    spdx.licenseDeclared = licenses.declared(pkg.licenses ?? []);
    spdx.annotations = annotate(packageProperties(pkg));
    ids.set(packageKey(pkg), spdx.SPDXID);
    packages.push(spdx);
    relationships.push({ spdxElementId: root.SPDXID, relatedSpdxElement: spdx.SPDXID, relationshipType: 'CONTAINS' });
  }
  for (const pkg of result.inventory.packages) {
    const from = ids.get(packageKey(pkg));
    for (const key of pkg.dependsOn ?? []) {
      const to = ids.get(key);
      if (from && to && from !== to)
        relationships.push({ spdxElementId: from, relatedSpdxElement: to, relationshipType: 'DEPENDS_ON' });
    }
  }
  const uuid = (input.serialNumber ?? `urn:uuid:${randomUUID()}`).replace(/^urn:uuid:/, '');
  const unknowns = annotate(unknownProperties(result.inventory.unknowns));
  const extracted = licenses.infos();
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: subject.name,
    // A unique URI per document (SPDX 2.3 §6.5); it need not resolve.
    documentNamespace: `https://spdx.org/spdxdocs/${tool.name}-${encodeURIComponent(subject.name)}-${uuid}`,
    creationInfo: { created, creators: [`Tool: ${tool.name}-${tool.version}`] },
    ...(unknowns.length > 0 ? { annotations: unknowns } : {}),
    packages,
    ...(extracted.length > 0 ? { hasExtractedLicensingInfos: extracted } : {}),
    relationships,
  };
}

function subjectPackage(subject: SbomSubject, annotations: SpdxPackage['annotations']): SpdxPackage {
  return {
    SPDXID: `SPDXRef-${subject.kind === 'image' ? 'Image' : 'Directory'}-${sanitize(subject.name)}`,
    name: subject.name,
    ...(subject.version ? { versionInfo: subject.version } : {}),
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    supplier: NOASSERTION,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: subject.kind === 'image' ? 'CONTAINER' : 'FILE',
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  };
}

function operatingSystemPackage(os: OsInfo, annotations: SpdxPackage['annotations']): SpdxPackage {
  return {
    SPDXID: `SPDXRef-OperatingSystem-${sanitize(os.id)}`,
    name: os.id,
    ...(os.versionId ? { versionInfo: os.versionId } : {}),
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    supplier: NOASSERTION,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: 'OPERATING_SYSTEM',
    ...(annotations && annotations.length > 0 ? { annotations } : {}),
  };
}

function spdxPackageOf(pkg: Package, id: string): SpdxPackage {
  const externalRefs: NonNullable<SpdxPackage['externalRefs']> = [
    { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
    ...(pkg.cpes ?? []).map((cpe) => ({
      referenceCategory: 'SECURITY' as const,
      referenceType: cpeType(cpe),
      referenceLocator: cpe,
    })),
  ];
  const checksums = (pkg.hashes ?? []).map((hash) => ({
    algorithm: CHECKSUMS[hash.algorithm],
    checksumValue: hash.value.toLowerCase(),
  }));
  return {
    SPDXID: id,
    name: pkg.namespace && !['deb', 'apk', 'rpm'].includes(pkg.type) ? `${pkg.namespace}/${pkg.name}` : pkg.name,
    versionInfo: pkg.version,
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    supplier: NOASSERTION,
    licenseConcluded: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: 'LIBRARY',
    ...(checksums.length > 0 ? { checksums } : {}),
    // Syft's wording for the origin of OS packages.
    ...(pkg.source ? { sourceInfo: `built package from: ${pkg.source.name} ${pkg.source.version}` } : {}),
    externalRefs,
  };
}

/** `licenseDeclared` from license strings; text that is no SPDX license becomes a `LicenseRef-` with its text. */
class ExtractedLicenses {
  readonly #byText = new Map<string, string>();
  readonly #ids = new Set<string>();

  declared(texts: readonly string[]): string {
    const terms = [...new Set(texts)].map((text) => {
      const choice = classifyLicense(text);
      if (choice.kind === 'id') return choice.id;
      if (choice.kind === 'expression') return texts.length > 1 ? `(${choice.expression})` : choice.expression;
      return this.#refFor(choice.name);
    });
    // Several licenses listed for one package all apply (a DEP-5 copyright file lists every license in the package).
    return terms.length === 0 ? NOASSERTION : terms.join(' AND ');
  }

  infos(): NonNullable<SpdxDocument['hasExtractedLicensingInfos']> {
    return [...this.#byText.entries()].map(([text, licenseId]) => ({ licenseId, extractedText: text, name: text }));
  }

  #refFor(text: string): string {
    const known = this.#byText.get(text);
    if (known) return known;
    const id = uniqueId(licenseRefFor(text), this.#ids);
    this.#byText.set(text, id);
    return id;
  }
}

function cpeType(cpe: string): string {
  return cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type';
}

/** `2024-01-02T03:04:05Z`: SPDX dates carry no fractions of a second. */
function spdxDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-');
}

/** SPDX ids from name parts plus a hash of the purl: stable across runs, unique for the same name and version. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function uniqueId(wanted: string, used: Set<string>): string {
  const base = sanitize(wanted);
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}
