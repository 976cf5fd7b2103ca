/** .NET packages: the NuGet packages listed in an application's `*.deps.json`. */
import type { Analyzer } from '../analyzer.ts';
import { isDepsJson } from './file-kind.ts';

/** The dotnet analyzer (purl type `nuget`). */
export const dotnetAnalyzer = {
  name: 'dotnet',
  version: 1,
  required: (path, _info) => isDepsJson(path),
  // The parser and its schemas load only when a deps.json is met: most images have none.
  async analyze({ content }) {
    const { parseDepsJson } = await import('./parse.ts');
    return parseDepsJson(new TextDecoder().decode(content));
  },
} satisfies Analyzer;
