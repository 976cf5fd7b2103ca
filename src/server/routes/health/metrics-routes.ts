/** Prometheus `/metrics`, from this app's own registry. */
import type { RouteModule } from '../context.ts';

/**
 * The metrics endpoint. It needs a viewer token like any read (Prometheus sends one with `authorization:
 * {credentials: …}` in its scrape config), or nothing with `--allow-anonymous-read`.
 */
export const metricsRoutes = {
  name: 'metrics',
  prefix: '',
  register(app, context) {
    app.get('/metrics', { config: { auth: 'viewer' }, schema: { hide: true } }, async (_request, reply) => {
      const text = await context.metrics.registry.metrics();
      return reply.type(context.metrics.registry.contentType).send(text);
    });
  },
} satisfies RouteModule;
