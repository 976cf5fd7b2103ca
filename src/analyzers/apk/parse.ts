/**
 * apk's installed database, `lib/apk/db/installed`: records separated by blank lines, one `X:value` line per field.
 * Field letters: https://wiki.alpinelinux.org/wiki/Apk_spec (P name, V version, A arch, o origin, L license,
 * D dependencies, p provides). Written here because the format is a line split and no kept npm library reads it.
 */
import { type FoundPackage, packageKey } from '../../core/package.ts';

/** Packages and problems found in one apk database. */
export interface ApkParseResult {
  packages: FoundPackage[];
  unknowns: string[];
}

interface ApkRecord {
  line: number;
  fields: Map<string, string>;
}

/** Parses `lib/apk/db/installed`. */
export function parseApkInstalled(text: string): ApkParseResult {
  const unknowns: string[] = [];
  const found: { pkg: FoundPackage; record: ApkRecord }[] = [];
  for (const record of splitRecords(text, unknowns)) {
    const name = record.fields.get('P');
    const version = record.fields.get('V');
    if (!name || !version) {
      unknowns.push(`record at line ${record.line}: no ${name ? 'V (version)' : 'P (name)'} field`);
      continue;
    }
    const pkg: FoundPackage = { type: 'apk', name, version };
    const arch = record.fields.get('A');
    if (arch) pkg.qualifiers = { arch };
    const license = record.fields.get('L');
    if (license) pkg.licenses = [license];
    pkg.source = { name: record.fields.get('o') || name, version };
    found.push({ pkg, record });
  }
  addDependencies(found);
  return { packages: found.map((item) => item.pkg), unknowns };
}

/** Records by blank lines; only the first value of a letter counts (R/Z/a/M repeat per file and are not needed). */
function splitRecords(text: string, unknowns: string[]): ApkRecord[] {
  const records: ApkRecord[] = [];
  let current: ApkRecord | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: index + 1, fields: new Map() };
      records.push(current);
    }
    if (line[1] !== ':') {
      unknowns.push(`line ${index + 1}: not an "X:value" line`);
      return;
    }
    const letter = line[0] as string;
    if (!current.fields.has(letter)) current.fields.set(letter, line.slice(2).trim());
  });
  return records;
}

/** The name a dependency or provides entry names: `so:libc.so.1=1` → `so:libc.so.1`, `musl>=1.2` → `musl`. */
export function apkDependencyName(entry: string): string | undefined {
  if (entry.startsWith('!')) return undefined; // a conflict, not a dependency
  const name = entry.split(/[<>=~]/)[0];
  return name || undefined;
}

/** D entries resolved to installed packages by name, then by `p` provides (`so:`, `cmd:`, paths, virtual names). */
function addDependencies(found: { pkg: FoundPackage; record: ApkRecord }[]): void {
  const providers = new Map<string, FoundPackage>();
  for (const { pkg } of found) if (!providers.has(pkg.name)) providers.set(pkg.name, pkg);
  for (const { pkg, record } of found) {
    for (const entry of words(record.fields.get('p'))) {
      const name = apkDependencyName(entry);
      if (name && !providers.has(name)) providers.set(name, pkg);
    }
  }
  for (const { pkg, record } of found) {
    const keys = new Set<string>();
    for (const entry of words(record.fields.get('D'))) {
      const name = apkDependencyName(entry);
      const target = name === undefined ? undefined : providers.get(name);
      if (target && target !== pkg) keys.add(packageKey(target));
    }
    if (keys.size > 0) pkg.dependsOn = [...keys].sort();
  }
}

function words(value: string | undefined): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}
