/** Alpine packages from apk's installed database. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';

const INSTALLED = 'lib/apk/db/installed';

/** The apk analyzer. Its parser loads only when the database is met (the registry is loaded by every run). */
export const apkAnalyzer = {
  name: 'apk',
  version: 1,
  required: (path, _info) => path === INSTALLED,
  async analyze({ content }): Promise<AnalyzerResult> {
    const { parseApkInstalled } = await import('./parse.ts');
    const { packages, unknowns } = parseApkInstalled(Buffer.from(content).toString('utf8'));
    return unknowns.length > 0 ? { packages, unknowns } : { packages };
  },
} satisfies Analyzer;
