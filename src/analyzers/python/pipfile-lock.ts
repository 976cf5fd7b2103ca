/**
 * Pipfile.lock: JSON with the locked packages of `default` and, for development, `develop`. Versions are written
 * `==1.2.3`; VCS, path and editable entries carry none and are reported as unknowns. A package in both sections is
 * a runtime package. The format records no dependency edges.
 */
import type { AnalyzerResult } from '../analyzer.ts';
import { normalizePythonName, pypiPackage } from './names.ts';
import { firstIssue, pipfileEntrySchema, pipfileLockSchema } from './schema.ts';

/** The locked packages of a Pipfile.lock. */
export function parsePipfileLock(text: string): AnalyzerResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { packages: [], unknowns: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const lock = pipfileLockSchema.safeParse(json);
  if (!lock.success) return { packages: [], unknowns: [`not a Pipfile.lock: ${firstIssue(lock.error)}`] };
  const packages = new Map<string, AnalyzerResult['packages'][number]>();
  const unknowns: string[] = [];
  for (const section of ['default', 'develop'] as const) {
    for (const [name, raw] of Object.entries(lock.data[section] ?? {})) {
      const entry = pipfileEntrySchema.safeParse(raw);
      const version = entry.success ? /^==\s*(\S+)$/.exec(entry.data.version ?? '')?.[1] : undefined;
      if (!version) {
        unknowns.push(`${section}.${name}: no pinned version`);
        continue;
      }
      const key = `${normalizePythonName(name)}@${version}`;
      if (!packages.has(key)) packages.set(key, pypiPackage(name, version, section === 'develop' ? { dev: true } : {}));
    }
  }
  if (unknowns.length === 0 && packages.size === 0 && !lock.data.default && !lock.data.develop) {
    unknowns.push('no `default` or `develop` section');
  }
  return unknowns.length > 0 ? { packages: [...packages.values()], unknowns } : { packages: [...packages.values()] };
}
