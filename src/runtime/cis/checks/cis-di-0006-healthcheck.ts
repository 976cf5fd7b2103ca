/** CIS 4.6: add a HEALTHCHECK instruction, so the engine can tell a hung container from a healthy one. */
import type { CisCheck } from '../check.ts';

/** CIS-DI-0006. */
export const healthcheck = {
  code: 'CIS-DI-0006',
  title: 'Add HEALTHCHECK instruction to the container image',
  level: 'INFO',
  needs: 'config',
  run: ({ config }) => {
    // `Healthcheck` is not in the OCI spec but Docker and BuildKit write it; `{"Test":["NONE"]}` disables one.
    const check = (config.config as { Healthcheck?: { Test?: unknown } } | null | undefined)?.Healthcheck;
    const test = Array.isArray(check?.Test) ? check.Test : [];
    if (test.length === 0) return ['the image has no HEALTHCHECK'];
    if (test[0] === 'NONE') return ['the HEALTHCHECK is disabled (HEALTHCHECK NONE)'];
    return [];
  },
} satisfies CisCheck;
