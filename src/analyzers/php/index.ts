/** PHP packages: Composer's composer.lock and vendor/composer/installed.json. */
import type { Analyzer } from '../analyzer.ts';
import { parsePhpFile, phpFileKind } from './parse.ts';

/** The php analyzer (purl type `composer`, namespace = vendor). */
export const phpAnalyzer = {
  name: 'php',
  version: 1,
  required: (path, _info) => phpFileKind(path) !== undefined,
  analyze({ path, content }) {
    const kind = phpFileKind(path);
    if (!kind) return { packages: [] };
    return parsePhpFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
