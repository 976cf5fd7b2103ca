/**
 * Every built-in analyzer, as an explicit list (STYLE rule 3): nothing registers itself. `registry.test.ts` fails when
 * a folder under src/analyzers/ is missing here.
 */
import type { Analyzer } from './analyzer.ts';
import { apkAnalyzer } from './apk/index.ts';
import { dotnetAnalyzer } from './dotnet/index.ts';
import { dpkgAnalyzer } from './dpkg/index.ts';
import { goAnalyzer } from './go/index.ts';
import { javaAnalyzer } from './java/index.ts';
import { npmAnalyzer } from './npm/index.ts';
import { osReleaseAnalyzer } from './os-release/index.ts';
import { phpAnalyzer } from './php/index.ts';
import { pythonAnalyzer } from './python/index.ts';
import { rpmAnalyzer } from './rpm/index.ts';
import { rubyAnalyzer } from './ruby/index.ts';
import { rustAnalyzer } from './rust/index.ts';

/** The built-in analyzers, in the order their results are listed. */
export const BUILTIN_ANALYZERS: readonly Analyzer[] = [
  osReleaseAnalyzer,
  dpkgAnalyzer,
  apkAnalyzer,
  rpmAnalyzer,
  npmAnalyzer,
  pythonAnalyzer,
  rubyAnalyzer,
  phpAnalyzer,
  dotnetAnalyzer,
  goAnalyzer,
  rustAnalyzer,
  javaAnalyzer,
];

/** Looks analyzers up by name (for `--analyzers` selection and cache keys). */
export function analyzersByName(names?: readonly string[]): Analyzer[] {
  if (!names || names.length === 0) return [...BUILTIN_ANALYZERS];
  return BUILTIN_ANALYZERS.filter((analyzer) => names.includes(analyzer.name));
}
