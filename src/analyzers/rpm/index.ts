/** Red Hat family packages from rpm's database, in any of its three backends, at either of its two homes. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';

/** rpm's database directories: the classic one and /usr/lib/sysimage/rpm (Fedora ≥ 36, openSUSE, RHEL 10). */
const DIRECTORIES = ['var/lib/rpm/', 'usr/lib/sysimage/rpm/'];
/** BerkeleyDB hash, NDB and SQLite database files. */
const FILES = new Set(['Packages', 'Packages.db', 'rpmdb.sqlite']);

/** The rpm analyzer. Its database readers load only when a database is met (the registry is loaded by every run). */
export const rpmAnalyzer = {
  name: 'rpm',
  version: 1,
  required: (path, _info) =>
    DIRECTORIES.some((directory) => path.startsWith(directory) && FILES.has(path.slice(directory.length))),
  async analyze({ content }): Promise<AnalyzerResult> {
    const { parseRpmDatabase } = await import('./parse.ts');
    const { packages, unknowns } = parseRpmDatabase(content);
    return unknowns.length > 0 ? { packages, unknowns } : { packages };
  },
} satisfies Analyzer;
