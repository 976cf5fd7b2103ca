/**
 * pnpm-lock.yaml, https://github.com/pnpm/spec/tree/master/lockfile. The package keys ("dependency paths") changed
 * shape with each major version:
 *   v5 (pnpm 6–7): `/name/1.2.3` with peers as `_peer@2.0.0+other@1.0.0`;
 *   v6 (pnpm 8):   `/name@1.2.3` with peers as `(peer@2.0.0)`;
 *   v9 (pnpm 9+):  `name@1.2.3` under `packages:` (metadata) and, with peers, under `snapshots:` (the graph).
 * Peer variants of one name@version install the same package, so they merge. Packages from git or a tarball carry
 * `name`/`version` in their entry; `file:` and `link:` ones are the project's own folders and are skipped. v5/v6
 * write `dev: true|false` per package (absent when used both ways); v9 dropped it, so development-only packages are
 * those reachable from the importers' devDependencies and not from their dependencies.
 */
import { parse as parseYaml } from 'yaml';
import type { AnalyzerResult } from '../analyzer.ts';
import { isLocalSpecifier, NpmPackageSet, npmKey } from './package-set.ts';
import { pnpmEntrySchema, pnpmImporterSchema, pnpmLockSchema } from './schema.ts';

type PnpmEntry = ReturnType<typeof pnpmEntrySchema.parse>;
type Major = 5 | 6 | 9;

/** Parses a pnpm-lock.yaml, lockfileVersion 5.x to 9.x. */
export function parsePnpmLock(text: string): AnalyzerResult {
  const lock = pnpmLockSchema.parse(parseYaml(text));
  const major = majorOf(lock.lockfileVersion);
  const unknowns: string[] = [];
  const readEntries = (section: string, raw: Record<string, unknown> | null | undefined) => {
    const out = new Map<string, PnpmEntry>();
    for (const [path, value] of Object.entries(raw ?? {})) {
      const parsed = pnpmEntrySchema.safeParse(value ?? {});
      if (parsed.success) out.set(path, parsed.data);
      else unknowns.push(`${section}["${path}"]: ${parsed.error.issues[0]?.message ?? 'invalid entry'}`);
    }
    return out;
  };
  const metadata = readEntries('packages', lock.packages);
  // Before v9 the graph and the metadata share one map.
  const graph = major === 9 && lock.snapshots ? readEntries('snapshots', lock.snapshots) : metadata;

  const metaOf = (depPath: string) => metadata.get(withoutPeers(depPath, major)) ?? metadata.get(depPath);
  const identity = (depPath: string) => identityOf(depPath, metaOf(depPath), major);
  const devOnly = developmentOnly(lock, graph, major);
  const set = new NpmPackageSet();
  for (const [depPath, entry] of graph) {
    const id = identity(depPath);
    if (!id) {
      if (!isLocalDepPath(depPath)) unknowns.push(`${depPath}: cannot tell name and version`);
      continue;
    }
    const dependsOn = Object.entries({ ...entry.optionalDependencies, ...entry.dependencies })
      .map(([name, ref]) => depPathOf(name, ref, major))
      .map((target) => (target ? identity(target) : undefined))
      .filter((dependency) => dependency !== undefined)
      .map((dependency) => npmKey(dependency.fullName, dependency.version));
    const meta = metaOf(depPath) ?? entry;
    const dev = entry.dev ?? devOnly.get(depPath);
    set.add({
      ...id,
      ...(dev === undefined ? {} : { dev }),
      ...(meta.resolution?.integrity ? { integrity: meta.resolution.integrity } : {}),
      dependsOn,
    });
  }
  return unknowns.length > 0 ? { packages: set.packages(), unknowns } : { packages: set.packages() };
}

function majorOf(lockfileVersion: string): Major {
  const major = Number.parseInt(lockfileVersion, 10);
  if (major === 5 || major === 6) return major;
  // v7 was only ever written by pnpm 9 pre-releases, with the v9 layout.
  if (major === 7 || major === 9) return 9;
  throw new Error(`pnpm-lock.yaml: unsupported lockfileVersion ${lockfileVersion}`);
}

/** The dependency path without peer suffixes: `(peer@1)…` (v6+), or `_peer@1+other@2` (v5). */
export function withoutPeers(depPath: string, major: Major): string {
  if (major === 5) {
    const slash = depPath.lastIndexOf('/');
    const underscore = depPath.indexOf('_', slash + 1);
    return underscore < 0 ? depPath : depPath.slice(0, underscore);
  }
  const paren = depPath.indexOf('(');
  return paren < 0 ? depPath : depPath.slice(0, paren);
}

