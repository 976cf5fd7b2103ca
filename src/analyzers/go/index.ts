/** Go: module build information in executables (ELF, Mach-O, PE), and go.mod files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { readGoBuildInfo } from './buildinfo.ts';
import { goModPackages, parseGoMod } from './go-mod.ts';
import { buildInfoPackages, parseModinfo } from './parse.ts';

/** The smallest Go executable (a stripped `hello world`) is over 1 MB; this skips small tools and scripts cheaply. */
const MIN_EXECUTABLE_SIZE = 256 * 1024;
/** Executables that are never Go programs (scripts, shared objects by name). */
const NOT_GO = /\.(sh|bash|py|pyc|pl|pm|rb|js|mjs|cjs|jar|class|txt|md|json|ya?ml|xml|html?|conf|cfg|ini)$/i;

/** Whether a file may be a Go executable: a large enough file with an executable bit, or a Windows `.exe`. */
export function maybeExecutable(path: string, info: { size: number; mode: number }): boolean {
  if (info.size < MIN_EXECUTABLE_SIZE || NOT_GO.test(path)) return false;
  return (info.mode & 0o111) !== 0 || path.toLowerCase().endsWith('.exe');
}

/** The Go analyzer. */
export const goAnalyzer = {
  name: 'go',
  version: 1,
  required: (path, info) => path === 'go.mod' || path.endsWith('/go.mod') || maybeExecutable(path, info),
  analyze({ path, content }): AnalyzerResult {
    if (path === 'go.mod' || path.endsWith('/go.mod')) {
      const { file, problems } = parseGoMod(Buffer.from(content).toString('utf8'));
      return { packages: goModPackages(file), ...(problems.length > 0 ? { unknowns: problems } : {}) };
    }
    const raw = readGoBuildInfo(content);
    if (!raw) return { packages: [] };
    return { packages: buildInfoPackages(raw.goVersion, parseModinfo(raw.modinfo)) };
  },
} satisfies Analyzer;
