/**
 * yarn.lock, both generations. Classic (yarn 1, `# yarn lockfile v1`) has its own indentation format; berry (yarn 2+,
 * with a `__metadata` block) is YAML. Each entry lists the specifiers it satisfies and what they resolved to. Neither
 * says which packages are only for development (that needs package.json), so `dev` is left unset.
 */
import { parse as parseYaml } from 'yaml';
import type { AnalyzerResult } from '../analyzer.ts';
import { isLocalSpecifier, NpmPackageSet, npmKey } from './package-set.ts';
import { berryEntrySchema } from './schema.ts';

/** Parses a yarn.lock of either generation. */
export function parseYarnLock(text: string): AnalyzerResult {
  return /^__metadata:/m.test(text) ? parseBerryLock(text) : parseClassicLock(text);
}

/** `name@range` → name and range; the name may be scoped (`@scope/name@range`). */
export function splitSpecifier(specifier: string): { name: string; range: string } {
  const at = specifier.indexOf('@', 1);
  return at < 0 ? { name: specifier, range: '' } : { name: specifier.slice(0, at), range: specifier.slice(at + 1) };
}

type ClassicValue = string | ClassicObject;
interface ClassicObject {
  [key: string]: ClassicValue;
}

/**
 * The classic format: `key value` pairs and `key:` blocks, nested by two spaces, keys and values quoted as JSON when
 * needed. Written by hand because the only parser, `@yarnpkg/lockfile`, is unmaintained since 2018 and bundles a
 * copy of yarn.
 */
export function parseClassicSyntax(text: string): { entries: Map<string, ClassicObject>; unknowns: string[] } {
  const entries = new Map<string, ClassicObject>();
  const unknowns: string[] = [];
  const stack: { indent: number; object: ClassicObject }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    while (stack.length > 0 && (stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = stack.at(-1)?.object;
    if (content.endsWith(':')) {
      const object: ClassicObject = {};
      const key = content.slice(0, -1);
      if (parent) parent[unquote(key)] = object;
      else entries.set(key, object);
      stack.push({ indent, object });
      return;
    }
    const [key, value] = splitPair(content);
    if (!parent || value === undefined) unknowns.push(`line ${index + 1}: cannot read "${content.slice(0, 80)}"`);
    else parent[unquote(key)] = unquote(value);
  });
  return { entries, unknowns };
}

function splitPair(content: string): [string, string | undefined] {
  if (content.startsWith('"')) {
    const end = content.indexOf('"', 1);
    return [content.slice(0, end + 1), content.slice(end + 1).trim() || undefined];
  }
  const space = content.indexOf(' ');
  return space < 0 ? [content, undefined] : [content.slice(0, space), content.slice(space + 1).trim()];
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/** The specifiers of an entry's key: `a@^1, "b@>= 2"`. */
function specifiersOf(key: string): string[] {
  return (key.match(/"(?:[^"\\]|\\.)*"|[^,\s][^,]*/g) ?? []).map((part) => unquote(part.trim()));
}

/** The package a classic range installs: `npm:real@range` is an alias for `real`. */
function installedName(name: string, range: string): string {
  return range.startsWith('npm:') ? splitSpecifier(range.slice(4)).name : name;
}

function parseClassicLock(text: string): AnalyzerResult {
  const { entries, unknowns } = parseClassicSyntax(text);
  const keyBySpecifier = new Map<string, string>();
  const resolved: { key: string; entry: ClassicObject; fullName: string; version: string }[] = [];
  for (const [rawKey, entry] of entries) {
    const specifiers = specifiersOf(rawKey);
    const first = splitSpecifier(specifiers[0] ?? '');
    const version = entry.version;
    if (typeof version !== 'string' || version === '') {
      unknowns.push(`${rawKey}: no version`);
      continue;
    }
    if (isLocalSpecifier(first.range)) continue;
    const fullName = installedName(first.name, first.range);
    const key = npmKey(fullName, version);
    for (const specifier of specifiers) keyBySpecifier.set(specifier, key);
    resolved.push({ key, entry, fullName, version });
  }
  const set = new NpmPackageSet();
  for (const { entry, fullName, version } of resolved) {
    const wanted = { ...asStrings(entry.optionalDependencies), ...asStrings(entry.dependencies) };
    const dependsOn = Object.entries(wanted)
      .map(([name, range]) => keyBySpecifier.get(`${name}@${range}`))
      .filter((key): key is string => key !== undefined);
    const integrity = typeof entry.integrity === 'string' ? { integrity: entry.integrity } : {};
    set.add({ fullName, version, ...integrity, dependsOn });
  }
  return unknowns.length > 0 ? { packages: set.packages(), unknowns } : { packages: set.packages() };
}

function asStrings(value: ClassicValue | undefined): Record<string, string> {
  if (!value || typeof value === 'string') return {};
  return Object.fromEntries(
    Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string'),
  );
}

/** A berry descriptor as the lock file's keys write it: a bare range means the npm protocol. */
function berryDescriptor(name: string, range: string): string {
  return /^[a-z][a-z+.-]*:/i.test(range) ? `${name}@${range}` : `${name}@npm:${range}`;
}

/**
 * Berry: `resolution: "name@npm:1.2.3"`. `workspace:` entries are the project itself and `file:`/`link:`/`portal:`
 * point at local folders: skipped. A `patch:` entry is a patched copy of another resolution (yarn patches some
 * packages itself, e.g. `resolve` and `typescript`): it installs the same name@version, so it merges with it.
 * https://yarnpkg.com/protocols
 */
function parseBerryLock(text: string): AnalyzerResult {
  // Every scalar as written: yarn does not quote ranges like `1.10`, which YAML 1.2 would read as the number 1.1.
  const document = parseYaml(text, { schema: 'failsafe' }) as unknown;
  if (!document || typeof document !== 'object') throw new Error('yarn.lock: not a YAML mapping');
  const unknowns: string[] = [];
  const keyByDescriptor = new Map<string, string>();
  const resolved: { key: string; fullName: string; version: string; dependencies: Record<string, string> }[] = [];
  for (const [rawKey, raw] of Object.entries(document)) {
    if (rawKey === '__metadata') continue;
    const parsed = berryEntrySchema.safeParse(raw);
    if (!parsed.success) {
      unknowns.push(`${rawKey}: ${parsed.error.issues[0]?.message ?? 'invalid entry'}`);
      continue;
    }
    const entry = parsed.data;
    const { name, range: reference } = splitSpecifier(entry.resolution);
    if (isLocalSpecifier(reference) || isLocalPatch(reference)) continue;
    const key = npmKey(name, entry.version);
    for (const descriptor of rawKey.split(/,\s*/)) keyByDescriptor.set(descriptor.trim(), key);
    resolved.push({ key, fullName: name, version: entry.version, dependencies: entry.dependencies ?? {} });
  }
  const set = new NpmPackageSet();
  for (const { fullName, version, dependencies } of resolved) {
    const dependsOn = Object.entries(dependencies)
      .map(([name, range]) => keyByDescriptor.get(berryDescriptor(name, range)))
      .filter((key): key is string => key !== undefined);
    set.add({ fullName, version, dependsOn });
  }
  return unknowns.length > 0 ? { packages: set.packages(), unknowns } : { packages: set.packages() };
}

/** `patch:name@<encoded source>#…` of a local source: as local as that source. */
function isLocalPatch(reference: string): boolean {
  if (!reference.startsWith('patch:')) return false;
  const source = decodeURIComponent(reference.slice(6).split('#')[0] ?? '');
  return isLocalSpecifier(splitSpecifier(source).range);
}
