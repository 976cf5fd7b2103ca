/**
 * When and how long to wait before retrying a registry request. Pure functions: the HTTP client does the waiting.
 * Backoff is exponential with "equal jitter" (half fixed, half random) so that many clients hit by the same outage
 * do not retry in lockstep: https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */

/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Attempts in total, the first one included (so 1 means no retry). */
  maxAttempts: number;
  /** The first backoff delay; each retry doubles it. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever the backoff or `Retry-After` says. */
  maxDelayMs: number;
}

/** Defaults: 5 attempts, waiting about 0.5, 1, 2 and 4 s between them. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

/**
 * Statuses worth retrying: 429 Too Many Requests (RFC 6585 §4) and server errors, except those that say the
 * request itself can never work (501 Not Implemented, 505 HTTP Version Not Supported).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/**
 * Parses `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns milliseconds from `now`
 * (never negative), or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // IMF-fixdate, and the obsolete RFC 850 and asctime forms, all of which Date.parse reads. HTTP dates are always
  // GMT, but asctime carries no zone and would otherwise be read as local time.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(/GMT|UTC/i.test(text) ? text : `${text} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry). A server's `Retry-After` wins over the
 * backoff (it knows when it will be ready); both are capped by `maxDelayMs`.
 */
export function retryDelay(
  retry: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exponential = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
