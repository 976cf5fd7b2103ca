/** Errors of API calls, carrying the server's stable error code and message for display. */

/** An HTTP error answer from the API. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly hint: string | undefined;

  constructor(status: number, message: string, code?: string, hint?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.hint = hint;
  }
}

/** Builds an ApiError from a response and its parsed body (the server's `{code, message, hint?}`). */
export function toApiError(response: Response, body: unknown): ApiError {
  const record = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const message =
    (typeof record.message === 'string' && record.message) ||
    (typeof record.error === 'string' && record.error) ||
    `${response.status} ${response.statusText || 'error'}`;
  const code = typeof record.code === 'string' ? record.code : undefined;
  const hint = typeof record.hint === 'string' ? record.hint : undefined;
  return new ApiError(response.status, message, code, hint);
}

/** A message fit for the UI from anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const text = error.hint ? `${error.message}: ${error.hint}` : error.message;
    return error.code ? `${text} (${error.code})` : text;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
