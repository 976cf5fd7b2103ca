/**
 * The HTTP app (DESIGN §8), built apart from `listen` so tests drive it with `inject()`. Steps: Fastify with zod
 * schemas, error responses, the auth declaration check, OpenAPI, the hooks (auth, audit, metrics, request log), every
 * route module from the registry, and the dashboard's files.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { version } from '../cli/version.ts';
import { installAuditHook } from './auth/audit.ts';
import type { AuthStore } from './auth/auth-store.ts';
import { installAuthHook, requireAuthDeclarations } from './auth/guard.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import type { ServerConfig } from './config.ts';
import { createMetrics, type MetricsSources } from './metrics/metrics.ts';
import type { BackgroundWork } from './queue/background.ts';
import { authRepository } from './repositories/auth.ts';
import type { ServerContext, ZodApp } from './routes/context.ts';
import { installErrorHandlers } from './routes/http-errors.ts';
import { registerOpenApi } from './routes/openapi.ts';
import { ROUTE_MODULES } from './routes/registry.ts';
import { rematchTotalsReader } from './services/rematch-metrics.ts';
import type { Store } from './store/open-store.ts';

/** What the app is built from besides its configuration. */
export interface AppDependencies {
  store: Store;
  /** Token, user and audit storage; default: the store's auth repository. */
  auth?: AuthStore;
  /** A pino logger; default: none (tests). */
  logger?: FastifyBaseLogger;
  /** Extra scrape-time figures (the work queue's depth). */
  metrics?: Pick<MetricsSources, 'queueDepth'>;
  now?: () => Date;
  /** The work queue and advisory database updates, for the routes that use them. */
  background?: BackgroundWork;
}

/** The built dashboard, next to the package root both from src/server and from dist/server. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Builds the app; the caller listens (listen.ts) or injects requests (tests), and closes it. */
export async function buildApp(config: ServerConfig, dependencies: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...(dependencies.logger ? { loggerInstance: dependencies.logger } : { logger: false }),
    bodyLimit: config.bodyLimit,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    // One log line per request, written by the onResponse hook below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Query strings keep `field[op]` keys as written: the list-query parser reads them (KubeClarity's convention).
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  requireAuthDeclarations(app);
  const context = contextOf(config, dependencies);
  await registerOpenApi(app, version());
  installHooks(app, context);
  for (const module of ROUTE_MODULES) {
    await app.register(async (scope) => module.register(scope as ZodApp, context), { prefix: module.prefix });
  }
  await registerWeb(app, config.webDir ?? DEFAULT_WEB_DIR);
  await app.ready();
  return app;
}

function contextOf(config: ServerConfig, dependencies: AppDependencies): ServerContext {
  const auth = dependencies.auth ?? authRepository(dependencies.store);
  return {
    config,
    store: dependencies.store,
    auth,
    metrics: createMetrics({
      vulnerabilitiesBySeverity: () => vulnerabilityCounts(dependencies.store),
      rematch: rematchTotalsReader(dependencies.store.db),
      ...dependencies.metrics,
    }),
    loginLimiter: new LoginLimiter({ maxFailures: config.loginMaxFailures, windowMs: config.loginWindowMs }),
    now: dependencies.now ?? (() => new Date()),
    ...(dependencies.background ? { background: dependencies.background } : {}),
  };
}

/**
 * Headers on every answer: no MIME sniffing (a CSV or SBOM download is never run as a script), no framing of the
 * dashboard by other sites (clickjacking), no referrer (URLs carry filter values), and API answers are not cached.
 */
function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

function installHooks(app: FastifyInstance, context: ServerContext): void {
  securityHeaders(app);
  installAuthHook(app, {
    store: context.auth,
    allowAnonymousRead: context.config.allowAnonymousRead,
    now: context.now,
  });
  installAuditHook(app, context.auth);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    context.metrics.requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    request.log.info(
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request',
    );
  });
}

/**
 * The dashboard: files from the built web app, and its index for client-side routes; without a build, a short
 * notice at `/`. These routes are public: the page holds no data, the API calls behind it need a token.
 */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(`${webDir}/index.html`)) {
    app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(WEB_NOT_BUILT),
    );
    return;
  }
  // `serve: false`: only `reply.sendFile`, confined to `root`; the one route below decides what is served.
  await app.register(fastifyStatic, { root: webDir, serve: false });
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (request, reply) => {
    const path = (request.params as { '*'?: string })['*'] ?? '';
    if (path.startsWith('api/')) return reply.callNotFound();
    // Assets by name (a missing one is a real 404); every other path is a client-side route of the app.
    return /\.[a-z0-9]+$/i.test(path) ? reply.sendFile(path) : reply.sendFile('index.html');
  });
}

const WEB_NOT_BUILT =
  '<!doctype html><title>Lucent</title><h1>Lucent server</h1><p>The API is described at ' +
  '<a href="/api/openapi.json">/api/openapi.json</a>. The dashboard is not built: run <code>npm run build:web</code>.</p>';

async function vulnerabilityCounts(store: Store): Promise<Record<string, number>> {
  const { vulnerabilityCountsBySeverity } = await import('./routes/dashboard/metrics-source.ts');
  return vulnerabilityCountsBySeverity(store);
}
