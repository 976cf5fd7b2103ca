/**
 * The dependency list that cargo-auditable embeds in executables: zlib-compressed JSON in a `.dep-v0` section
 * (https://github.com/rust-secure-code/cargo-auditable/blob/master/PARSING.md). Packages with source `local` (the
 * workspace's own crates, usually including the root) are not published crates and are not reported; a root crate
 * from a registry (`cargo install`) is. Build-time dependencies (build scripts, proc-macros) are compiled into the
 * build, not into the executable, and are not reported either (as Trivy). This file finds the section; `parse.ts`
 * reads it.
 */
import type { FileReader } from '../analyzer.ts';
import { parseBytes, parseFile, type RangeParser } from '../go/byte-ranges.ts';
import { readExecutable, sectionBytes, sectionSize } from '../go/executable.ts';

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
