/**
 * Thin helpers over the one client: JSON reads and writes typed by the generated OpenAPI types that throw `ApiError`
 * on failure, and file downloads (CSV, SBOM) that keep the bearer token (a plain link could not send it).
 */
import { ApiError, toApiError } from './api-error.ts';
import type { ApiMethod, PathsWith, RequestJson, ResponseJson } from './api-types.ts';
import { api } from './client.ts';

/** Query parameters: a ready URLSearchParams (lists forward their URL state) or plain pairs. */
export type Query = URLSearchParams | Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** Options of a call: path parameters (`{id}` in the path) and the query. */
export interface CallOptions {
  path?: Record<string, string>;
  query?: Query;
  /** Extra headers (an explicit Authorization wins over the session's token). */
  headers?: Record<string, string>;
  /** Aborts the request (TanStack Query passes one, so a superseded list request is cancelled). */
  signal?: AbortSignal;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Serializes a query with repeated keys for lists (`severity[is]=HIGH&severity[is]=LOW`), skipping empty values. */
export function serializeQuery(query: Query | undefined): string {
  if (!query) return '';
  if (query instanceof URLSearchParams) return query.toString();
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) out.append(key, String(item));
    else out.set(key, String(value));
  }
  return out.toString();
}

async function call(
  method: Method,
  url: string,
  options: CallOptions,
  init: { body?: unknown; accept?: string; file?: boolean } = {},
) {
  const upper = method.toUpperCase() as Uppercase<Method>;
  const headers: Record<string, string> = { Accept: init.accept ?? 'application/json', ...options.headers };
  // openapi-fetch is typed per path from schema.d.ts; this one function serves every path, so the call is untyped
  // here and typed by apiGet/apiSend's signatures.
  const request = api.request as unknown as (
    method: string,
    url: string,
    init: Record<string, unknown>,
  ) => Promise<{ response: Response; data?: unknown; error?: unknown }>;
  const result = await request(upper.toLowerCase(), url, {
    params: { path: options.path ?? {} },
    querySerializer: () => serializeQuery(options.query),
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(init.body === undefined ? {} : { body: init.body }),
    parseAs: init.file ? 'blob' : 'json',
  });
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result;
}

/** GETs JSON from a path of the OpenAPI document, typed by it; throws ApiError on a non-2xx answer. */
export async function apiGet<P extends PathsWith<'get'>>(
  path: P,
  options: CallOptions = {},
): Promise<ResponseJson<P, 'get'>> {
  return (await call('get', path, options)).data as ResponseJson<P, 'get'>;
}

/** Sends a typed JSON body to a path of the OpenAPI document and returns its typed answer. */
export async function apiSend<M extends Exclude<ApiMethod, 'get'>, P extends PathsWith<M>>(
  method: M,
  path: P,
  body?: RequestJson<P, M>,
  options: CallOptions = {},
): Promise<ResponseJson<P, M>> {
  return (await call(method, path, options, { body })).data as ResponseJson<P, M>;
}

/** A downloaded file: its bytes, the name the server suggested (Content-Disposition), and whether rows were cut. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | undefined;
  /** The server stopped at its export limit (`x-lucent-truncated: true`). */
  truncated?: boolean;
}

/** GETs a file (CSV, SBOM) with the session's token. */
export async function getFile(url: PathsWith<'get'>, options: CallOptions, accept: string): Promise<DownloadedFile> {
  const result = await call('get', url, options, { accept, file: true });
  if (!(result.data instanceof Blob)) throw new ApiError(result.response.status, 'the server sent no file');
  return {
    blob: result.data,
    filename: filenameFrom(result.response.headers.get('Content-Disposition')),
    truncated: result.response.headers.get('x-lucent-truncated') === 'true',
  };
}

/** The file name of a Content-Disposition header (RFC 6266), plain or RFC 5987-encoded. */
export function filenameFrom(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      return undefined;
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim();
}

/** Saves a downloaded file through a temporary object URL and a `download` link. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
