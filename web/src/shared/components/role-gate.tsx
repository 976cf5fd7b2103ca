/** Renders its children only for users holding at least a role, so viewers never see write buttons. */
import type { ReactNode } from 'react';
import type { Role } from '../api/session.ts';
import { useHasRole } from '../hooks/use-session.ts';

/** Props of RoleGate. */
export interface RoleGateProps {
  atLeast: Role;
  children: ReactNode;
  fallback?: ReactNode;
}

/** Children for `atLeast` and above; `fallback` (default nothing) for everyone else. */
export function RoleGate({ atLeast, children, fallback = null }: RoleGateProps): ReactNode {
  return useHasRole(atLeast) ? children : fallback;
}
