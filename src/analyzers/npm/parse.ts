/**
 * The npm ecosystem's files, by name: installed packages (`node_modules/<name>/package.json`, scoped and nested) and
 * the lock files of npm, yarn and pnpm. Each parser reads one file's text; lock files inside node_modules (npm's
 * hidden `.package-lock.json`, copies shipped inside packages) are not asked for, since the installed package.json
 * files already say what is there.
 */
import type { AnalyzerResult } from '../analyzer.ts';
import type { NpmFileKind } from './file-kind.ts';
import { parsePackageLock } from './package-lock.ts';
import { NpmPackageSet, readLicenses } from './package-set.ts';
import { installedPackageJsonSchema } from './schema.ts';

export { type NpmFileKind, npmFileKind } from './file-kind.ts';

/**
 * Parses one npm-ecosystem file. Throws when the file is not its format at all. The yarn and pnpm parsers (and the
 * YAML library they need) load only when such a lock file is met.
 */
export async function parseNpmFile(kind: NpmFileKind, text: string): Promise<AnalyzerResult> {
  switch (kind) {
    case 'installed':
      return parseInstalledPackageJson(text);
    case 'package-lock':
      return parsePackageLock(text);
    case 'yarn-lock':
      return (await import('./yarn-lock.ts')).parseYarnLock(text);
    case 'pnpm-lock':
      return (await import('./pnpm-lock.ts')).parsePnpmLock(text);
  }
}

/**
 * An installed package's package.json: its name (the real one, also when installed under an alias folder) and
 * version. Declared dependencies are ranges, not installed versions, so they give no edges.
 */
export function parseInstalledPackageJson(text: string): AnalyzerResult {
  const manifest = installedPackageJsonSchema.parse(JSON.parse(text));
  if (!manifest.name || !manifest.version) return { packages: [], unknowns: ['package.json without name or version'] };
  const set = new NpmPackageSet();
  const licenses = readLicenses(manifest.license, manifest.licenses);
  set.add({ fullName: manifest.name, version: manifest.version, ...(licenses.length > 0 ? { licenses } : {}) });
  return { packages: set.packages() };
}
