/**
 * The dependency list that cargo-auditable embeds in executables: zlib-compressed JSON in a `.dep-v0` section
 * (https://github.com/rust-secure-code/cargo-auditable/blob/master/PARSING.md). Packages with source `local` (the
 * workspace's own crates, usually including the root) are not published crates and are not reported; a root crate
 * from a registry (`cargo install`) is. Build-time dependencies (build scripts, proc-macros) are compiled into the
 * build, not into the executable, and are not reported either (as Trivy).
 */
import { inflateSync } from 'node:zlib';
import type { FoundPackage } from '../../core/package.ts';
import { readExecutable, sectionBytes } from '../go/executable.ts';
import { cargoKey } from './parse.ts';
import { type AuditablePackage, auditableSchema } from './schema.ts';

/** Decompressed audit data is a few KiB per hundred crates; this bounds a zip bomb. */
const MAX_AUDIT_DATA = 8 * 1024 * 1024;
/** The section name in ELF and PE files, and its Mach-O spelling. */
const SECTION_NAMES = ['.dep-v0', '__dep_v0'];

/** The compressed audit data of an executable, or undefined when it has none. */
export function findAuditData(bytes: Uint8Array): Uint8Array | undefined {
  const exe = readExecutable(bytes);
  if (!exe) return undefined;
  for (const name of SECTION_NAMES) {
    const data = sectionBytes(exe, name);
    if (data) return data;
  }
  return undefined;
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
