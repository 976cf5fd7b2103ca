/**
 * Debian packages: dpkg's status database (and distroless status.d files), plus licenses from machine-readable
 * `usr/share/doc/<package>/copyright` files, returned as separate license facts that the inventory attaches by name.
 */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { copyrightPackage, isStatusD, STATUS } from './file-kind.ts';

/** The dpkg analyzer. Its parsers load only when a dpkg file is met (the registry is loaded by every run). */
export const dpkgAnalyzer = {
  name: 'dpkg',
  version: 1,
  required: (path, _info) => path === STATUS || isStatusD(path) || copyrightPackage(path) !== undefined,
  async analyze({ path, content }): Promise<AnalyzerResult> {
    const text = Buffer.from(content).toString('utf8');
    const pkg = copyrightPackage(path);
    if (pkg !== undefined) {
      const { parseCopyrightLicenses } = await import('./copyright.ts');
      const licenses = parseCopyrightLicenses(text);
      return licenses && licenses.length > 0
        ? { packages: [], licenses: [{ type: 'deb', name: pkg, licenses }] }
        : { packages: [] };
    }
    const { parseDpkgStatus } = await import('./parse.ts');
    const { packages, unknowns } = parseDpkgStatus(text, path === STATUS);
    return unknowns.length > 0 ? { packages, unknowns } : { packages };
  },
} satisfies Analyzer;
