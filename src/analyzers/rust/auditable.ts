/**
 * The dependency list that cargo-auditable embeds in executables: zlib-compressed JSON in a `.dep-v0` section
 * (https://github.com/rust-secure-code/cargo-auditable/blob/master/PARSING.md). Packages with source `local` (the
 * workspace's own crates, usually including the root) are not published crates and are not reported; a root crate
 * from a registry (`cargo install`) is. Build-time dependencies (build scripts, proc-macros) are compiled into the
 * build, not into the executable, and are not reported either (as Trivy).
 */
import { inflateSync } from 'node:zlib';
import type { FoundPackage } from '../../core/package.ts';
import type { FileReader } from '../analyzer.ts';
import { parseBytes, parseFile, type RangeParser } from '../go/byte-ranges.ts';
import { readExecutable, sectionBytes, sectionSize } from '../go/executable.ts';
import { cargoKey } from './parse.ts';
import { type AuditablePackage, auditableSchema } from './schema.ts';

/** Decompressed audit data is a few KiB per hundred crates; this bounds a zip bomb. */
const MAX_AUDIT_DATA = 8 * 1024 * 1024;
/** The section name in ELF and PE files, and its Mach-O spelling. */
const SECTION_NAMES = ['.dep-v0', '__dep_v0'];

/** Compressed audit data larger than this is refused rather than read (real sections are a few KiB). */
const MAX_AUDIT_SECTION = 64 * 1024 * 1024;

/** The compressed audit data of an executable in memory, or undefined when it has none. */
export function findAuditData(bytes: Uint8Array): Uint8Array | undefined {
  return parseBytes(auditDataParser(bytes.length), bytes);
}

/** The same, reading only the headers and the section of a file opened for random access. */
export function findAuditDataIn(file: FileReader): Promise<Uint8Array | undefined> {
  return parseFile(auditDataParser(file.size), file);
}

function* auditDataParser(size: number): RangeParser<Uint8Array | undefined> {
  const exe = yield* readExecutable(size);
  if (!exe) return undefined;
  for (const name of SECTION_NAMES) {
    const length = sectionSize(exe, name);
    if (length > MAX_AUDIT_SECTION) throw new Error(`${name} is ${length} bytes, over the ${MAX_AUDIT_SECTION} limit`);
    const data = yield* sectionBytes(exe, name);
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
