/** Python packages: installed distributions (dist-info, egg-info) and requirements/poetry/Pipfile/uv lock files. */
import type { Analyzer } from '../analyzer.ts';
import { parsePythonFile, pythonFileKind } from './parse.ts';

/** The python analyzer (purl type `pypi`, PEP 503 names). */
export const pythonAnalyzer = {
  name: 'python',
  version: 1,
  required: (path, _info) => pythonFileKind(path) !== undefined,
  analyze({ path, content }) {
    const kind = pythonFileKind(path);
    if (!kind) return { packages: [] };
    return parsePythonFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
