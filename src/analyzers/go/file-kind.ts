/** Which files the Go analyzer (and the Rust one, for executables) reads: string tests only, so the registry can load it cheaply. */

/** Whether a root-relative path is a go.mod file. */
export function isGoMod(path: string): boolean {
  return path === 'go.mod' || path.endsWith('/go.mod');
}

/** Go and Rust executables are rarely under 128 KiB (a stripped Go `hello world` is over 1 MB); this skips small tools cheaply. */
const MIN_EXECUTABLE_SIZE = 128 * 1024;
/** Executables that are never compiled programs (scripts and data files, by extension). */
const NOT_COMPILED = /\.(sh|bash|py|pyc|pl|pm|rb|js|mjs|cjs|jar|class|txt|md|json|ya?ml|xml|html?|conf|cfg|ini)$/i;

/** Whether a file may be a compiled executable worth opening: a large enough file with an executable bit, or a Windows `.exe`. */
export function maybeExecutable(path: string, info: { size: number; mode: number }): boolean {
  if (info.size < MIN_EXECUTABLE_SIZE || NOT_COMPILED.test(path)) return false;
  return (info.mode & 0o111) !== 0 || path.toLowerCase().endsWith('.exe');
}
