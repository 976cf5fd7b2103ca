/**
 * dpkg's package database: `var/lib/dpkg/status` (every package dpkg knows, with a `Status:` field) and distroless
 * `var/lib/dpkg/status.d/<name>` files (one or more installed packages each, without `Status:`).
 * Fields: https://man7.org/linux/man-pages/man1/dpkg-query.1.html and Debian Policy §5.
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';
import { field, type Paragraph, parseParagraphs } from './control.ts';

/** Packages and problems found in one dpkg database file. */
export interface DpkgParseResult {
  packages: FoundPackage[];
  unknowns: string[];
}

/**
 * Package states whose files are on disk and configured (dpkg(1) "Package states"): `installed`, and the two trigger
 * states a configured package passes through; `config-files`, `half-installed`, `unpacked`, `half-configured` and
 * `not-installed` are not counted as installed, as dpkg-query's `${db:Status-Status}` shows for them.
 */
const INSTALLED_STATES = new Set(['installed', 'triggers-pending', 'triggers-awaited']);

/** Parses a dpkg status file; `hasStatus` is false for status.d files, whose packages are all installed. */
export function parseDpkgStatus(text: string, hasStatus = true): DpkgParseResult {
  const unknowns: string[] = [];
  const found: { pkg: FoundPackage; paragraph: Paragraph }[] = [];
  for (const paragraph of parseParagraphs(text)) {
    for (const error of paragraph.errors) unknowns.push(`paragraph at line ${paragraph.line}: ${error}`);
    const name = field(paragraph, 'Package');
    const version = field(paragraph, 'Version');
    if (hasStatus && !isInstalled(field(paragraph, 'Status'))) continue;
    if (!name || !version) {
      unknowns.push(`paragraph at line ${paragraph.line}: no ${name ? 'Version' : 'Package'} field`);
      continue;
    }
    found.push({ pkg: toPackage(paragraph, name, version), paragraph });
  }
  addDependencies(found);
  return { packages: found.map((item) => item.pkg), unknowns };
}

/** True when the third word of `Status: want flag state` is an installed state. */
export function isInstalled(status: string | undefined): boolean {
  const state = status?.trim().split(/\s+/)[2];
  return state !== undefined && INSTALLED_STATES.has(state);
}

/**
 * `Source: name` or `Source: name (version)`; without a version the source version is the binary version (a binNMU
 * like `2.36-9+deb12u4+b1` names its source version in the parentheses).
 */
export function parseSource(value: string | undefined, name: string, version: string): FoundPackage['source'] {
  const match = /^(\S+)(?:\s*\(([^)]+)\))?/.exec(value?.trim() ?? '');
  if (!match?.[1]) return { name, version };
  return { name: match[1], version: match[2]?.trim() || version };
}

function toPackage(paragraph: Paragraph, name: string, version: string): FoundPackage {
  const pkg: FoundPackage = { type: 'deb', name, version };
  const arch = field(paragraph, 'Architecture');
  if (arch) pkg.qualifiers = { arch };
  pkg.source = parseSource(field(paragraph, 'Source'), name, version);
  return pkg;
}

/**
 * The names a relationship field lists: `a (>= 1) | b:any [amd64] <!nocheck>, c` gives [[a, b], [c]] (alternatives
 * per group). Syntax: Debian Policy §7.1.
 */
export function relationshipNames(value: string | undefined): string[][] {
  if (!value) return [];
  return value
    .split(',')
    .map((group) =>
      group
        .split('|')
        .map((alternative) =>
          alternative
            .replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, ' ')
            .trim()
            .split(/\s+/)[0]
            ?.replace(/:[a-z0-9-]+$/, ''),
        )
        .filter((name): name is string => Boolean(name)),
    )
    .filter((group) => group.length > 0);
}

/** Depends and Pre-Depends edges to packages of the same file, by name or through Provides (best effort). */
function addDependencies(found: { pkg: FoundPackage; paragraph: Paragraph }[]): void {
  const byName = new Map<string, FoundPackage>();
  for (const { pkg } of found) if (!byName.has(pkg.name)) byName.set(pkg.name, pkg);
  for (const { pkg, paragraph } of found) {
    for (const [virtual] of relationshipNames(field(paragraph, 'Provides'))) {
      if (virtual && !byName.has(virtual)) byName.set(virtual, pkg);
    }
  }
  for (const { pkg, paragraph } of found) {
    const groups = [
      ...relationshipNames(field(paragraph, 'Pre-Depends')),
      ...relationshipNames(field(paragraph, 'Depends')),
    ];
    const keys = new Set<string>();
    for (const group of groups) {
      const target = group.map((name) => byName.get(name)).find((candidate) => candidate !== undefined);
      if (target && target !== pkg) keys.add(packageKey(target));
    }
    if (keys.size > 0) pkg.dependsOn = [...keys].sort();
  }
}
