/**
 * Answers registry authentication challenges. The first request goes out anonymously; a 401 names the scheme:
 * Basic gets the username and password, Bearer gets a token from the challenge's realm (a "token server"), fetched
 * with the credentials and cached per scope until it expires. Later requests to the same host send the header up
 * front, so a whole image costs one challenge round trip.
 * Token flow: https://distribution.github.io/distribution/spec/auth/token/
 * Refresh-token (identity token) flow: https://distribution.github.io/distribution/spec/auth/oauth/
 */
import { LucentError } from '../../../core/errors.ts';
import { type Challenge, parseChallenges, preferredChallenge } from './challenge.ts';
import type { Credentials } from './credentials.ts';
import type { HttpClient } from './http-client.ts';
import { readLimited } from './read-limited.ts';
import { tokenResponseSchema } from './schema.ts';

/** Produces Authorization headers for one registry. */
export interface Authenticator {
  /** The header to send up front to `host` for `scope`, once the host has told us how it authenticates. */
  authorizationFor(host: string, scope: string): Promise<string | undefined>;
  /**
   * Answers a 401 from `host`: the header to retry with. `rejected` is the header the 401 answered, if any; when
   * nothing better than it can be offered, this throws E_REGISTRY_AUTH naming `target` and the credentials tried.
   */
  answerChallenge(
    host: string,
    scope: string,
    target: string,
    wwwAuthenticate: string | string[] | undefined,
    rejected: string | undefined,
  ): Promise<string>;
  /** Where the credentials in use came from, for messages. */
  credentialSource(): Promise<string>;
}

/** Tokens are dropped this long before they expire, so none runs out on the way to the registry. */
const EXPIRY_MARGIN_MS = 5_000;
/** The token spec's default lifetime, when a server gives none. */
const DEFAULT_TOKEN_SECONDS = 60;
const TOKEN_RESPONSE_LIMIT = 1024 * 1024;

/** Creates the authenticator for one image read; `credentials` is called at most once, when first needed. */
export function createAuthenticator(http: HttpClient, credentials: () => Promise<Credentials>): Authenticator {
  const schemes = new Map<string, Challenge>();
  const tokens = new Map<string, { header: string; expiresAt: number }>();
  let resolved: Promise<Credentials> | undefined;
  const creds = () => {
    resolved ??= credentials();
    return resolved;
  };

  async function headerFor(host: string, challenge: Challenge, scope: string, target: string): Promise<string> {
    const credential = await creds();
    // A registry token is sent as is: it was issued for this registry by something we cannot see.
    if (credential.kind === 'registry-token') return `Bearer ${credential.token}`;
    if (challenge.scheme === 'basic') {
      if (credential.kind !== 'basic') throw authDenied(host, target, 401, credential.source);
      return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    }
    const key = `${challenge.params.realm}\n${challenge.params.service ?? ''}\n${scope}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.header;
    const { token, expiresInSeconds } = await fetchToken(http, challenge, scope, credential, host);
    const header = `Bearer ${token}`;
    tokens.set(key, { header, expiresAt: Date.now() + expiresInSeconds * 1000 - EXPIRY_MARGIN_MS });
    return header;
  }

  return {
    async authorizationFor(host, scope) {
      const challenge = schemes.get(host);
      return challenge ? headerFor(host, challenge, scope, `scope ${scope}`) : undefined;
    },
    async answerChallenge(host, scope, target, wwwAuthenticate, rejected) {
      const challenge = preferredChallenge(parseChallenges(wwwAuthenticate));
      if (!challenge) {
        const sent = Array.isArray(wwwAuthenticate) ? wwwAuthenticate.join(', ') : (wwwAuthenticate ?? 'none');
        throw new LucentError(
          'E_REGISTRY_AUTH',
          `registry ${host} answered 401 for ${target} without a Basic or Bearer challenge (WWW-Authenticate: ${sent})`,
          { hint: 'this registry needs an authentication scheme Lucent does not support' },
        );
      }
      if (challenge.scheme === 'bearer' && !challenge.params.realm) {
        throw new LucentError('E_REGISTRY_AUTH', `registry ${host} sent a Bearer challenge without a realm`);
      }
      schemes.set(host, challenge);
      // The registry may ask for more than pulling (its scope param); ask the token server for exactly that.
      const wanted = challenge.params.scope ?? scope;
      if (rejected !== undefined) {
        for (const [key, value] of tokens) if (value.header === rejected) tokens.delete(key);
      }
      const header = await headerFor(host, challenge, wanted, target);
      if (header === rejected) throw authDenied(host, target, 401, (await creds()).source);
      return header;
    },
    async credentialSource() {
      return (await creds()).source;
    },
  };
}

/** The error for a registry that refused access even after authentication was attempted. */
export function authDenied(
  host: string,
  target: string,
  status: number,
  source: string,
  detail?: string | undefined,
): LucentError {
  const anonymous = source.startsWith('no credentials');
  return new LucentError(
    'E_REGISTRY_AUTH',
    `registry ${host} denied access to ${target} (HTTP ${status}${detail ? `, ${detail}` : ''}); credentials tried: ${source}`,
    {
      hint: anonymous
        ? `the repository may be private (or, on Docker Hub, not exist): log in with \`docker login ${host}\`, or pass --username and --password (or LUCENT_REGISTRY_USERNAME/PASSWORD)`
        : 'check the username and password or token, and that they may pull this repository (or that it exists)',
    },
  );
}

