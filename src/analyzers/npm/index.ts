/** Finds npm packages: installed ones in node_modules, and those that npm, yarn and pnpm lock files pin. */
import type { Analyzer } from '../analyzer.ts';
import { npmFileKind } from './file-kind.ts';

/** The npm analyzer. */
export const npmAnalyzer = {
  name: 'npm',
  version: 1,
  required: (path, _info) => npmFileKind(path) !== undefined,
  async analyze({ path, content }) {
    const kind = npmFileKind(path);
    if (!kind) return { packages: [] };
    // The parsers (schemas, YAML) load only when an npm file is met: most images have none.
    const { parseNpmFile } = await import('./parse.ts');
    // A UTF-8 byte order mark is legal in JSON files written on Windows; JSON.parse rejects it.
    return parseNpmFile(
      kind,
      Buffer.from(content)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  },
} satisfies Analyzer;
