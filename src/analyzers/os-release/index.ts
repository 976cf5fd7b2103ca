/** Detects the operating system from os-release, then /etc/alpine-release and /etc/debian_version. */
import type { Analyzer } from '../analyzer.ts';
import { parseAlpineRelease, parseDebianVersion, parseOsRelease } from './parse.ts';

/** Files that name the OS, best first; the inventory picks the best one present in the squashed filesystem. */
export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/debian_version'];

const PARSERS: Record<string, (text: string) => ReturnType<typeof parseOsRelease>> = {
  'etc/os-release': parseOsRelease,
  'usr/lib/os-release': parseOsRelease,
  'etc/alpine-release': parseAlpineRelease,
  'etc/debian_version': parseDebianVersion,
};

/** The os-release analyzer. */
export const osReleaseAnalyzer = {
  name: 'os-release',
  version: 1,
  required: (path, _info) => path in PARSERS,
  analyze({ path, content }) {
    const os = PARSERS[path]?.(Buffer.from(content).toString('utf8'));
    return os ? { packages: [], os } : { packages: [], unknowns: ['no ID in the file'] };
  },
} satisfies Analyzer;
