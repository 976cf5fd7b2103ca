/** Python package files: which kind of file a path is, and its parser. */
import type { AnalyzerResult } from '../analyzer.ts';
import type { PythonFileKind } from './file-kind.ts';
import { parseCoreMetadata } from './metadata.ts';
import { parsePipfileLock } from './pipfile-lock.ts';
import { parsePoetryLock } from './poetry-lock.ts';
import { parseRequirements } from './requirements.ts';
import { parseUvLock } from './uv-lock.ts';

export { type PythonFileKind, pythonFileKind } from './file-kind.ts';

const PARSERS: Record<PythonFileKind, (text: string) => AnalyzerResult> = {
  'core-metadata': parseCoreMetadata,
  requirements: parseRequirements,
  'poetry-lock': parsePoetryLock,
  'pipfile-lock': parsePipfileLock,
  'uv-lock': parseUvLock,
};

/** Parses one Python file of a known kind. */
export function parsePythonFile(kind: PythonFileKind, text: string): AnalyzerResult {
  return PARSERS[kind](text);
}
