/** Go: module build information in executables (ELF, Mach-O, PE), and go.mod files. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import type { RawBuildInfo } from './buildinfo.ts';
import { isGoMod, maybeExecutable } from './file-kind.ts';

/**
 * The Go analyzer. Executables are read in parts where the walker can seek: headers and build info only. The readers
 * load only when a candidate file is met (the registry is loaded by every run).
 */
export const goAnalyzer = {
  name: 'go',
  version: 1,
  required: (path, info) => isGoMod(path) || maybeExecutable(path, info),
  readsInParts: (path) => !isGoMod(path),
  async analyze({ path, content }): Promise<AnalyzerResult> {
    if (isGoMod(path)) {
      const { goModPackages, parseGoMod } = await import('./go-mod.ts');
      const { file, problems } = parseGoMod(Buffer.from(content).toString('utf8'));
      return { packages: goModPackages(file), ...(problems.length > 0 ? { unknowns: problems } : {}) };
    }
    const { readGoBuildInfo } = await import('./buildinfo.ts');
    return executablePackages(readGoBuildInfo(content));
  },
  async analyzeParts({ file }) {
    const { readGoBuildInfoFrom } = await import('./buildinfo.ts');
    return executablePackages(await readGoBuildInfoFrom(file));
  },
} satisfies Analyzer;

async function executablePackages(raw: RawBuildInfo | undefined): Promise<AnalyzerResult> {
  if (!raw) return { packages: [] };
  const { buildInfoPackages, parseModinfo } = await import('./parse.ts');
  return { packages: buildInfoPackages(raw.goVersion, parseModinfo(raw.modinfo)) };
}
