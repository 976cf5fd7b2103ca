/** Sign-in calls: password login (a session token), sign-in with an API token, the caller, and logout. */
import { apiGet, apiSend } from '../../../shared/api/http.ts';
import { getSession, isRole, type Session, setSession } from '../../../shared/api/session.ts';

/** Signs in with a user name and password (`POST /api/auth/login`) and stores the session. */
export async function loginWithPassword(name: string, password: string): Promise<Session> {
  const answer = await apiSend('post', '/api/auth/login', { name, password });
  const session: Session = {
    token: answer.token,
    name: answer.user.name,
    role: answer.user.role,
    expiresAt: answer.expiresAt,
  };
  setSession(session);
  return session;
}

/** Signs in with an API token: checks it with `GET /api/auth/me` and stores the session. */
export async function loginWithToken(token: string): Promise<Session> {
  const me = await apiGet('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } });
  if (!isRole(me.role)) throw new Error('this token has no role on the server');
  const session: Session = { token, name: me.name, role: me.role };
  setSession(session);
  return session;
}

/** Whether the server lets anyone read without a token (`GET /api/auth/me` answers for an anonymous caller). */
export async function anonymousReadAllowed(): Promise<boolean> {
  try {
    return (await apiGet('/api/auth/me')).kind === 'anonymous';
  } catch {
    return false;
  }
}

/** Browses without signing in, as a read-only viewer. */
export function browseAnonymously(): Session {
  const session: Session = { token: '', name: 'anonymous', role: 'viewer' };
  setSession(session);
  return session;
}

/** Ends the session on the server (session tokens are deleted; API tokens stay valid) and forgets it here. */
export async function logout(): Promise<void> {
  try {
    if (getSession()?.token) await apiSend('post', '/api/auth/logout');
  } finally {
    setSession(null, 'signed-out');
  }
}
