/** Ruby gems: installed gem specifications and Gemfile.lock. */
import type { Analyzer } from '../analyzer.ts';
import { parseRubyFile, rubyFileKind } from './parse.ts';

/** The ruby analyzer (purl type `gem`). */
export const rubyAnalyzer = {
  name: 'ruby',
  version: 1,
  required: (path, _info) => rubyFileKind(path) !== undefined,
  analyze({ path, content }) {
    const kind = rubyFileKind(path);
    if (!kind) return { packages: [] };
    return parseRubyFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
