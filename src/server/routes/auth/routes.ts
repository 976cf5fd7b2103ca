/** `/api/auth/*`: login and logout, the caller, and (admins) tokens, users and the audit log. */
import fastifyRateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import { LucentError } from '../../../core/errors.ts';
import { createApiToken, createUser, deleteUser, login, updateUser } from '../../auth/accounts.ts';
import type { RouteModule } from '../context.ts';
import { ERROR_RESPONSES, errorBody, found } from '../http-errors.ts';
import {
  auditEntry,
  auditQuery,
  createdToken,
  createTokenBody,
  createUserBody,
  loginBody,
  loginResponse,
  meResponse,
  tokenInfo,
  tokenParams,
  updateUserBody,
  userInfo,
  userParams,
} from './schemas.ts';

const tags = ['auth'];

/**
 * Login attempts per client address and minute, whatever the user name: the failed-login limiter counts per address
 * and user, which alone would let one address try one password on many names (password spraying).
 */
export const LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = 30;

/** Login, sessions, tokens, users and the audit log. */
export const authRoutes = {
  name: 'auth',
  prefix: '/api',
  async register(app, context) {
    const { auth, config, loginLimiter, now } = context;
    // Only the routes that ask for it (`config.rateLimit`) are limited; the plugin's state is per app.
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, limit) =>
        Object.assign(
          new LucentError('E_RATE_LIMITED', 'too many login attempts from this address', {
            hint: `try again in ${Math.ceil(limit.ttl / 1000)} s`,
          }),
          { statusCode: 429, retryAfterSeconds: Math.ceil(limit.ttl / 1000) },
        ),
    });

    app.post(
      '/auth/login',
      {
        config: {
          auth: 'public',
          rateLimit: { max: LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 },
        },
        schema: { tags, body: loginBody, response: { 200: loginResponse, 401: errorBody, 429: errorBody } },
      },
      async (request) => {
        request.auditTarget = { user: request.body.name };
        const session = await login(
          auth,
          loginLimiter,
          { ...request.body, address: request.ip, ttlMs: config.sessionTtlMs },
          now(),
        );
        request.principal = {
          kind: 'session',
          tokenId: null,
          name: session.user.name,
          role: session.user.role,
          userId: session.user.id,
        };
        return session;
      },
    );

    app.post(
      '/auth/logout',
      { config: { auth: 'viewer' }, schema: { tags, response: { 204: z.undefined(), ...ERROR_RESPONSES } } },
      async (request, reply) => {
        if (request.principal.kind === 'session' && request.principal.tokenId) {
          await auth.deleteToken(request.principal.tokenId);
        }
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/me',
      { config: { auth: 'viewer' }, schema: { tags, response: { 200: meResponse, ...ERROR_RESPONSES } } },
      async (request) => ({ kind: request.principal.kind, name: request.principal.name, role: request.principal.role }),
    );

    app.get(
      '/auth/tokens',
      { config: { auth: 'admin' }, schema: { tags, response: { 200: z.array(tokenInfo), ...ERROR_RESPONSES } } },
      async () => (await auth.listTokens()).map(({ userId: _userId, ...info }) => info),
    );

    app.post(
      '/auth/tokens',
      {
        config: { auth: 'admin' },
        schema: { tags, body: createTokenBody, response: { 201: createdToken, ...ERROR_RESPONSES } },
      },
      async (request, reply) => reply.code(201).send(await createApiToken(auth, request.body, now())),
    );

    app.delete(
      '/auth/tokens/:id',
      {
        config: { auth: 'admin' },
        schema: { tags, params: tokenParams, response: { 204: z.undefined(), 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        found((await auth.deleteToken(request.params.id)) || undefined, `token ${request.params.id}`);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/users',
      { config: { auth: 'admin' }, schema: { tags, response: { 200: z.array(userInfo), ...ERROR_RESPONSES } } },
      async () => (await auth.listUsers()).map(({ passwordHash: _hash, ...user }) => user),
    );

    app.post(
      '/auth/users',
      {
        config: { auth: 'admin' },
        schema: { tags, body: createUserBody, response: { 201: userInfo, 409: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => reply.code(201).send(await createUser(auth, request.body, now())),
    );

    app.put(
      '/auth/users/:name',
      {
        config: { auth: 'admin' },
        schema: {
          tags,
          params: userParams,
          body: updateUserBody,
          response: { 200: userInfo, 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) => updateUser(auth, request.params.name, request.body),
    );

    app.delete(
      '/auth/users/:name',
      {
        config: { auth: 'admin' },
        schema: { tags, params: userParams, response: { 204: z.undefined(), 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        await deleteUser(auth, request.params.name);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/audit',
      {
        config: { auth: 'admin' },
        schema: {
          tags,
          querystring: auditQuery,
          response: { 200: z.object({ total: z.number().int(), items: z.array(auditEntry) }), ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        auth.listAudit({ limit: request.query.pageSize, offset: (request.query.page - 1) * request.query.pageSize }),
    );
  },
} satisfies RouteModule;
