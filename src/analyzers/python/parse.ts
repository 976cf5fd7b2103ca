/** Python package files: which kind of file a path is, and its parser. */
import type { AnalyzerResult } from '../analyzer.ts';
import { parseCoreMetadata } from './metadata.ts';
import { parsePipfileLock } from './pipfile-lock.ts';
import { parsePoetryLock } from './poetry-lock.ts';
import { parseRequirements } from './requirements.ts';
import { parseUvLock } from './uv-lock.ts';

/** The Python files this analyzer reads. */
export type PythonFileKind = 'core-metadata' | 'requirements' | 'poetry-lock' | 'pipfile-lock' | 'uv-lock';

const LOCK_FILES: Record<string, PythonFileKind> = {
  'poetry.lock': 'poetry-lock',
  'Pipfile.lock': 'pipfile-lock',
  'uv.lock': 'uv-lock',
};

const PARSERS: Record<PythonFileKind, (text: string) => AnalyzerResult> = {
  'core-metadata': parseCoreMetadata,
  requirements: parseRequirements,
  'poetry-lock': parsePoetryLock,
  'pipfile-lock': parsePipfileLock,
  'uv-lock': parseUvLock,
};

/** The kind of a root-relative path, or undefined for files this analyzer does not read. */
export function pythonFileKind(path: string): PythonFileKind | undefined {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  const parent = path.slice(path.lastIndexOf('/', slash - 1) + 1, Math.max(slash, 0));
  if (base === 'METADATA' && parent.endsWith('.dist-info')) return 'core-metadata';
  if (base === 'PKG-INFO' && parent.endsWith('.egg-info')) return 'core-metadata';
  // A single-file egg-info: distutils installs the PKG-INFO text under the directory's name.
  if (base.endsWith('.egg-info')) return 'core-metadata';
  if (base.startsWith('requirements') && base.endsWith('.txt')) return 'requirements';
  return LOCK_FILES[base];
}

/** Parses one Python file of a known kind. */
export function parsePythonFile(kind: PythonFileKind, text: string): AnalyzerResult {
  return PARSERS[kind](text);
}
