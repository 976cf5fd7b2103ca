/** .NET packages: the NuGet packages listed in an application's `*.deps.json`. */
import type { Analyzer } from '../analyzer.ts';
import { isDepsJson, parseDepsJson } from './parse.ts';

/** The dotnet analyzer (purl type `nuget`). */
export const dotnetAnalyzer = {
  name: 'dotnet',
  version: 1,
  required: (path, _info) => isDepsJson(path),
  analyze: ({ content }) => parseDepsJson(new TextDecoder().decode(content)),
} satisfies Analyzer;
