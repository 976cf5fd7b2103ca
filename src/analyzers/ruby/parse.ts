/** Ruby package files: the parser for each kind of file. */
import type { AnalyzerResult } from '../analyzer.ts';
import type { RubyFileKind } from './file-kind.ts';
import { parseGemfileLock } from './gemfile-lock.ts';
import { parseGemspec } from './gemspec.ts';

/** Parses one Ruby file of a known kind. */
export function parseRubyFile(kind: RubyFileKind, text: string): AnalyzerResult {
  return kind === 'gemspec' ? parseGemspec(text) : parseGemfileLock(text);
}
