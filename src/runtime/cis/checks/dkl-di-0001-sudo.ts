/** dockle DKL-DI-0001: avoid sudo in the build; RUN already runs as the build user, and sudo in an image is a risk. */
import type { CisCheck } from '../check.ts';
import { parseHistoryLine } from '../shell-commands.ts';

/** DKL-DI-0001. */
export const avoidSudo = {
  code: 'DKL-DI-0001',
  title: 'Avoid sudo command',
  level: 'FATAL',
  needs: 'config',
  run: ({ history }) =>
    history.flatMap((line, index) => {
      if (parseHistoryLine(line).kind !== 'run') return [];
      return /(^|[\s;&|(])sudo\s/.test(line) ? [`history entry ${index + 1} runs sudo`] : [];
    }),
} satisfies CisCheck;
