/**
 * package-lock.json and npm-shrinkwrap.json, https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json.
 * v1 (npm 5–6) nests a `dependencies` tree; v2 (npm 7–8) has both that tree and a flat `packages` map keyed by
 * install path; v3 (npm 9+) has only `packages`. The `packages` map is read when present. The root entry (`""`) is
 * the project itself, and folders outside node_modules are its workspaces: neither is a dependency. Edges follow
 * Node's module resolution: the nearest `node_modules/<name>` up the install path.
 */
import type { AnalyzerResult } from '../analyzer.ts';
import { isLocalSpecifier, NpmPackageSet, npmKey, readLicenses } from './package-set.ts';
import { type LockV1Entry, lockPackageEntrySchema, lockV1EntrySchema, packageLockSchema } from './schema.ts';

const NODE_MODULES = 'node_modules/';

/** Parses a package-lock.json or npm-shrinkwrap.json of any lockfileVersion. */
export function parsePackageLock(text: string): AnalyzerResult {
  const lock = packageLockSchema.parse(JSON.parse(text));
  if (lock.packages) return parsePackagesMap(lock.packages);
  return parseDependencyTree(lock.dependencies ?? {});
}

/** The installed name for an install path: what follows its last `node_modules/`. */
export function nameFromInstallPath(path: string): string | undefined {
  const at = path.lastIndexOf(NODE_MODULES);
  if (at < 0 || (at > 0 && path[at - 1] !== '/')) return undefined;
  return path.slice(at + NODE_MODULES.length) || undefined;
}

/** v2/v3: the flat `packages` map. */
function parsePackagesMap(packages: Record<string, unknown>): AnalyzerResult {
  const set = new NpmPackageSet();
  const unknowns: string[] = [];
  const entries = new Map<string, ReturnType<typeof lockPackageEntrySchema.parse>>();
  for (const [path, raw] of Object.entries(packages)) {
    const parsed = lockPackageEntrySchema.safeParse(raw);
    if (parsed.success) entries.set(path, parsed.data);
    else unknowns.push(`packages["${path}"]: ${parsed.error.issues[0]?.message ?? 'invalid entry'}`);
  }
  const keyOf = (path: string): string | undefined => {
    const entry = entries.get(path);
    const installedAs = nameFromInstallPath(path);
    // Links point at workspace folders or local directories: the project's own code. (A local tarball, `file:x.tgz`,
    // is unpacked into node_modules like any other package, so it counts.)
    if (!entry || entry.link || !installedAs || !entry.version) return undefined;
    // `name` is written only when it differs from the folder: an alias (`"x": "npm:y@1"`) installs y as x.
    return npmKey(entry.name ?? installedAs, entry.version);
  };
  for (const [path, entry] of entries) {
    if (path === '') continue;
    const key = keyOf(path);
    if (!key) {
      if (!entry.link && nameFromInstallPath(path) && !entry.version) unknowns.push(`packages["${path}"]: no version`);
      continue;
    }
    const wanted = { ...entry.peerDependencies, ...entry.optionalDependencies, ...entry.dependencies };
    const dependsOn = Object.keys(wanted)
      .map((name) => resolveInstallPath(entries, path, name))
      .map((found) => (found ? keyOf(found) : undefined))
      .filter((dependency): dependency is string => dependency !== undefined);
    set.add({
      fullName: entry.name ?? (nameFromInstallPath(path) as string),
      version: entry.version as string,
      dev: entry.dev === true,
      licenses: readLicenses(entry.license),
      ...(entry.integrity ? { integrity: entry.integrity } : {}),
      dependsOn,
    });
  }
  return unknowns.length > 0 ? { packages: set.packages(), unknowns } : { packages: set.packages() };
}

/** Node's lookup: `<from>/node_modules/<name>`, then each ancestor's, up to the project root. */
function resolveInstallPath(entries: ReadonlyMap<string, unknown>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `${NODE_MODULES}${name}` : `${base}/${NODE_MODULES}${name}`;
    if (entries.has(candidate)) return candidate;
    if (base === '') return undefined;
    const at = base.lastIndexOf(`/${NODE_MODULES}`);
    // Up one install level; above a top-level package or a workspace folder is the project root.
    base = at >= 0 ? base.slice(0, at) : '';
  }
}

interface TreeNode {
  entries: Map<string, LockV1Entry>;
  parent?: TreeNode;
}

/** v1: the nested `dependencies` tree, where `requires` names ranges resolved up the tree. */
function parseDependencyTree(dependencies: Record<string, unknown>): AnalyzerResult {
  const set = new NpmPackageSet();
  const unknowns: string[] = [];
  const nodeOf = (raw: Record<string, unknown>, where: string, parent?: TreeNode): TreeNode => {
    const entries = new Map<string, LockV1Entry>();
    for (const [name, value] of Object.entries(raw)) {
      const parsed = lockV1EntrySchema.safeParse(value);
      if (parsed.success) entries.set(name, parsed.data);
      else unknowns.push(`${where}${name}: ${parsed.error.issues[0]?.message ?? 'invalid entry'}`);
    }
    return parent ? { entries, parent } : { entries };
  };
  const visit = (node: TreeNode, where: string) => {
    for (const [name, entry] of node.entries) {
      const installed = installedV1(name, entry);
      const child = nodeOf(entry.dependencies ?? {}, `${where}${name} > `, node);
      if (installed === 'local') continue;
      if (!installed) {
        unknowns.push(`${where}${name}: no version`);
        continue;
      }
      const dependsOn = Object.keys(entry.requires ?? {})
        .map((required) => lookupV1(child, required))
        .filter((key): key is string => key !== undefined);
      set.add({
        ...installed,
        dev: entry.dev === true,
        ...(entry.integrity ? { integrity: entry.integrity } : {}),
        dependsOn,
      });
      visit(child, `${where}${name} > `);
    }
  };
  visit(nodeOf(dependencies, ''), '');
  return unknowns.length > 0 ? { packages: set.packages(), unknowns } : { packages: set.packages() };
}

/**
 * What a v1 entry installed. `version` is a registry version, `npm:real@1.2.3` for an alias, a git URL for a git
 * dependency (kept as the version: v1 records nothing else), or `file:` for a local folder.
 */
function installedV1(name: string, entry: LockV1Entry): { fullName: string; version: string } | 'local' | undefined {
  const version = entry.version;
  if (!version) return undefined;
  if (isLocalSpecifier(version)) return 'local';
  if (version.startsWith('npm:')) {
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    if (at > 0) return { fullName: spec.slice(0, at), version: spec.slice(at + 1) };
  }
  return { fullName: name, version };
}

/** Resolves a `requires` name from a node's own children up to the root. */
function lookupV1(node: TreeNode | undefined, name: string): string | undefined {
  for (let current = node; current; current = current.parent) {
    const entry = current.entries.get(name);
    if (!entry) continue;
    const installed = installedV1(name, entry);
    return installed && installed !== 'local' ? npmKey(installed.fullName, installed.version) : undefined;
  }
  return undefined;
}
