/**
 * HTTP for the registry client, on undici: per-host scheme and TLS choices, timeouts, retries with backoff, and
 * redirects that never carry credentials to another host. Network failures become E_REGISTRY_UNREACHABLE naming the
 * host and the reason; statuses are left to the caller, which knows what a 404 means.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher, EnvHttpProxyAgent } from 'undici';
import { LucentError } from '../../../core/errors.ts';
import { hostnameOf, isLoopbackHost } from './reference.ts';
import { isRetryableStatus, parseRetryAfter, type RetryPolicy, retryDelay } from './retry.ts';

/** How to connect, and how patiently. */
export interface HttpClientOptions {
  /** Hosts (`host` or `host:port`) reached over plain HTTP; loopback hosts always are. */
  plainHttp: string[];
  /** Hosts whose TLS certificate is not verified. */
  insecureSkipTlsVerify: string[];
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: string;
  connectTimeoutMs: number;
  /** Longest wait for response headers, and longest silence while a body streams. */
  readTimeoutMs: number;
  retry: RetryPolicy;
  /** Waits between attempts; tests may replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** Forward proxies, as in HTTP_PROXY / HTTPS_PROXY / NO_PROXY. */
  proxy?: ProxySettings;
}

/** Proxy settings, in the form of the conventional environment variables. */
export interface ProxySettings {
  httpProxy?: string | undefined;
  httpsProxy?: string | undefined;
  noProxy?: string | undefined;
}

/** Reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY (either case), as curl, Docker and Go do. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  return {
    httpProxy: env.HTTP_PROXY || env.http_proxy || undefined,
    httpsProxy: env.HTTPS_PROXY || env.https_proxy || undefined,
    noProxy: env.NO_PROXY || env.no_proxy || undefined,
  };
}

/** A response whose body has not been read yet: read it, stream it or `dump()` it. */
export interface HttpResponse {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  body: Dispatcher.ResponseData['body'];
  /** The URL that answered, after redirects. */
  url: URL;
  /** How many times the last request was sent (more than 1 when it was retried). */
  attempts: number;
}

/** One request. */
export interface HttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Who is being asked, for messages: e.g. `the registry`, `the token server`. */
  what: string;
}

/** Sends requests with retries; `close()` releases every connection. */
export interface HttpClient {
  /** The URL of `path` on `host`, over HTTP or HTTPS as configured for that host. */
  urlFor(host: string, path: string): URL;
  /** True for hosts we talk to over plain HTTP (loopback, or named with --plain-http). */
  allowsPlainHttp(host: string): boolean;
  request(url: URL, request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

const USER_AGENT = 'lucent';
const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Creates the HTTP client for one image read. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agents = new Map<boolean, Dispatcher>();
  const proxied = Boolean(options.proxy?.httpProxy || options.proxy?.httpsProxy);
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));

  function agentFor(url: URL): Dispatcher {
    const verify = !(url.protocol === 'https:' && hostMatches(url.host, options.insecureSkipTlsVerify));
    let agent = agents.get(verify);
    if (!agent) {
      const tls = {
        timeout: options.connectTimeoutMs,
        rejectUnauthorized: verify,
        // Setting `ca` replaces Node's roots; keep them, so --ca-file adds a private CA rather than swapping.
        ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
      };
      const common = { connect: tls, headersTimeout: options.readTimeoutMs, bodyTimeout: options.readTimeoutMs };
      agent = proxied
        ? new EnvHttpProxyAgent({
            ...common,
            requestTls: tls,
            ...(options.proxy?.httpProxy ? { httpProxy: options.proxy.httpProxy } : {}),
            ...(options.proxy?.httpsProxy ? { httpsProxy: options.proxy.httpsProxy } : {}),
            ...(options.proxy?.noProxy ? { noProxy: options.proxy.noProxy } : {}),
          })
        : new Agent(common);
      agents.set(verify, agent);
    }
    return agent;
  }

  async function once(url: URL, request: HttpRequest): Promise<HttpResponse> {
    const { retry } = options;
    for (let attempt = 1; ; attempt++) {
      let response: Dispatcher.ResponseData;
      try {
        response = await agentFor(url).request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: request.method ?? 'GET',
          headers: { 'user-agent': USER_AGENT, ...request.headers },
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
      } catch (error) {
        const failure = describeNetworkFailure(error, options);
        if (!failure.retryable || attempt >= retry.maxAttempts)
          throw unreachable(url, request.what, failure, attempt, error);
        await sleep(retryDelay(attempt, retry, undefined));
        continue;
      }
      if (!isRetryableStatus(response.statusCode) || attempt >= retry.maxAttempts) {
        return { status: response.statusCode, headers: response.headers, body: response.body, url, attempts: attempt };
      }
      await response.body.dump();
      await sleep(retryDelay(attempt, retry, parseRetryAfter(response.headers['retry-after'], Date.now())));
    }
  }

  function allowsPlainHttp(host: string): boolean {
    return isLoopbackHost(host) || hostMatches(host, options.plainHttp);
  }

  return {
    urlFor(host, path) {
      return new URL(`${allowsPlainHttp(host) ? 'http' : 'https'}://${host}${path}`);
    },
    allowsPlainHttp,
    async request(url, request) {
      let current = url;
      let headers = request.headers ?? {};
      for (let hop = 0; ; hop++) {
        const response = await once(current, { ...request, headers });
        const location = response.headers.location;
        if (!REDIRECTS.has(response.status) || typeof location !== 'string' || (request.method ?? 'GET') !== 'GET') {
          return response;
        }
        await response.body.dump();
        if (hop >= MAX_REDIRECTS) {
          throw new LucentError(
            'E_REGISTRY_RESPONSE',
            `${request.what} redirected more than ${MAX_REDIRECTS} times (${url})`,
          );
        }
        const next = new URL(location, current);
        // Registries redirect blob downloads to object storage with a signed URL; our token is not for them.
        if (next.origin !== current.origin) {
          const { authorization: _dropped, ...rest } = headers;
          headers = rest;
        }
        current = next;
      }
    },
    async close() {
      await Promise.all([...agents.values()].map((agent) => agent.close()));
      agents.clear();
    },
  };
}

