/** Go: module build information in executables (ELF, Mach-O, PE), and go.mod files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { readGoBuildInfo } from './buildinfo.ts';
import { maybeExecutable } from './executable.ts';
import { goModPackages, parseGoMod } from './go-mod.ts';
import { buildInfoPackages, parseModinfo } from './parse.ts';

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
