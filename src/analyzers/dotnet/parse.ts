/**
 * .NET `*.deps.json`, written next to an application by the SDK. Its `libraries` list what the application loads:
 * entries of type `package` are NuGet packages (`Name/Version` keys); `project` entries are the application and its
 * own projects, and `reference`/`runtimepack` entries are framework parts, so neither is reported. Dependency edges
 * come from the `targets` entries of each package. The `sha512` is that of the `.nupkg`, in base64.
 */
import { type FoundPackage, type PackageHash, packageKey } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';
import { depsJsonSchema, depsLibrarySchema, depsTargetEntrySchema, firstIssue } from './schema.ts';

/** The NuGet packages of a deps.json. */
export function parseDepsJson(text: string): AnalyzerResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { packages: [], unknowns: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const deps = depsJsonSchema.safeParse(json);
  if (!deps.success) return { packages: [], unknowns: [`not a deps.json: ${firstIssue(deps.error)}`] };
  const unknowns: string[] = [];
  const targets = targetEntries(deps.data.targets ?? {}, unknowns);
  const found = new Map<string, FoundPackage>();
  for (const [key, raw] of Object.entries(deps.data.libraries)) {
    const library = depsLibrarySchema.safeParse(raw);
    if (!library.success) {
      unknowns.push(`libraries.${key}: ${firstIssue(library.error)}`);
      continue;
    }
    if (library.data.type !== 'package') continue;
    const id = splitKey(key);
    if (!id) {
      unknowns.push(`libraries.${key}: not a Name/Version key`);
      continue;
    }
    const entries = targets.get(key.toLowerCase()) ?? [];
    if (entries.length > 0 && entries.every((entry) => entry.compileOnly)) continue;
    const pkg: FoundPackage = { type: 'nuget', name: id.name, version: id.version };
    const hash = nupkgHash(library.data.sha512);
    if (hash) pkg.hashes = [hash];
    found.set(key.toLowerCase(), pkg);
  }
  for (const [key, pkg] of found) {
    const dependsOn = (targets.get(key) ?? [])
      .flatMap((entry) => Object.entries(entry.dependencies ?? {}))
      .map(([name, version]) => found.get(`${name}/${version}`.toLowerCase()))
      .filter((target) => target !== undefined)
      .map(packageKey);
    if (dependsOn.length > 0) pkg.dependsOn = [...new Set(dependsOn)];
  }
  const packages = [...found.values()];
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}

type TargetEntry = ReturnType<typeof depsTargetEntrySchema.parse>;

/** Every target's entry for each `name/version` (lower-cased), across all targets (framework and runtime ids). */
function targetEntries(targets: Record<string, Record<string, unknown>>, unknowns: string[]) {
  const out = new Map<string, TargetEntry[]>();
  for (const [target, entries] of Object.entries(targets)) {
    for (const [key, raw] of Object.entries(entries)) {
      const entry = depsTargetEntrySchema.safeParse(raw);
      if (!entry.success) {
        unknowns.push(`targets.${target}.${key}: ${firstIssue(entry.error)}`);
        continue;
      }
      const id = key.toLowerCase();
      out.set(id, [...(out.get(id) ?? []), entry.data]);
    }
  }
  return out;
}

function splitKey(key: string): { name: string; version: string } | undefined {
  const slash = key.lastIndexOf('/');
  if (slash <= 0 || slash === key.length - 1) return undefined;
  return { name: key.slice(0, slash), version: key.slice(slash + 1) };
}

/** `sha512-<base64>` as a hex SHA-512, when it is one (64 bytes). */
function nupkgHash(value: string | undefined): PackageHash | undefined {
  const base64 = /^sha512-([A-Za-z0-9+/]+={0,2})$/.exec(value ?? '')?.[1];
  if (!base64) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  return bytes.length === 64 ? { algorithm: 'SHA-512', value: bytes.toString('hex') } : undefined;
}
