/** The image checks, an explicit list (a contract test fails when a file in `checks/` is missing from it). */
import type { CisCheck } from './check.ts';
import { nonRootUser } from './checks/cis-di-0001-user.ts';
import { healthcheck } from './checks/cis-di-0006-healthcheck.ts';
import { updateAlone } from './checks/cis-di-0007-update-alone.ts';
import { setuidFiles } from './checks/cis-di-0008-setuid.ts';
import { copyNotAdd } from './checks/cis-di-0009-copy.ts';
import { secrets } from './checks/cis-di-0010-secrets.ts';
import { avoidSudo } from './checks/dkl-di-0001-sudo.ts';
import { sensitiveVolumes } from './checks/dkl-di-0002-sensitive-volumes.ts';
import { latestTag } from './checks/dkl-di-0006-latest-tag.ts';
import { unnecessaryFiles } from './checks/dkl-li-0003-unnecessary-files.ts';
import { privilegedPorts } from './checks/lct-di-0001-privileged-ports.ts';

/** Every check, in code order. */
export const CIS_CHECKS: readonly CisCheck[] = [
  nonRootUser,
  healthcheck,
  updateAlone,
  setuidFiles,
  copyNotAdd,
  secrets,
  avoidSudo,
  sensitiveVolumes,
  latestTag,
  unnecessaryFiles,
  privilegedPorts,
];
