/**
 * What every npm-ecosystem parser shares: splitting scoped names into purl namespace + name, reading license fields,
 * turning Subresource Integrity strings into hashes, and a set that folds repeated installs of the same
 * name@version (nested copies in a lock file, peer variants in pnpm) into one package.
 */
import type { z } from 'zod/v3';
import { type FoundPackage, type PackageHash, packageKey } from '../../core/package.ts';
import type { licenseFieldSchema } from './schema.ts';

/** `@scope/name` → namespace `@scope` and name `name` (purl-spec, npm type). */
export function splitNpmName(full: string): { namespace?: string; name: string } {
  if (full.startsWith('@')) {
    const slash = full.indexOf('/');
    if (slash > 1) return { namespace: full.slice(0, slash), name: full.slice(slash + 1) };
  }
  return { name: full };
}

/** The package key (see `packageKey`) of an npm package by full name and version. */
export function npmKey(fullName: string, version: string): string {
  return packageKey({ type: 'npm', ...splitNpmName(fullName), version });
}

type LicenseField = z.infer<typeof licenseFieldSchema>;

/** License identifiers from `license` and the legacy `licenses` (strings, `{type}` objects or arrays of them). */
export function readLicenses(...fields: (LicenseField | undefined)[]): string[] {
  const out: string[] = [];
  const add = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) add(item);
    else if (typeof value === 'string' && value.trim() !== '') out.push(value.trim());
    else if (value && typeof value === 'object' && 'type' in value) add((value as { type?: unknown }).type);
  };
  for (const field of fields) add(field);
  return [...new Set(out)];
}

const SRI_ALGORITHMS: Record<string, PackageHash['algorithm']> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
};

/** Hashes from a Subresource Integrity string (`sha512-<base64>`, several separated by spaces), as hex. */
export function integrityHashes(integrity: string | undefined): PackageHash[] {
  const out: PackageHash[] = [];
  for (const part of integrity?.split(/\s+/) ?? []) {
    const dash = part.indexOf('-');
    const algorithm = SRI_ALGORITHMS[part.slice(0, dash)];
    if (dash <= 0 || !algorithm) continue;
    const value = Buffer.from(part.slice(dash + 1), 'base64').toString('hex');
    if (value) out.push({ algorithm, value });
  }
  return out;
}

/** True for specifiers that point at the project's own files rather than at an installed package. */
export function isLocalSpecifier(spec: string): boolean {
  return /^(file|link|portal|workspace):/.test(spec);
}

/** What a parser knows about one occurrence of a package. */
export interface NpmOccurrence {
  fullName: string;
  version: string;
  dev?: boolean;
  licenses?: string[];
  integrity?: string;
  dependsOn?: Iterable<string>;
}

interface Entry {
  pkg: FoundPackage;
  dependsOn: Set<string>;
  /** true: development only; false: needed at run time; undefined: the file cannot tell. */
  dev: boolean | undefined;
}

/** Packages keyed by name@version: repeated occurrences union their edges, and stay dev only if all are dev. */
export class NpmPackageSet {
  readonly #entries = new Map<string, Entry>();

  /** Adds one occurrence; returns its package key. */
  add(occurrence: NpmOccurrence): string {
    const key = npmKey(occurrence.fullName, occurrence.version);
    let entry = this.#entries.get(key);
    if (!entry) {
      const pkg: FoundPackage = { type: 'npm', ...splitNpmName(occurrence.fullName), version: occurrence.version };
      entry = { pkg, dependsOn: new Set(), dev: occurrence.dev };
      this.#entries.set(key, entry);
    } else {
      entry.dev = mergeDev(entry.dev, occurrence.dev);
    }
    if (occurrence.licenses?.length && !entry.pkg.licenses) entry.pkg.licenses = occurrence.licenses;
    const hashes = integrityHashes(occurrence.integrity);
    if (hashes.length > 0 && !entry.pkg.hashes) entry.pkg.hashes = hashes;
    for (const dependency of occurrence.dependsOn ?? []) if (dependency !== key) entry.dependsOn.add(dependency);
    return key;
  }

  /** Whether a package key has been added. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  /** The packages, sorted by key; edges to packages not in the set are dropped. */
  packages(): FoundPackage[] {
    return [...this.#entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, entry]) => {
        const pkg = { ...entry.pkg };
        if (entry.dev === true) pkg.dev = true;
        const edges = [...entry.dependsOn].filter((key) => this.#entries.has(key)).sort();
        if (edges.length > 0) pkg.dependsOn = edges;
        return pkg;
      });
  }
}

/** Needed at run time once any occurrence is; development-only when every occurrence is; else unknown. */
function mergeDev(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}
