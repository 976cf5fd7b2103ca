/**
 * Debian packages: dpkg's status database (and distroless status.d files), plus licenses from machine-readable
 * `usr/share/doc/<package>/copyright` files, returned as separate license facts that the inventory attaches by name.
 */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { copyrightPackage, parseCopyrightLicenses } from './copyright.ts';
import { parseDpkgStatus } from './parse.ts';

const STATUS = 'var/lib/dpkg/status';
const STATUS_D = 'var/lib/dpkg/status.d/';

/** Whether a path is a distroless status.d entry (its `*.md5sums` companions list file hashes, not packages). */
function isStatusD(path: string): boolean {
  return (
    path.startsWith(STATUS_D) &&
    !path.endsWith('.md5sums') &&
    path.length > STATUS_D.length &&
    !path.slice(STATUS_D.length).includes('/')
  );
}

/** The dpkg analyzer. */
export const dpkgAnalyzer = {
  name: 'dpkg',
  version: 1,
  required: (path, _info) => path === STATUS || isStatusD(path) || copyrightPackage(path) !== undefined,
  analyze({ path, content }): AnalyzerResult {
    const text = Buffer.from(content).toString('utf8');
    const pkg = copyrightPackage(path);
    if (pkg !== undefined) {
      const licenses = parseCopyrightLicenses(text);
      return licenses && licenses.length > 0
        ? { packages: [], licenses: [{ type: 'deb', name: pkg, licenses }] }
        : { packages: [] };
    }
    const { packages, unknowns } = parseDpkgStatus(text, path === STATUS);
    return unknowns.length > 0 ? { packages, unknowns } : { packages };
  },
} satisfies Analyzer;
