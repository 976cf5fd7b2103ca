/** Which files the npm analyzer reads: string tests only, kept apart from the parsers so they load on demand. */

/** What kind of npm-ecosystem file a path is. */
export type NpmFileKind = 'installed' | 'package-lock' | 'yarn-lock' | 'pnpm-lock';

const LOCK_FILES: Record<string, NpmFileKind> = {
  'package-lock.json': 'package-lock',
  'npm-shrinkwrap.json': 'package-lock',
  'yarn.lock': 'yarn-lock',
  'pnpm-lock.yaml': 'pnpm-lock',
};

// A package's own manifest sits right under node_modules (or node_modules/@scope); folders starting with `.` are
// tools' state (`.bin`, `.cache`, `.pnpm` itself), and package.json files deeper in a package are not manifests.
const INSTALLED = /(?:^|\/)node_modules\/(?:@[^/.][^/]*\/)?[^/@.][^/]*\/package\.json$/;
const IN_NODE_MODULES = /(?:^|\/)node_modules\//;

/** The kind of a root-relative path, or undefined when the npm analyzer does not read it. */
export function npmFileKind(path: string): NpmFileKind | undefined {
  if (path.endsWith('/package.json')) return INSTALLED.test(path) ? 'installed' : undefined;
  const kind = LOCK_FILES[path.slice(path.lastIndexOf('/') + 1)];
  return kind && !IN_NODE_MODULES.test(path) ? kind : undefined;
}
