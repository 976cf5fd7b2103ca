/**
 * poetry.lock: TOML with one `[[package]]` per locked distribution. Dev packages are those of `category = "dev"`
 * (Poetry < 1.5) or whose `groups` (Poetry 2) do not include `main`; lock files of Poetry 1.5–1.8 record neither, so
 * their packages are not flagged. Dependency edges come from `[package.dependencies]`, matched by name.
 */
import type { FoundPackage } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';
import { edgesByName, pypiPackage } from './names.ts';
import { firstIssue, type PoetryPackage, poetryPackageSchema } from './schema.ts';
import { tomlPackages } from './toml-packages.ts';

/** The locked packages of a poetry.lock. */
export function parsePoetryLock(text: string): AnalyzerResult {
  const entries = tomlPackages(text);
  if (typeof entries === 'string') return { packages: [], unknowns: [entries] };
  const unknowns: string[] = [];
  const locked: { entry: PoetryPackage; pkg: FoundPackage }[] = [];
  entries.forEach((raw, index) => {
    const parsed = poetryPackageSchema.safeParse(raw);
    if (!parsed.success) {
      unknowns.push(`package #${index + 1}: ${firstIssue(parsed.error)}`);
      return;
    }
    const entry = parsed.data;
    const dev = entry.category === 'dev' || (entry.groups !== undefined && !entry.groups.includes('main'));
    locked.push({ entry, pkg: pypiPackage(entry.name, entry.version, dev ? { dev: true } : {}) });
  });
  const edge = edgesByName(locked.map(({ pkg }) => pkg));
  for (const { entry, pkg } of locked) {
    const dependsOn = Object.keys(entry.dependencies ?? {})
      .map((name) => edge(name))
      .filter((key) => key !== undefined);
    if (dependsOn.length > 0) pkg.dependsOn = [...new Set(dependsOn)];
  }
  const packages = locked.map(({ pkg }) => pkg);
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}
