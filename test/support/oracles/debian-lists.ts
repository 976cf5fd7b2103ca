/**
 * Test oracle for Debian findings, written apart from Lucent's importer and matcher: it reads the DSA/DLA `list` text
 * directly (a header `[date] DSA-n-m pkg - …`, then `\t{CVE-…}` and `\t[codename] - <source> <version>` lines) and
 * decides "affected" with `dpkg --compare-versions` (Debian's own implementation of the ordering), never with
 * src/versioning/deb.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One `[codename] - <source> <fixed version>` line of an advisory, with the advisory's CVEs. */
export interface DebianFixLine {
  advisory: string;
  cves: string[];
  source: string;
  fixed: string;
}

/** The fix lines of one release (`buster`) in a DSA or DLA list; marker lines (`<not-affected>`, …) are returned apart. */
export function debianFixLines(text: string, codename: string): { fixes: DebianFixLine[]; markers: string[] } {
  const fixes: DebianFixLine[] = [];
  const markers: string[] = [];
  let advisory = '';
  let cves: string[] = [];
  for (const line of text.split('\n')) {
    const header = /^\[[^\]]+\]\s+(D[SL]A-[0-9-]+)/.exec(line);
    if (header) {
      advisory = header[1] as string;
      cves = [];
      continue;
    }
    const ids = /^\s+\{(.*)\}\s*$/.exec(line);
    if (ids) {
      cves = (ids[1] as string).split(/\s+/).filter((id) => id !== '');
      continue;
    }
    const fix = new RegExp(`^\\s+\\[${codename}\\]\\s+-\\s+(\\S+)\\s+(\\S+)`).exec(line);
    if (!fix) continue;
    const [, source = '', fixed = ''] = fix;
    if (fixed.startsWith('<')) markers.push(line.trim());
    else fixes.push({ advisory, cves: [...cves], source, fixed });
  }
  return { fixes, markers };
}

const dpkgAnswers = new Map<string, boolean>();

/** `dpkg --compare-versions a lt b`: exit status 0 means a < b in dpkg order. */
export function dpkgLessThan(a: string, b: string): boolean {
  const key = `${a} ${b}`;
  let answer = dpkgAnswers.get(key);
  if (answer === undefined) {
    try {
      execFileSync('dpkg', ['--compare-versions', a, 'lt', b], { stdio: 'ignore' });
      answer = true;
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error;
      answer = false;
    }
    dpkgAnswers.set(key, answer);
  }
  return answer;
}

/** A row of a ground-truth package list (test/fixtures/ground-truth/images/*.packages.tsv). */
export interface GroundTruthPackage {
  type: string;
  name: string;
  version: string;
  sourceName: string;
  sourceVersion: string;
}

/** Reads a ground-truth package list: read from the image's own package database, not by Lucent's analyzers. */
export function groundTruthPackages(path: string): GroundTruthPackage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [type = '', name = '', version = '', , sourceName = '', sourceVersion = ''] = line.split('\t');
      return { type, name, version, sourceName: sourceName || name, sourceVersion: sourceVersion || version };
    });
}

/**
 * The expected findings, one string per (binary package, vulnerability): `name version id fixed1,fixed2`. A package
 * is affected by a fix line of its source package when its source version is lower than the fixed version in dpkg
 * order; the vulnerability is each CVE of the advisory (the advisory id when it names none), and the fixed versions
 * are those of every line that found it affected, sorted as strings.
 */
export function expectedDebianFindings(packages: GroundTruthPackage[], fixes: DebianFixLine[]): string[] {
  const found = new Map<string, Set<string>>();
  for (const pkg of packages) {
    for (const fix of fixes) {
      if (fix.source !== pkg.sourceName || !dpkgLessThan(pkg.sourceVersion, fix.fixed)) continue;
      for (const id of fix.cves.length > 0 ? fix.cves : [fix.advisory]) {
        const key = `${pkg.name} ${pkg.version} ${id}`;
        found.set(key, (found.get(key) ?? new Set()).add(fix.fixed));
      }
    }
  }
  return [...found].map(([key, fixed]) => `${key} ${[...fixed].sort().join(',')}`).sort();
}