/** True when `host` (`name[:port]`) is named in `patterns`, with or without its port. */
export function hostMatches(host: string, patterns: string[]): boolean {
  const wanted = host.toLowerCase();
  return patterns.some((pattern) => {
    const name = pattern
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/\/.*$/, '');
    return name === wanted || name === hostnameOf(wanted);
  });
}

/** Why a connection failed, whether another attempt may help, and what the user can do. */
export interface NetworkFailure {
  reason: string;
  retryable: boolean;
  hint?: string;
}

/** Explains an error thrown by undici or the socket below it. */
export function describeNetworkFailure(
  error: unknown,
  timeouts: { connectTimeoutMs: number; readTimeoutMs: number },
): NetworkFailure {
  const { code, message } = rootCause(error);
  const seconds = (ms: number) => `${ms / 1000} s`;
  switch (code) {
    case 'ECONNREFUSED':
      return {
        reason: 'connection refused (ECONNREFUSED)',
        retryable: true,
        hint: 'is the registry running on that port?',
      };
    case 'ENOTFOUND':
      return { reason: 'DNS lookup failed (ENOTFOUND)', retryable: false, hint: 'check the host name' };
    case 'EAI_AGAIN':
      return { reason: 'DNS lookup failed temporarily (EAI_AGAIN)', retryable: true };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return { reason: `the connection was closed (${code})`, retryable: true };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: `timed out connecting after ${seconds(timeouts.connectTimeoutMs)} (${code})`, retryable: true };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { reason: `no response within ${seconds(timeouts.readTimeoutMs)} (${code})`, retryable: true };
    case 'UND_ERR_BODY_TIMEOUT':
      return { reason: `the response stalled for ${seconds(timeouts.readTimeoutMs)} (${code})`, retryable: true };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { reason: `no route to the host (${code})`, retryable: true };
  }
  if (/SSL|TLS|CERT|EPROTO/.test(code ?? '') || /certificate|ssl|tls/i.test(message)) {
    const plainServer = /wrong version number|packet length too long|http request/i.test(message);
    // Node 24 appends advice about --use-system-ca to certificate errors; our hint below is the one that applies.
    const reason = message.split('; if the root CA')[0];
    return {
      reason: `TLS failed: ${reason}${code ? ` (${code})` : ''}`,
      retryable: false,
      hint: plainServer
        ? 'the server seems to speak plain HTTP; allow it with --plain-http HOST'
        : 'trust its CA with --ca-file PATH, or (only for a registry you control) --insecure-skip-tls-verify HOST',
    };
  }
  return { reason: `${message}${code ? ` (${code})` : ''}`, retryable: false };
}

function rootCause(error: unknown): { code: string | undefined; message: string } {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    // Happy eyeballs (several addresses per name) reports one error per address; the first one speaks for all.
    if (current instanceof AggregateError && current.errors.length > 0 && !(current as { code?: string }).code) {
      current = current.errors[0];
      continue;
    }
    const code = (current as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string') return { code, message: (current as Error).message };
    const cause = (current as { cause?: unknown } | undefined)?.cause;
    if (cause === undefined) break;
    current = cause;
  }
  return { code: undefined, message: error instanceof Error ? error.message : String(error) };
}

function unreachable(url: URL, what: string, failure: NetworkFailure, attempts: number, cause: unknown): LucentError {
  const tries = attempts > 1 ? `, after ${attempts} attempts` : '';
  return new LucentError('E_REGISTRY_UNREACHABLE', `cannot reach ${what} at ${url.host}: ${failure.reason}${tries}`, {
    ...(failure.hint ? { hint: failure.hint } : {}),
    cause,
  });
}
