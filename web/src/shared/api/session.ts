/**
 * The signed-in session (bearer token, user name, role) kept in localStorage, with a tiny subscribe API so React
 * re-renders through `useSyncExternalStore` and the API client can clear it on a 401.
 */

/** Roles, lowest first; each includes the rights of the ones before it. */
export const ROLES = ['viewer', 'writer', 'admin'] as const;

/** A role: viewer reads, writer also ingests (CI export), admin also manages. */
export type Role = (typeof ROLES)[number];

/** What the dashboard remembers about who is signed in. */
export interface Session {
  /** Bearer token; empty when browsing anonymously (a server started with --allow-anonymous-read). */
  token: string;
  /** User name, or the token's name for token sign-in. */
  name: string;
  role: Role;
  /** ISO time after which the server will refuse the token, when known. */
  expiresAt?: string | undefined;
}

const KEY = 'lucent.session';
const listeners = new Set<() => void>();
let current: Session | null = load();
/** Why the last session ended (shown on the login page); cleared by the next sign-in. */
let endReason: 'expired' | 'signed-out' | null = null;

function load(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.token !== 'string' || !isRole(parsed.role)) return null;
    return { token: parsed.token, name: String(parsed.name ?? ''), role: parsed.role, expiresAt: parsed.expiresAt };
  } catch {
    return null;
  }
}

/** Whether a value is one of the roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` includes the rights of `needed`. */
export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return role !== null && role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The current session, or null when signed out. */
export function getSession(): Session | null {
  return current;
}

/** Why the previous session ended, if it did. */
export function getEndReason(): 'expired' | 'signed-out' | null {
  return endReason;
}

/** Stores a new session (sign-in) or clears it (sign-out, expiry) and notifies subscribers. */
export function setSession(next: Session | null, reason: 'expired' | 'signed-out' | null = null): void {
  current = next;
  endReason = next ? null : reason;
  try {
    if (next) globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Private browsing may refuse storage; the session then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

/** Subscribes to session changes; returns the unsubscribe function. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
