/**
 * A Docker token server (https://distribution.github.io/distribution/spec/auth/token/) for tests: it checks Basic
 * credentials (or an OAuth 2 refresh token), grants every requested action to a known user and nothing to anonymous
 * callers, and signs RS256 JWTs with a key whose self-signed certificate the registry trusts (`rootcertbundle`).
 */
import { execFile } from 'node:child_process';
import { createPrivateKey, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How the token server behaves. */
export interface TokenServerOptions {
  /** Directory for the signing key and certificate. */
  dir: string;
  /** username → password. */
  users: Record<string, string>;
  /** refresh (identity) token → username, for the OAuth 2 `grant_type=refresh_token` POST. */
  refreshTokens?: Record<string, string>;
  service: string;
  issuer: string;
  /** Which field carries the token in responses (both by default). */
  tokenField?: 'token' | 'access_token' | 'both';
  expiresInSeconds?: number;
}

/** One request the token server answered. */
export interface TokenRequest {
  method: string;
  account: string | undefined;
  scopes: string[];
  status: number;
}

/** A running token server. */
export interface TokenServer {
  /** The realm URL to configure in the registry. */
  realm: string;
  /** The PEM certificate to configure as the registry's `rootcertbundle`. */
  certificatePath: string;
  requests: TokenRequest[];
  /** Signs a token for `username` with the given access, as the server would. */
  issue(username: string, scopes: string[]): string;
  /** Changes, from now on, which field carries the token and how long tokens last. */
  configure(settings: Partial<Pick<TokenServerOptions, 'tokenField' | 'expiresInSeconds'>>): void;
  stop(): Promise<void>;
}

/** Makes a key and a self-signed certificate with the openssl CLI, and starts the server on 127.0.0.1. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const keyPath = join(options.dir, 'token-signing.key');
  const certificatePath = join(options.dir, 'token-signing.crt');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certificatePath,
    '-days',
    '2',
    '-subj',
    '/CN=lucent-test-token-signer',
  ]);
  const key = createPrivateKey(await readFile(keyPath));
  const x5c = [new X509Certificate(await readFile(certificatePath)).raw.toString('base64')];
  const requests: TokenRequest[] = [];
  const settings = { tokenField: options.tokenField ?? 'both', expiresInSeconds: options.expiresInSeconds ?? 300 };

  function issue(username: string, scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c };
    const claims = {
      iss: options.issuer,
      sub: username,
      aud: options.service,
      exp: now + settings.expiresInSeconds,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: username === '' ? [] : scopes.map(parseScope).filter((entry) => entry !== undefined),
    };
    const signingInput = `${base64url(header)}.${base64url(claims)}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
    return `${signingInput}.${signature}`;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<TokenRequest> {
    const url = new URL(request.url ?? '/', 'http://token');
    let account: string | undefined;
    let scopes = url.searchParams.getAll('scope').flatMap((scope) => scope.split(' '));
    if (request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      account = options.refreshTokens?.[form.get('refresh_token') ?? ''];
      if (form.get('grant_type') !== 'refresh_token' || account === undefined) return deny(response, 'POST', scopes);
    } else {
      const basic = parseBasic(request.headers.authorization);
      if (basic) {
        if (options.users[basic.username] !== basic.password) return deny(response, 'GET', scopes, basic.username);
        account = basic.username;
      }
    }
    const token = issue(account ?? '', scopes);
    const field = settings.tokenField;
    const body: Record<string, unknown> = {
      expires_in: settings.expiresInSeconds,
      issued_at: new Date().toISOString(),
    };
    if (field !== 'access_token') body.token = token;
    if (field !== 'token') body.access_token = token;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return { method: request.method ?? 'GET', account, scopes, status: 200 };
  }

  const server = createServer((request, response) => {
    handle(request, response).then(
      (record) => requests.push(record),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    certificatePath,
    requests,
    issue,
    configure(changes) {
      Object.assign(settings, changes);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function deny(response: ServerResponse, method: string, scopes: string[], account?: string): TokenRequest {
  response.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"invalid credentials"}');
  return { method, account, scopes, status: 401 };
}

/** `repository:name:pull,push` → an access entry (the name itself may contain colons: `host:5000/name`). */
function parseScope(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first === -1 || last === first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',') };
}

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const text = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon === -1 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
