/**
 * Composer packages from `composer.lock` (`packages`, and `packages-dev` as dev) and from the installed
 * `vendor/composer/installed.json` (Composer 1 array, or Composer 2 object whose `dev-package-names` flags dev). The
 * purl namespace is the vendor. Dependency edges come from `require`, matched by name within the file; platform
 * requirements (php, extensions, libraries, Composer's APIs) are not packages.
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';
import type { PhpFileKind } from './file-kind.ts';
import {
  type ComposerPackage,
  composerLockSchema,
  composerPackageSchema,
  firstIssue,
  installedJsonSchema,
} from './schema.ts';

// https://getcomposer.org/doc/01-basic-usage.md#platform-packages
const PLATFORM = /^(php(-64bit|-ipv6|-zts|-debug)?|hhvm|composer(-plugin-api|-runtime-api)?|ext-.+|lib-.+)$/i;

/** Parses one Composer file of a known kind. */
export function parsePhpFile(kind: PhpFileKind, text: string): AnalyzerResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { packages: [], unknowns: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return kind === 'composer-lock' ? parseComposerLock(json) : parseInstalledJson(json);
}

/** The locked packages of a parsed composer.lock. */
export function parseComposerLock(json: unknown): AnalyzerResult {
  const lock = composerLockSchema.safeParse(json);
  if (!lock.success) return { packages: [], unknowns: [`not a composer.lock: ${firstIssue(lock.error)}`] };
  return composerPackages([
    ...(lock.data.packages ?? []).map((raw, index) => ({ raw, where: `packages #${index + 1}`, dev: false })),
    ...(lock.data['packages-dev'] ?? []).map((raw, index) => ({ raw, where: `packages-dev #${index + 1}`, dev: true })),
  ]);
}

/** The installed packages of a parsed installed.json. */
export function parseInstalledJson(json: unknown): AnalyzerResult {
  const installed = installedJsonSchema.safeParse(json);
  if (!installed.success) return { packages: [], unknowns: [`not an installed.json: ${firstIssue(installed.error)}`] };
  const list = Array.isArray(installed.data) ? installed.data : installed.data.packages;
  const devNames = new Set(Array.isArray(installed.data) ? [] : (installed.data['dev-package-names'] ?? []));
  return composerPackages(
    list.map((raw, index) => ({
      raw,
      where: `packages #${index + 1}`,
      dev: typeof raw === 'object' && raw !== null && devNames.has(String((raw as { name?: unknown }).name)),
    })),
  );
}

function composerPackages(entries: { raw: unknown; where: string; dev: boolean }[]): AnalyzerResult {
  const unknowns: string[] = [];
  const found: { entry: ComposerPackage; pkg: FoundPackage }[] = [];
  for (const { raw, where, dev } of entries) {
    const parsed = composerPackageSchema.safeParse(raw);
    if (!parsed.success) {
      unknowns.push(`${where}: ${firstIssue(parsed.error)}`);
      continue;
    }
    found.push({ entry: parsed.data, pkg: composerPackage(parsed.data, dev) });
  }
  const keys = new Map(found.map(({ entry, pkg }) => [entry.name.toLowerCase(), packageKey(pkg)]));
  for (const { entry, pkg } of found) {
    const dependsOn = Object.keys(entry.require ?? {})
      .filter((name) => !PLATFORM.test(name))
      .map((name) => keys.get(name.toLowerCase()))
      .filter((key) => key !== undefined);
    if (dependsOn.length > 0) pkg.dependsOn = [...new Set(dependsOn)];
  }
  const packages = found.map(({ pkg }) => pkg);
  return unknowns.length > 0 ? { packages, unknowns } : { packages };
}

function composerPackage(entry: ComposerPackage, dev: boolean): FoundPackage {
  const [namespace = '', name = ''] = entry.name.toLowerCase().split('/');
  const pkg: FoundPackage = { type: 'composer', namespace, name, version: entry.version };
  const licenses = (typeof entry.license === 'string' ? [entry.license] : (entry.license ?? [])).filter(Boolean);
  if (licenses.length > 0) pkg.licenses = licenses;
  if (dev) pkg.dev = true;
  return pkg;
}
