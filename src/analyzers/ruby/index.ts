/** Ruby gems: installed gem specifications and Gemfile.lock. */
import type { Analyzer } from '../analyzer.ts';
import { rubyFileKind } from './file-kind.ts';

/** The ruby analyzer (purl type `gem`). */
export const rubyAnalyzer = {
  name: 'ruby',
  version: 1,
  required: (path, _info) => rubyFileKind(path) !== undefined,
  async analyze({ path, content }) {
    const kind = rubyFileKind(path);
    if (!kind) return { packages: [] };
    // The parsers load only when a Ruby file is met: most images have none.
    const { parseRubyFile } = await import('./parse.ts');
    return parseRubyFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
