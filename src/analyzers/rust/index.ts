/** Rust: Cargo.lock files and the cargo-auditable dependency list of executables. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { maybeExecutable } from '../go/executable.ts';
import { findAuditData, parseAuditData } from './auditable.ts';
import { parseCargoLock } from './parse.ts';

const isCargoLock = (path: string) => path === 'Cargo.lock' || path.endsWith('/Cargo.lock');

/** The Rust analyzer. */
export const rustAnalyzer = {
  name: 'rust',
  version: 1,
  required: (path, info) => isCargoLock(path) || maybeExecutable(path, info),
  analyze({ path, content }): AnalyzerResult {
    if (isCargoLock(path)) {
      const { packages, unknowns } = parseCargoLock(Buffer.from(content).toString('utf8'));
      return { packages, ...(unknowns.length > 0 ? { unknowns } : {}) };
    }
    const audit = findAuditData(content);
    return audit ? { packages: parseAuditData(audit) } : { packages: [] };
  },
} satisfies Analyzer;
