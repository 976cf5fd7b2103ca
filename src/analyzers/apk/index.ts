/** Alpine packages from apk's installed database. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';
import { parseApkInstalled } from './parse.ts';

const INSTALLED = 'lib/apk/db/installed';

/** The apk analyzer. */
export const apkAnalyzer = {
  name: 'apk',
  version: 1,
  required: (path, _info) => path === INSTALLED,
  analyze({ content }): AnalyzerResult {
    const { packages, unknowns } = parseApkInstalled(Buffer.from(content).toString('utf8'));
    return unknowns.length > 0 ? { packages, unknowns } : { packages };
  },
} satisfies Analyzer;
