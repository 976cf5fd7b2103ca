/** dockle DKL-LI-0003: only put necessary files; VCS metadata and editor or CI files leak history and settings. */
import type { CisCheck } from '../check.ts';

const UNNECESSARY = /(^|\/)(\.git|\.svn|\.hg|\.DS_Store|\.vscode|\.idea|\.travis\.yml|\.gitlab-ci\.yml|\.circleci)$/;
const PACKAGE_INTERNAL = /(^|\/)(node_modules|site-packages|dist-packages|gems)\/|^usr\/(share|lib)\//;

/** DKL-LI-0003. */
export const unnecessaryFiles = {
  code: 'DKL-LI-0003',
  title: 'Only put necessary files',
  level: 'INFO',
  needs: 'files',
  run: ({ files = [] }) =>
    files
      .filter((file) => UNNECESSARY.test(file.path) && !PACKAGE_INTERNAL.test(file.path))
      .map((file) => `/${file.path}`)
      .sort(),
} satisfies CisCheck;
