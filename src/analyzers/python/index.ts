/** Python packages: installed distributions (dist-info, egg-info) and requirements/poetry/Pipfile/uv lock files. */
import type { Analyzer } from '../analyzer.ts';
import { pythonFileKind } from './file-kind.ts';

/** The python analyzer (purl type `pypi`, PEP 503 names). */
export const pythonAnalyzer = {
  name: 'python',
  version: 1,
  required: (path, _info) => pythonFileKind(path) !== undefined,
  async analyze({ path, content }) {
    const kind = pythonFileKind(path);
    if (!kind) return { packages: [] };
    // The parsers (TOML, license tables) load only when a Python file is met.
    const { parsePythonFile } = await import('./parse.ts');
    return parsePythonFile(kind, new TextDecoder().decode(content));
  },
} satisfies Analyzer;
