/**
 * The dashboard's one API client (openapi-fetch over the server's OpenAPI document): every call carries the
 * session's bearer token, and a 401 ends the session so the router sends the user to the login page.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';
import { getSession, setSession } from './session.ts';

const LOGIN_PATH = '/api/auth/login';

const bearer: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    // Anonymous browsing (a server with --allow-anonymous-read) has a session without a token.
    if (session?.token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
    }
    return request;
  },
  onResponse({ request, response }) {
    // A failed login is a wrong password, not an expired session.
    if (response.status === 401 && getSession() && !new URL(request.url).pathname.startsWith(LOGIN_PATH)) {
      setSession(null, 'expired');
    }
    return response;
  },
};

/** Typed client for every `/api` path of the server. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(bearer);
