/** What every route module is given: the configuration and the objects its calls go to. */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthStore } from '../auth/auth-store.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import type { ServerConfig } from '../config.ts';
import type { ServerMetrics } from '../metrics/metrics.ts';
import type { BackgroundWork } from '../queue/background.ts';
import type { Store } from '../store/open-store.ts';

/** The Fastify instance as route modules see it: zod schemas give the handlers their types. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Dependencies of the routes. */
export interface ServerContext {
  config: ServerConfig;
  store: Store;
  auth: AuthStore;
  metrics: ServerMetrics;
  loginLimiter: LoginLimiter;
  now: () => Date;
  /** The work queue and advisory database updates (absent when the app runs without them, as in route tests). */
  background?: BackgroundWork;
}

/** A group of routes: registered under `prefix` by the explicit list in `registry.ts`. */
export interface RouteModule {
  name: string;
  /** `''` for the operational endpoints (`/healthz`, `/metrics`), `/api` for the REST API. */
  prefix: '' | '/api';
  register: (app: ZodApp, context: ServerContext) => void | Promise<void>;
}
