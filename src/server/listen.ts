/**
 * `lucent server` at run time, as named steps: open the store (migrating it), make sure an admin token exists (shown
 * once), build the app, listen, and shut down gracefully on SIGTERM/SIGINT (in-flight requests finish, then the
 * store closes). A second signal exits at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { defaultDbPath } from '../advisories/db/default-path.ts';
import { buildApp, DEFAULT_WEB_DIR } from './app.ts';
import { bootstrapAdminToken } from './auth/accounts.ts';
import type { ServerConfig } from './config.ts';
import { createServerLogger } from './logger.ts';
import { type BackgroundWork, startBackground } from './queue/background.ts';
import { authRepository } from './repositories/auth.ts';
import { openStore, type Store } from './store/open-store.ts';

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** The address it listens on, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Resolves once the server has shut down (after a signal or `close()`). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/** Where the start-up lines go, and the environment (LUCENT_ADMIN_TOKEN). */
export interface StartOptions {
  out: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Install SIGTERM/SIGINT handlers (the CLI does; tests that embed the server do not). */
  handleSignals: boolean;
}

/** Opens the store, ensures an admin token, builds the app and listens. */
export async function startServer(config: ServerConfig, options: StartOptions): Promise<RunningServer> {
  const logger = createServerLogger(config.logLevel);
  const store = await openStore(config.databaseUrl, { backgroundCheckpoints: true });
  let app: FastifyInstance | undefined;
  let background: BackgroundWork | undefined;
  try {
    const admin = await bootstrapAdminToken(authRepository(store), options.env.LUCENT_ADMIN_TOKEN, new Date());
    background = await startServerBackground(store, config, options.env, logger);
    const queue = background.queue;
    app = await buildApp(config, { store, logger, background, metrics: { queueDepth: () => queue.depth() } });
    await app.listen({ host: config.listen.host, port: config.listen.port });
    const url = urlOf(app);
    announce(options.out, url, config, admin);
    return running(app, store, url, options, logger, background);
  } catch (error) {
    await app?.close();
    await background?.stop(0);
    await store.close();
    throw error;
  }
}

/** The work queue, its in-process workers and the advisory database updates (docs/queue.md). */
function startServerBackground(
  store: Store,
  config: ServerConfig,
  env: NodeJS.ProcessEnv,
  logger: ReturnType<typeof createServerLogger>,
): Promise<BackgroundWork> {
  return startBackground(store, {
    databaseUrl: config.databaseUrl,
    advisoryDbPath: config.advisoryDb ?? defaultDbPath(env),
    workers: config.workers,
    dbUpdateIntervalMs: config.dbUpdateIntervalMs,
    log: logger,
    env,
  });
}

function running(
  app: FastifyInstance,
  store: Store,
  url: string,
  options: StartOptions,
  logger: ReturnType<typeof createServerLogger>,
  background: BackgroundWork,
): RunningServer {
  let closing: Promise<void> | undefined;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const close = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await app.close();
        await background.stop();
      } finally {
        await store.close();
        resolveClosed();
      }
    })();
    return closing;
  };
  if (options.handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      logger.info({ signal }, 'shutting down');
      void close().finally(() => {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  return { app, store, url, closed, close };
}

function urlOf(app: FastifyInstance): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') return String(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function announce(
  out: (line: string) => void,
  url: string,
  config: ServerConfig,
  admin: { created: boolean; printable?: string },
): void {
  out(`Lucent server listening on ${url}`);
  out(`  database: ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}`);
  out(`  API: ${url}/api (OpenAPI document: ${url}/api/openapi.json)`);
  const web = config.webDir ?? DEFAULT_WEB_DIR;
  out(existsSync(join(web, 'index.html')) ? `  dashboard: ${url}/` : `  dashboard: not built (npm run build:web)`);
  if (config.allowAnonymousRead) out('  anonymous reads are allowed (--allow-anonymous-read)');
  if (admin.printable) {
    out('');
    out(`  Admin token (shown once, store it now): ${admin.printable}`);
    out(`  Use it as "Authorization: Bearer <token>", or set LUCENT_ADMIN_TOKEN to choose it yourself.`);
  } else if (admin.created) {
    out('  admin token from LUCENT_ADMIN_TOKEN registered');
  }
}
