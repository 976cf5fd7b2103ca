/** CIS 4.1: create a user for the container; an image whose last USER is root (or unset) runs as root. */
import type { CisCheck } from '../check.ts';

/** USER values that mean root: unset, `root`, uid 0, with or without a group. */
function isRoot(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === '' || name === 'root' || name === '0';
}

/** CIS-DI-0001. */
export const nonRootUser = {
  code: 'CIS-DI-0001',
  title: 'Create a user for the container',
  level: 'WARN',
  needs: 'config',
  run: ({ config }) => {
    const user = config.config?.User ?? '';
    return isRoot(user) ? [user ? `the last user is ${user}` : 'no USER is set, so the container runs as root'] : [];
  },
} satisfies CisCheck;
