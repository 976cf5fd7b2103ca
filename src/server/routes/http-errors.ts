/**
 * HTTP errors: every error response is `{code, message, hint?, issues?}` with a stable code from the catalogue
 * (src/core/errors.ts), whatever raised it: a route, a repository, Fastify itself (body limit, bad JSON, unknown media
 * type) or schema validation.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, isLucentError, LucentError } from '../../core/errors.ts';

/** The HTTP status of each code an API response can carry; codes not listed are client errors (400). */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  E_INVALID_REQUEST: 400,
  E_USAGE: 400,
  E_UNAUTHENTICATED: 401,
  E_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_REGISTRY_NOT_FOUND: 404,
  E_CONFLICT: 409,
  E_PAYLOAD_TOO_LARGE: 413,
  E_UNSUPPORTED_MEDIA_TYPE: 415,
  E_RATE_LIMITED: 429,
  E_INTERNAL: 500,
  E_DB_MISSING: 503,
  E_DB_INVALID: 503,
  E_DATABASE_UNAVAILABLE: 503,
  E_QUEUE_UNAVAILABLE: 503,
};

/** The error body schema, for the OpenAPI document. */
export const errorBody = z
  .object({
    code: z.string().describe('stable error code, e.g. E_NOT_FOUND'),
    message: z.string(),
    hint: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('An error');

/** Error responses every route may give, for route schemas. */
export const ERROR_RESPONSES = { 400: errorBody, 401: errorBody, 403: errorBody } as const;

/** The body of an error response. */
export type ErrorBody = z.infer<typeof errorBody>;

/** Throws a 404 with a stable code when a lookup found nothing. */
export function found<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new LucentError('E_NOT_FOUND', `${what} not found`);
  return value;
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'E_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}

/** Maps any thrown value to a status and a body. */
export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isLucentError(error)) {
    const status = HTTP_STATUS[error.code] ?? 400;
    return { status, body: withHint({ code: error.code, message: error.message }, error.hint) };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.flatMap((issue) =>
      unionBranchIssues(
        (issue.instancePath ?? '').split('/').filter(Boolean),
        issue.keyword,
        issue.message,
        issue.params,
      ).map(({ path, message }) => ({ path: [error.validationContext, ...path].join('.'), message })),
    );
    const first = issues[0];
    return {
      status: 400,
      body: {
        code: 'E_INVALID_REQUEST',
        message: first ? `invalid ${first.path}: ${first.message}` : 'invalid request',
        issues,
      },
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'E_PAYLOAD_TOO_LARGE', message: 'request body is too large' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { code: 'E_UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type; send application/json' },
      };
  }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 429) return { status, body: { code: 'E_RATE_LIMITED', message: 'too many requests' } };
  if (status === 404) return { status, body: { code: 'E_NOT_FOUND', message: fastifyError.message ?? 'not found' } };
  if (status >= 400 && status < 500) {
    // Malformed JSON, empty JSON bodies, bad content length: Fastify's own client errors.
    return { status, body: { code: 'E_INVALID_REQUEST', message: fastifyError.message ?? 'invalid request' } };
  }
  return { status: 500, body: { code: 'E_INTERNAL', message: 'internal server error' } };
}

/** A zod issue as a union branch reports it. */
interface BranchIssue {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  errors?: BranchIssue[][];
}

/**
 * An issue's path and message; for a body that matches no branch of a union (an ingestion takes Lucent's report or
 * KubeClarity's), the issues of the branch the body got furthest into, so `body.resource.type` is named rather than
 * `body: Invalid input`.
 */
function unionBranchIssues(
  path: string[],
  code: string | undefined,
  message: string | undefined,
  params: unknown,
): { path: string[]; message: string }[] {
  const branches = (params as { errors?: unknown } | undefined)?.errors;
  if (code !== 'invalid_union' || !Array.isArray(branches) || branches.length === 0) {
    return [{ path, message: message ?? 'invalid' }];
  }
  const depth = (branch: BranchIssue[]) => Math.max(0, ...branch.map((issue) => issue.path?.length ?? 0));
  const best = (branches as BranchIssue[][]).reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return best.flatMap((issue) =>
    unionBranchIssues([...path, ...(issue.path ?? []).map(String)], issue.code, issue.message, issue),
  );
}

function withHint(body: ErrorBody, hint: string | undefined): ErrorBody {
  return hint ? { ...body, hint } : body;
}
