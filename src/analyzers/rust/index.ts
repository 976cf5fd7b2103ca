/** Rust: Cargo.lock files and the cargo-auditable dependency list of executables. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { maybeExecutable } from '../go/file-kind.ts';

const isCargoLock = (path: string) => path === 'Cargo.lock' || path.endsWith('/Cargo.lock');

/**
 * The Rust analyzer. Executables are read in parts where the walker can seek: headers and `.dep-v0` only. The
 * readers (TOML, schemas) load only when a candidate file is met (the registry is loaded by every run).
 */
export const rustAnalyzer = {
  name: 'rust',
  version: 1,
  required: (path, info) => isCargoLock(path) || maybeExecutable(path, info),
  readsInParts: (path) => !isCargoLock(path),
  async analyze({ path, content }): Promise<AnalyzerResult> {
    if (isCargoLock(path)) {
      const { parseCargoLock } = await import('./parse.ts');
      const { packages, unknowns } = parseCargoLock(Buffer.from(content).toString('utf8'));
      return { packages, ...(unknowns.length > 0 ? { unknowns } : {}) };
    }
    const { findAuditData } = await import('./auditable.ts');
    return executablePackages(findAuditData(content));
  },
  async analyzeParts({ file }) {
    const { findAuditDataIn } = await import('./auditable.ts');
    return executablePackages(await findAuditDataIn(file));
  },
} satisfies Analyzer;

async function executablePackages(audit: Uint8Array | undefined): Promise<AnalyzerResult> {
  if (!audit) return { packages: [] };
  const { parseAuditData } = await import('./parse.ts');
  return { packages: parseAuditData(audit) };
}
