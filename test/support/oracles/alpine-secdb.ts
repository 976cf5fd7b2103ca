/**
 * Test oracle for Alpine findings, written apart from Lucent's secdb importer and matcher: it reads secdb YAML with
 * the `yaml` package and decides "affected" with the independent version order of apk-order.ts. secdb lists, per
 * origin (source) package, `secfixes: { <fixed version>: [<CVE id>, …] }`; a package is affected by every (CVE, fixed
 * version) pair whose fixed version is above its origin's installed version.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compareApk } from './apk-order.ts';

/** One secfixes fact: this origin package fixes this id in this version. */
export interface SecdbFix {
  origin: string;
  fixed: string;
  id: string;
}

/** The facts of secdb files; the key `0` ("never affected") is left out, and only CVE ids are kept. */
export function secdbFixes(...paths: string[]): SecdbFix[] {
  const fixes: SecdbFix[] = [];
  for (const path of paths) {
    const document = parse(readFileSync(path, 'utf8'), { schema: 'failsafe' }) as {
      packages?: { pkg: { name: string; secfixes?: Record<string, string[] | ''> | '' } }[] | '';
    };
    for (const { pkg } of document.packages || []) {
      for (const [fixed, ids] of Object.entries(pkg.secfixes || {})) {
        if (fixed === '0') continue;
        for (const text of ids || []) {
          // secdb has typos such as `CVE_2019-2426` (openjdk7): the id is still that CVE.
          for (const [, year, number] of text.matchAll(/CVE[-_ ](\d{4})-(\d{4,})/g)) {
            fixes.push({ origin: pkg.name, fixed, id: `CVE-${year}-${number}` });
          }
        }
      }
    }
  }
  return fixes;
}

/** An installed package: its name and version, and its origin (source) package and version. */
export interface InstalledApk {
  name: string;
  version: string;
  origin: string;
  originVersion: string;
}

/** The expected findings, one string per (package, id): `name version id fixed1,fixed2`, sorted. */
export function expectedAlpineFindings(packages: InstalledApk[], fixes: SecdbFix[]): string[] {
  const found = new Map<string, Set<string>>();
  for (const pkg of packages) {
    for (const fix of fixes) {
      if (fix.origin !== pkg.origin || compareApk(pkg.originVersion, fix.fixed) >= 0) continue;
      const key = `${pkg.name} ${pkg.version} ${fix.id}`;
      found.set(key, (found.get(key) ?? new Set()).add(fix.fixed));
    }
  }
  return [...found].map(([key, fixed]) => `${key} ${[...fixed].sort().join(',')}`).sort();
}
