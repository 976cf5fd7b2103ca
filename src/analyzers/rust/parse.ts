/**
 * Cargo.lock (versions 1–4) as packages. Packages without a `source` are the workspace's own crates and path
 * dependencies, not published crates, and are not reported; registry and git crates are. Dependency entries name a
 * package as `name`, `name version` or (version 1) `name version (source)`; the version is written only when the
 * name alone is ambiguous. https://github.com/rust-lang/cargo/blob/master/src/cargo/core/resolver/encode.rs
 */
import { inflateSync } from 'node:zlib';
import { parse as parseToml } from 'smol-toml';
import { type FoundPackage, packageKey } from '../../core/package.ts';
import {
  type AuditablePackage,
  auditableSchema,
  type CargoLockPackage,
  cargoLockPackageSchema,
  cargoLockSchema,
} from './schema.ts';

/** Decompressed audit data is a few KiB per hundred crates; this bounds a zip bomb. */
const MAX_AUDIT_DATA = 8 * 1024 * 1024;

/** What a Cargo.lock file lists, with the entries that could not be read. */
export interface CargoLockResult {
  packages: FoundPackage[];
  unknowns: string[];
}

/** Parses a Cargo.lock file. Throws when the file is not TOML or has no package list shape at all. */
export function parseCargoLock(text: string): CargoLockResult {
  const lock = cargoLockSchema.parse(parseToml(text));
  const unknowns: string[] = [];
  const entries: CargoLockPackage[] = [];
  (lock.package ?? []).forEach((raw, index) => {
    const parsed = cargoLockPackageSchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else unknowns.push(`package #${index + 1}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  });
  const byName = new Map<string, CargoLockPackage[]>();
  for (const entry of entries) byName.set(entry.name, [...(byName.get(entry.name) ?? []), entry]);

  const packages: FoundPackage[] = [];
  for (const entry of entries) {
    if (!entry.source) continue;
    const dependsOn: string[] = [];
    for (const dependency of entry.dependencies ?? []) {
      const target = resolveDependency(dependency, byName);
      if (!target) unknowns.push(`${entry.name} ${entry.version}: dependency "${dependency}" is not in the lock file`);
      else if (target.source) dependsOn.push(cargoKey(target));
    }
    packages.push({
      type: 'cargo',
      name: entry.name,
      version: entry.version,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
  }
  return { packages, unknowns };
}

/** The `packageKey` of a crate, for dependency edges. */
export function cargoKey(crate: { name: string; version: string }): string {
  return packageKey({ type: 'cargo', name: crate.name, version: crate.version });
}

function resolveDependency(text: string, byName: Map<string, CargoLockPackage[]>): CargoLockPackage | undefined {
  const [name = '', version, source] = text.trim().split(/\s+/);
  const candidates = (byName.get(name) ?? []).filter((entry) => version === undefined || entry.version === version);
  if (candidates.length <= 1) return candidates[0];
  // Version 1 names the source too when the same name and version come from two sources.
  const wanted = source?.replace(/^\(|\)$/g, '');
  return candidates.find((entry) => entry.source === wanted) ?? candidates[0];
}

/** The crates listed in compressed audit data. Throws when it does not decompress or does not match the schema. */
export function parseAuditData(compressed: Uint8Array): FoundPackage[] {
  const json = inflateSync(compressed, { maxOutputLength: MAX_AUDIT_DATA }).toString('utf8');
  const { packages } = auditableSchema.parse(JSON.parse(json));
  const reported = packages.map(isReported);
  return packages.flatMap((pkg, index) => {
    if (!reported[index]) return [];
    const dependsOn = (pkg.dependencies ?? [])
      .filter((dependency) => reported[dependency])
      .map((dependency) => cargoKey(packages[dependency] as AuditablePackage));
    return [{ type: 'cargo', name: pkg.name, version: pkg.version, ...(dependsOn.length > 0 ? { dependsOn } : {}) }];
  });
}

function isReported(pkg: AuditablePackage): boolean {
  const source = typeof pkg.source === 'string' ? pkg.source : pkg.source.Other;
  return source.toLowerCase() !== 'local' && (pkg.kind ?? 'runtime').toLowerCase() !== 'build';
}
