/** dockle DKL-DI-0002: avoid declaring volumes over sensitive host directories (a run mounts them writable). */
import type { CisCheck } from '../check.ts';

const SENSITIVE = [
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/root',
  '/var/run/docker.sock',
  '/run/containerd',
];

/** DKL-DI-0002. */
export const sensitiveVolumes = {
  code: 'DKL-DI-0002',
  title: 'Avoid sensitive directory mounting',
  level: 'FATAL',
  needs: 'config',
  run: ({ config }) =>
    Object.keys(config.config?.Volumes ?? {})
      .filter((volume) => SENSITIVE.includes(volume.replace(/(.)\/+$/, '$1')))
      .sort()
      .map((volume) => `VOLUME ${volume}`),
} satisfies CisCheck;
