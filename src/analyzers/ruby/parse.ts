/** Ruby package files: which kind of file a path is, and its parser. */
import type { AnalyzerResult } from '../analyzer.ts';
import { parseGemfileLock } from './gemfile-lock.ts';
import { parseGemspec } from './gemspec.ts';

/** The Ruby files this analyzer reads. */
export type RubyFileKind = 'gemspec' | 'gemfile-lock';

/** The kind of a root-relative path: installed specs sit in `specifications/` or `specifications/default/`. */
export function rubyFileKind(path: string): RubyFileKind | undefined {
  const full = `/${path}`;
  const slash = full.lastIndexOf('/');
  const base = full.slice(slash + 1);
  if (base === 'Gemfile.lock' || base === 'gems.locked') return 'gemfile-lock';
  if (!base.endsWith('.gemspec')) return undefined;
  const dir = full.slice(0, slash);
  return dir.endsWith('/specifications') || dir.endsWith('/specifications/default') ? 'gemspec' : undefined;
}

/** Parses one Ruby file of a known kind. */
export function parseRubyFile(kind: RubyFileKind, text: string): AnalyzerResult {
  return kind === 'gemspec' ? parseGemspec(text) : parseGemfileLock(text);
}
