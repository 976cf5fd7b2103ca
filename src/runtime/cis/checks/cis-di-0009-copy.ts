/**
 * CIS 4.9: use COPY instead of ADD. ADD fetches URLs (without verifying them) and unpacks archives; only the latter
 * has no COPY equivalent, so ADD of a local archive and the base image's `ADD file:… in /` pass.
 */
import type { CisCheck } from '../check.ts';
import { parseHistoryLine } from '../shell-commands.ts';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

/** CIS-DI-0009. */
export const copyNotAdd = {
  code: 'CIS-DI-0009',
  title: 'Use COPY instead of ADD in Dockerfile',
  level: 'FATAL',
  needs: 'config',
  run: ({ history }) =>
    history.flatMap((line) => {
      const parsed = parseHistoryLine(line);
      if (parsed.kind !== 'other' || parsed.instruction !== 'ADD') return [];
      const words = parsed.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const sources = words.slice(0, -1).filter((word) => word !== 'in');
      if (sources.length > 0 && sources.every((source) => /^(file|dir|multi):/.test(source) || ARCHIVE.test(source))) {
        return [];
      }
      const url = sources.find((source) => /^https?:\/\//.test(source));
      return [url ? `ADD fetches ${url} without verifying it: ADD ${parsed.args}` : `ADD ${parsed.args}`];
    }),
} satisfies CisCheck;
