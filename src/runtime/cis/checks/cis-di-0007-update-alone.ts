/**
 * CIS 4.7: do not use update instructions alone. A RUN that refreshes the package index without installing in the
 * same layer leaves a stale cached index behind: a later RUN's install (from the build cache) uses old versions.
 */
import type { CisCheck } from '../check.ts';
import { packageManagerCommand, parseHistoryLine } from '../shell-commands.ts';

const UPDATES: Record<string, string[]> = {
  'apt-get': ['update'],
  apt: ['update'],
  apk: ['update'],
  yum: ['makecache'],
  dnf: ['makecache'],
  zypper: ['refresh', 'ref'],
};
const INSTALLS: Record<string, string[]> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};

/** CIS-DI-0007. */
export const updateAlone = {
  code: 'CIS-DI-0007',
  title: 'Do not use update instructions alone in the Dockerfile',
  level: 'FATAL',
  needs: 'config',
  run: ({ history }) =>
    history.flatMap((line) => {
      const parsed = parseHistoryLine(line);
      if (parsed.kind !== 'run') return [];
      const commands = parsed.commands
        .map(packageManagerCommand)
        .filter((command): command is [string, string] => command !== undefined);
      const update = commands.find(([tool, sub]) => UPDATES[tool]?.includes(sub));
      const install = commands.some(([tool, sub]) => INSTALLS[tool]?.includes(sub));
      return update && !install ? [`"${update.join(' ')}" without an install in the same RUN: ${shorten(line)}`] : [];
    }),
} satisfies CisCheck;

function shorten(line: string): string {
  const text = line.trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
