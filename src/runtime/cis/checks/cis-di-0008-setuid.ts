/**
 * CIS 4.8: confirm the safety of setuid and setgid files; each one is a way to gain the file owner's rights. Lists
 * regular files with either bit in the squashed filesystem.
 */
import type { CisCheck } from '../check.ts';

const SETUID = 0o4000;
const SETGID = 0o2000;
/** Files listed at most; the count is always given. */
const LIMIT = 50;

/** CIS-DI-0008. */
export const setuidFiles = {
  code: 'CIS-DI-0008',
  title: 'Confirm safety of setuid/setgid files',
  level: 'INFO',
  needs: 'files',
  run: ({ files = [] }) => {
    const found = files
      .filter((file) => file.type === 'file' && (file.mode & (SETUID | SETGID)) !== 0)
      .map((file) => {
        const bits = [file.mode & SETUID ? 'setuid' : '', file.mode & SETGID ? 'setgid' : ''].filter(Boolean);
        return `/${file.path} (${bits.join(', ')}, mode ${(file.mode & 0o7777).toString(8).padStart(4, '0')})`;
      })
      .sort();
    if (found.length <= LIMIT) return found;
    return [...found.slice(0, LIMIT), `… and ${found.length - LIMIT} more`];
  },
} satisfies CisCheck;
