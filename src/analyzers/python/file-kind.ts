/** Which files the python analyzer reads: string tests only, kept apart from the parsers so they load on demand. */

/** The Python files this analyzer reads. */
export type PythonFileKind = 'core-metadata' | 'requirements' | 'poetry-lock' | 'pipfile-lock' | 'uv-lock';

const LOCK_FILES: Record<string, PythonFileKind> = {
  'poetry.lock': 'poetry-lock',
  'Pipfile.lock': 'pipfile-lock',
  'uv.lock': 'uv-lock',
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
