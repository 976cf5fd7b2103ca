/** PHP packages: Composer's composer.lock and vendor/composer/installed.json. */
import type { Analyzer } from '../analyzer.ts';
import { phpFileKind } from './file-kind.ts';

/** The php analyzer (purl type `composer`, namespace = vendor). */
export const phpAnalyzer = {
  name: 'php',
  version: 1,
  required: (path, _info) => phpFileKind(path) !== undefined,
  async analyze({ path, content }) {
    const kind = phpFileKind(path);
    if (!kind) return { packages: [] };
    // The parser and its schemas load only when a Composer file is met: most images have none.
    const { parsePhpFile } = await import('./parse.ts');
    return parsePhpFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
