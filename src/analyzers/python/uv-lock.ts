/**
 * uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile): TOML with one `[[package]]` per
 * locked distribution. The project and its workspace members (`source = { editable | virtual }`) are built from local
 * source and are not reported. A package is dev when it is reached from the members' `dev-dependencies` only, never
 * from their `dependencies` or `optional-dependencies`; dependency references name a version only when the name is
 * locked at several.
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';
import { normalizePythonName, pypiPackage } from './names.ts';
import { firstIssue, type UvPackage, uvPackageSchema } from './schema.ts';
import { tomlPackages } from './toml-packages.ts';

type Reference = { name: string; version?: string | undefined };

/** The locked packages of a uv.lock. */
export function parseUvLock(text: string): AnalyzerResult {
  const raw = tomlPackages(text);
  if (typeof raw === 'string') return { packages: [], unknowns: [raw] };
  const unknowns: string[] = [];
  const entries: UvPackage[] = [];
  raw.forEach((item, index) => {
    const parsed = uvPackageSchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data);
    else unknowns.push(`package #${index + 1}: ${firstIssue(parsed.error)}`);
  });
  const resolve = resolver(entries);
  const members = entries.filter(isMember);
  const runtime = closure(members.flatMap(runtimeReferences), resolve);
  const dev = closure(
    members.flatMap((member) => Object.values(member['dev-dependencies'] ?? {}).flat()),
    resolve,
  );
  const packages: FoundPackage[] = [];
  for (const entry of entries) {
    if (isMember(entry)) continue;
    if (!entry.version) {
      unknowns.push(`${entry.name}: no version`);
      continue;
    }
    const pkg = pypiPackage(entry.name, entry.version, dev.has(entry) && !runtime.has(entry) ? { dev: true } : {});
    const dependsOn = runtimeReferences(entry)
      .flatMap(resolve)
      .filter((target) => !isMember(target) && target.version)
      .map((target) => packageKey(pypiPackage(target.name, target.version ?? '')));
    if (dependsOn.length > 0) pkg.dependsOn = [...new Set(dependsOn)];
    packages.push(pkg);
  }
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}

function isMember(entry: UvPackage): boolean {
  return entry.source !== undefined && ('editable' in entry.source || 'virtual' in entry.source);
}

function runtimeReferences(entry: UvPackage): Reference[] {
  return [...(entry.dependencies ?? []), ...Object.values(entry['optional-dependencies'] ?? {}).flat()];
}

/** Packages a reference names: the one with its version, or every package of that name when it gives none. */
function resolver(entries: readonly UvPackage[]): (reference: Reference) => UvPackage[] {
  const byName = new Map<string, UvPackage[]>();
  for (const entry of entries) {
    const name = normalizePythonName(entry.name);
    byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  return (reference) => {
    const candidates = byName.get(normalizePythonName(reference.name)) ?? [];
    return reference.version ? candidates.filter((entry) => entry.version === reference.version) : candidates;
  };
}

/** Every package reachable from the references. */
function closure(start: Reference[], resolve: (reference: Reference) => UvPackage[]): Set<UvPackage> {
  const seen = new Set<UvPackage>();
  const queue = start.flatMap(resolve);
  for (let entry = queue.pop(); entry; entry = queue.pop()) {
    if (seen.has(entry)) continue;
    seen.add(entry);
    queue.push(...runtimeReferences(entry).flatMap(resolve));
  }
  return seen;
}
