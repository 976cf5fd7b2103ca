/** Rust: Cargo.lock files and the cargo-auditable dependency list of executables. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { maybeExecutable } from '../go/executable.ts';
import { findAuditData, findAuditDataIn, parseAuditData } from './auditable.ts';
import { parseCargoLock } from './parse.ts';

const isCargoLock = (path: string) => path === 'Cargo.lock' || path.endsWith('/Cargo.lock');

/** The Rust analyzer. Executables are read in parts where the walker can seek: headers and `.dep-v0` only. */
export const rustAnalyzer = {
  name: 'rust',
  version: 1,
  required: (path, info) => isCargoLock(path) || maybeExecutable(path, info),
  readsInParts: (path) => !isCargoLock(path),
  analyze({ path, content }): AnalyzerResult {
    if (isCargoLock(path)) {
      const { packages, unknowns } = parseCargoLock(Buffer.from(content).toString('utf8'));
      return { packages, ...(unknowns.length > 0 ? { unknowns } : {}) };
    }
    return executablePackages(findAuditData(content));
  },
  analyzeParts: async ({ file }) => executablePackages(await findAuditDataIn(file)),
} satisfies Analyzer;

function executablePackages(audit: Uint8Array | undefined): AnalyzerResult {
  return audit ? { packages: parseAuditData(audit) } : { packages: [] };
}