/** Name and version of a dependency path; from its metadata entry when it has them (git, tarballs, aliases). */
export function identityOf(
  depPath: string,
  meta: PnpmEntry | undefined,
  major: Major,
): { fullName: string; version: string } | undefined {
  if (isLocalDepPath(depPath)) return undefined;
  if (meta?.name && meta.version) return { fullName: meta.name, version: meta.version };
  const bare = withoutPeers(depPath, major);
  if (major === 5) {
    if (!bare.startsWith('/')) return undefined;
    const slash = bare.lastIndexOf('/');
    const fullName = bare.slice(1, slash);
    const version = bare.slice(slash + 1);
    return fullName && version ? { fullName, version } : undefined;
  }
  const path = major === 6 ? bare.replace(/^\//, '') : bare;
  const at = path.indexOf('@', 1);
  if (at < 0) return undefined;
  const version = meta?.version ?? path.slice(at + 1);
  return version ? { fullName: path.slice(0, at), version } : undefined;
}

function isLocalDepPath(depPath: string): boolean {
  const { range } = splitName(depPath.replace(/^\//, ''));
  return isLocalSpecifier(range) || isLocalSpecifier(depPath);
}

function splitName(path: string): { name: string; range: string } {
  const at = path.indexOf('@', 1);
  return at < 0 ? { name: path, range: '' } : { name: path.slice(0, at), range: path.slice(at + 1) };
}

/**
 * The dependency path a `name: ref` points at, as pnpm's own `refToRelative` builds it: a ref is a version (with
 * peers), or a whole path for aliases and non-registry packages; `link:` refs are local folders.
 */
export function depPathOf(name: string, ref: string, major: Major): string | undefined {
  if (ref.startsWith('link:')) return undefined;
  if (ref.startsWith('file:')) return ref;
  if (major !== 9) {
    const paren = ref.indexOf('(');
    const isVersion = !ref.includes('/') || (paren >= 0 && ref.lastIndexOf('/', paren) === -1);
    if (!isVersion) return ref;
    return major === 5 ? `/${name}/${ref}` : `/${name}@${ref}`;
  }
  if (ref.startsWith('@')) return ref;
  const at = ref.indexOf('@');
  if (at < 0) return `${name}@${ref}`;
  const colon = ref.indexOf(':');
  const paren = ref.indexOf('(');
  return (colon < 0 || at < colon) && (paren < 0 || at < paren) ? ref : `${name}@${ref}`;
}

/**
 * Development-only packages, for locks without `dev` flags (v9): a package is needed at run time when reachable from
 * any importer's dependencies or optionalDependencies, development-only when reachable only from devDependencies.
 */
function developmentOnly(
  lock: ReturnType<typeof pnpmLockSchema.parse>,
  graph: ReadonlyMap<string, PnpmEntry>,
  major: Major,
): Map<string, boolean> {
  const prodRoots: string[] = [];
  const devRoots: string[] = [];
  const importers = lock.importers ?? { '.': lock };
  for (const raw of Object.values(importers)) {
    const parsed = pnpmImporterSchema.safeParse(raw);
    if (!parsed.success) continue;
    const roots = (deps: Record<string, string> | undefined) =>
      Object.entries(deps ?? {})
        .map(([name, ref]) => depPathOf(name, ref, major))
        .filter((path): path is string => path !== undefined);
    prodRoots.push(...roots(parsed.data.dependencies), ...roots(parsed.data.optionalDependencies));
    devRoots.push(...roots(parsed.data.devDependencies));
  }
  const reach = (roots: string[]) => {
    const seen = new Set<string>();
    const queue = roots.filter((root) => graph.has(root));
    while (queue.length > 0) {
      const path = queue.pop() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const entry = graph.get(path);
      for (const [name, ref] of Object.entries({ ...entry?.dependencies, ...entry?.optionalDependencies })) {
        const target = depPathOf(name, ref, major);
        if (target && graph.has(target) && !seen.has(target)) queue.push(target);
      }
    }
    return seen;
  };
  const prod = reach(prodRoots);
  const dev = reach(devRoots);
  const out = new Map<string, boolean>();
  for (const path of graph.keys()) {
    if (prod.has(path)) out.set(path, false);
    else if (dev.has(path)) out.set(path, true);
  }
  return out;
}
