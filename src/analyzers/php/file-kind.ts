/** Which Composer files the PHP analyzer reads: string tests only, so the registry can load it cheaply. */

/** The PHP files this analyzer reads. */
export type PhpFileKind = 'composer-lock' | 'installed-json';

/** The kind of a root-relative path, or undefined for files this analyzer does not read. */
export function phpFileKind(path: string): PhpFileKind | undefined {
  const full = `/${path}`;
  if (full.endsWith('/composer.lock')) return 'composer-lock';
  if (full.endsWith('/vendor/composer/installed.json')) return 'installed-json';
  return undefined;
}
