/** dockle DKL-DI-0006: avoid the `latest` tag; what runs then changes whenever someone pushes. */
import { parseReference } from '../../../image/sources/registry/reference.ts';
import type { CisCheck } from '../check.ts';

/** DKL-DI-0006. */
export const latestTag = {
  code: 'DKL-DI-0006',
  title: 'Avoid latest tag',
  level: 'WARN',
  needs: 'config',
  run: ({ references }) =>
    references.flatMap((reference) => {
      try {
        const parsed = parseReference(reference);
        // Pinned by digest, the tag does not decide what runs.
        return parsed.tag === 'latest' && !parsed.digest ? [`${reference} uses the latest tag`] : [];
      } catch {
        return [];
      }
    }),
} satisfies CisCheck;