async function fetchToken(
  http: HttpClient,
  challenge: Challenge,
  scope: string,
  credential: Credentials,
  registryHost: string,
): Promise<{ token: string; expiresInSeconds: number }> {
  const realm = parseRealm(challenge.params.realm as string, registryHost);
  const service = challenge.params.service;
  const scopes = scope.split(' ').filter(Boolean);
  if (realm.protocol === 'http:' && credential.kind !== 'anonymous' && !http.allowsPlainHttp(realm.host)) {
    throw new LucentError(
      'E_REGISTRY_AUTH',
      `refusing to send ${credential.source} over plain HTTP to the token server ${realm.host}`,
      { hint: `if that is intended, allow it with --plain-http ${realm.host}` },
    );
  }
  const what = 'the token server';
  let response: Awaited<ReturnType<HttpClient['request']>>;
  if (credential.kind === 'identity-token') {
    // OAuth 2 refresh-token grant, as `docker login` leaves it behind for some registries.
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credential.token,
      client_id: 'lucent',
    });
    if (service) form.set('service', service);
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    response = await http.request(realm, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      what,
    });
  } else {
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    for (const each of scopes) url.searchParams.append('scope', each);
    const headers: Record<string, string> = {};
    if (credential.kind === 'basic') {
      url.searchParams.set('account', credential.username);
      headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
    }
    response = await http.request(url, { headers, what });
  }

  if (response.status === 401 || response.status === 403) {
    await response.body.dump();
    throw authDenied(
      `${registryHost} (token server ${realm.host})`,
      `scope "${scope}"`,
      response.status,
      credential.source,
    );
  }
  if (response.status !== 200) {
    await response.body.dump();
    throw new LucentError(
      'E_REGISTRY_RESPONSE',
      `the token server ${realm.host} for ${registryHost} answered HTTP ${response.status} for scope "${scope}"`,
    );
  }
  const bytes = await readLimited(response, TOKEN_RESPONSE_LIMIT, `token response from ${realm.host}`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw badTokenResponse(realm.host, 'it is not JSON');
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) throw badTokenResponse(realm.host, parsed.error.issues.map((i) => i.message).join('; '));
  const token = (parsed.data.token ?? parsed.data.access_token) as string;
  return { token, expiresInSeconds: parsed.data.expires_in ?? DEFAULT_TOKEN_SECONDS };
}

function parseRealm(realm: string, registryHost: string): URL {
  try {
    const url = new URL(realm);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // reported below
  }
  throw new LucentError('E_REGISTRY_AUTH', `registry ${registryHost} sent an unusable token realm "${realm}"`);
}

function badTokenResponse(host: string, reason: string): LucentError {
  return new LucentError('E_REGISTRY_RESPONSE', `the token server ${host} sent an unusable token response: ${reason}`);
}
