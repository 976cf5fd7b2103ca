/**
 * A small client of the Lucent server API, on undici, for CI export. Ingestion is idempotent, so network failures and
 * 429/502/503/504 are retried with backoff; any other error answer becomes E_EXPORT_FAILED with the server's code and
 * message. Proxies follow HTTP_PROXY / HTTPS_PROXY / NO_PROXY.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import { type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { LucentError } from '../../core/errors.ts';

/** Where the server is and how to call it. */
export interface ApiClientOptions {
  /** Base URL, e.g. `https://lucent.example.com`. */
  server: string;
  token: string;
  /** Attempts per request (default 3). */
  attempts?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  dispatcher?: Dispatcher;
}

/** An API answer: status and parsed JSON body. */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** Calls the API with a bearer token. */
export class ApiClient {
  readonly #base: URL;
  readonly #options: ApiClientOptions;
  readonly #dispatcher: Dispatcher;

  constructor(options: ApiClientOptions) {
    this.#base = baseUrl(options.server);
    this.#options = options;
    this.#dispatcher = options.dispatcher ?? new EnvHttpProxyAgent();
  }

  /** Sends a request; `accept` lists the statuses the caller handles itself (others throw E_EXPORT_FAILED). */
  async call<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; accept?: readonly number[] } = {},
  ): Promise<ApiResponse<T>> {
    const url = new URL(path.replace(/^\//, ''), this.#base);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const attempts = this.#options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          method,
          dispatcher: this.#dispatcher,
          headers: {
            authorization: `Bearer ${this.#options.token}`,
            accept: 'application/json',
            'user-agent': 'lucent',
            ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(payload === undefined ? {} : { body: payload }),
          headersTimeout: this.#options.timeoutMs ?? 120_000,
          bodyTimeout: this.#options.timeoutMs ?? 120_000,
        });
      } catch (error) {
        if (attempt < attempts) {
          await this.#pause(attempt);
          continue;
        }
        throw new LucentError(
          'E_EXPORT_FAILED',
          `cannot reach the Lucent server at ${this.#base.origin}: ${messageOf(error)}`,
          {
            hint: 'check --server and that the server is running',
            cause: error,
          },
        );
      }
      const text = await response.body.text();
      if (RETRYABLE.has(response.statusCode) && attempt < attempts) {
        await this.#pause(attempt, response.headers['retry-after']);
        continue;
      }
      const body = parseJson(text);
      if (response.statusCode < 300 || options.accept?.includes(response.statusCode)) {
        return { status: response.statusCode, body: body as T };
      }
      throw failure(method, url, response.statusCode, body);
    }
  }

  /** Releases connections. */
  async close(): Promise<void> {
    if (!this.#options.dispatcher) await this.#dispatcher.close();
  }

  async #pause(attempt: number, retryAfter?: string | string[]): Promise<void> {
    const seconds = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    const ms = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : 500 * 2 ** (attempt - 1);
    await (this.#options.sleep ?? sleepFor)(ms);
  }
}

function baseUrl(server: string): URL {
  let url: URL;
  try {
    url = new URL(server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new LucentError('E_USAGE', `invalid --server URL "${server}"`, {
      hint: 'for example https://lucent.example.com',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LucentError('E_USAGE', `invalid --server URL "${server}"`, { hint: 'use an http:// or https:// URL' });
  }
  return url;
}

function failure(method: string, url: URL, status: number, body: unknown): LucentError {
  const error = (body ?? {}) as { code?: unknown; message?: unknown; hint?: unknown };
  const detail = typeof error.message === 'string' ? error.message : `HTTP ${status}`;
  const code = typeof error.code === 'string' ? ` (${error.code})` : '';
  const hint =
    status === 401
      ? 'check --token (or LUCENT_TOKEN)'
      : status === 403
        ? 'the token needs the writer role'
        : typeof error.hint === 'string'
          ? error.hint
          : undefined;
  return new LucentError('E_EXPORT_FAILED', `${method} ${url.pathname} failed: ${detail}${code}`, hint ? { hint } : {});
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
