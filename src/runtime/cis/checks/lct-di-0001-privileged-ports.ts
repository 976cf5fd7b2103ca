/**
 * CIS 5.8 asks that privileged ports (below 1024) are not mapped into containers; an image that EXPOSEs one expects
 * to bind it, which needs root or CAP_NET_BIND_SERVICE. Lucent's own code: dockle has no such check.
 */
import type { CisCheck } from '../check.ts';

/** LCT-DI-0001. */
export const privilegedPorts = {
  code: 'LCT-DI-0001',
  title: 'Do not expose privileged ports (below 1024)',
  level: 'INFO',
  needs: 'config',
  run: ({ config }) =>
    Object.keys(config.config?.ExposedPorts ?? {})
      .filter((port) => {
        const number = Number(port.split('/')[0]);
        return Number.isInteger(number) && number > 0 && number < 1024;
      })
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
      .map((port) => `EXPOSE ${port}`),
} satisfies CisCheck;
