/** Which files the dotnet analyzer reads: string tests only, so the registry can load it cheaply. */

/** Whether a root-relative path is a deps.json. */
export function isDepsJson(path: string): boolean {
  return path.endsWith('.deps.json') && !path.endsWith('/.deps.json') && path !== '.deps.json';
}
