/** Which Ruby files the ruby analyzer reads: string tests only, so the registry can load it cheaply. */

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
