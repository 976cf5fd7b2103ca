/** React access to the session store: the current session and role checks for role-aware UI. */
import { useSyncExternalStore } from 'react';
import { getSession, type Role, roleAtLeast, type Session, subscribeSession } from '../api/session.ts';

/** The current session (null when signed out); re-renders on sign-in, sign-out and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/** Whether the signed-in user holds at least `role`; write buttons render only when this is true. */
export function useHasRole(role: Role): boolean {
  return roleAtLeast(useSession()?.role, role);
}
