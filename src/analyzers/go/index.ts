/** Go: module build information in executables (ELF, Mach-O, PE), and go.mod files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { type RawBuildInfo, readGoBuildInfo, readGoBuildInfoFrom } from './buildinfo.ts';
import { maybeExecutable } from './executable.ts';
import { goModPackages, parseGoMod } from './go-mod.ts';
import { buildInfoPackages, parseModinfo } from './parse.ts';

const isGoMod = (path: string) => path === 'go.mod' || path.endsWith('/go.mod');

/** The Go analyzer. Executables are read in parts where the walker can seek: headers and build info only. */
export const goAnalyzer = {
  name: 'go',
  version: 1,
  required: (path, info) => isGoMod(path) || maybeExecutable(path, info),
  readsInParts: (path) => !isGoMod(path),
  analyze({ path, content }): AnalyzerResult {
    if (isGoMod(path)) {
      const { file, problems } = parseGoMod(Buffer.from(content).toString('utf8'));
      return { packages: goModPackages(file), ...(problems.length > 0 ? { unknowns: problems } : {}) };
    }
    return executablePackages(readGoBuildInfo(content));
  },
  analyzeParts: async ({ file }) => executablePackages(await readGoBuildInfoFrom(file)),
} satisfies Analyzer;

function executablePackages(raw: RawBuildInfo | undefined): AnalyzerResult {
  if (!raw) return { packages: [] };
  return { packages: buildInfoPackages(raw.goVersion, parseModinfo(raw.modinfo)) };
}
