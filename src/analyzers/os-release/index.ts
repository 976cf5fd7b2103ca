/** Detects the operating system from os-release, then /etc/alpine-release and /etc/debian_version. */
import type { Analyzer, AnalyzerResult } from '../analyzer.ts';

/** Files that name the OS, best first; the inventory picks the best one present in the squashed filesystem. */
export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/debian_version'];

const PARSERS = {
  'etc/os-release': 'parseOsRelease',
  'usr/lib/os-release': 'parseOsRelease',
  'etc/alpine-release': 'parseAlpineRelease',
  'etc/debian_version': 'parseDebianVersion',
} as const;

/** The os-release analyzer. Its parsers load only when one of its files is met (the registry is loaded by every run). */
export const osReleaseAnalyzer = {
  name: 'os-release',
  version: 1,
  required: (path, _info) => Object.hasOwn(PARSERS, path),
  async analyze({ path, content }): Promise<AnalyzerResult> {
    const parsers = await import('./parse.ts');
    const parser = Object.hasOwn(PARSERS, path) ? parsers[PARSERS[path as keyof typeof PARSERS]] : undefined;
    const os = parser?.(Buffer.from(content).toString('utf8'));
    return os ? { packages: [], os } : { packages: [], unknowns: ['no ID in the file'] };
  },
} satisfies Analyzer;
