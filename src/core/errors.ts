/**
 * The error catalogue. Every error a user can see has a stable code, a message that says what went wrong and, where
 * it helps, a hint that says what to do. User errors and upstream outages stop a run; errors in data never do (they
 * become `Unknown`s in the output instead).
 */

/** Stable error codes; scripts may match on them, so never rename one. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_SOURCE_NOT_FOUND'
  | 'E_SOURCE_UNKNOWN_FORMAT'
  | 'E_SOURCE_INVALID'
  | 'E_PLATFORM_NOT_FOUND'
  | 'E_MANIFEST_UNSUPPORTED'
  | 'E_DIGEST_MISMATCH'
  | 'E_LAYER_CORRUPT'
  | 'E_REGISTRY_UNREACHABLE'
  | 'E_REGISTRY_AUTH'
  | 'E_REGISTRY_NOT_FOUND'
  | 'E_REGISTRY_RESPONSE'
  | 'E_CREDENTIAL_HELPER'
  | 'E_CACHE'
  | 'E_ANALYZERS_FAILED'
  | 'E_SCANNERS_FAILED'
  | 'E_DB_MISSING'
  | 'E_DB_INVALID'
  | 'E_IMPORT_PATH_NOT_FOUND'
  // lucent db update: one feed file failed to download or read; every feed failed
  | 'E_FEED_DOWNLOAD'
  | 'E_FEED_INVALID'
  | 'E_DB_UPDATE_FAILED'
  // policy files: the ignore file (.lucent.yaml, --ignore-file) and --vex documents
  | 'E_POLICY_FILE_NOT_FOUND'
  | 'E_POLICY_FILE_INVALID'
  | 'E_KUBE_CONFIG'
  | 'E_KUBE_UNREACHABLE'
  | 'E_KUBE_DENIED'
  | 'E_KUBE_API'
  | 'E_SCAN_IN_PROGRESS'
  // Server API (HTTP status in src/server/routes/http-errors.ts)
  | 'E_INVALID_REQUEST'
  | 'E_UNAUTHENTICATED'
  | 'E_FORBIDDEN'
  | 'E_NOT_FOUND'
  | 'E_CONFLICT'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_UNSUPPORTED_MEDIA_TYPE'
  | 'E_RATE_LIMITED'
  | 'E_DATABASE_UNAVAILABLE'
  | 'E_QUEUE_UNAVAILABLE'
  // CI export (lucent analyze|scan --export)
  | 'E_EXPORT_FAILED'
  | 'E_INTERNAL';

/** Process exit codes (DESIGN §7): 0 ok, 1 error, 2 policy failed. */
export const EXIT_ERROR = 1;

/** Exit code when the scan ran but the policy failed (`--fail-on`). */
export const EXIT_POLICY_FAILED = 2;

/** An error Lucent reports to its user: no stack trace unless `--debug`. */
export class LucentError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LucentError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** True for errors that carry a code from the catalogue. */
export function isLucentError(error: unknown): error is LucentError {
  return error instanceof LucentError;
}

/** Formats any thrown value as the one or two lines a user sees. */
export function describeError(error: unknown): string {
  if (isLucentError(error)) {
    return error.hint ? `${error.message}\n  hint: ${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
