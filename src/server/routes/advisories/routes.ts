/**
 * The advisory database (`/api/advisories/*`, docs/queue.md): its status (feeds, ages, the latest re-match and its
 * progress) for viewers, and for admins an update now (`lucent db update` in the background, then a re-match of
 * every stored SBOM when the data changed) or a re-match against the database as it is.
 */
import { LucentError } from '../../../core/errors.ts';
import { advisoriesStatus } from '../../services/rematch-status.ts';
import type { RouteModule, ServerContext } from '../context.ts';
import { ERROR_RESPONSES, errorBody } from '../http-errors.ts';
import { statusResponse, updateRequest, updateResponse } from './schemas.ts';

const tags = ['advisories'];

/** The status and update endpoints. */
export const advisoryRoutes = {
  name: 'advisories',
  prefix: '/api',
  register(app, context) {
    app.get(
      '/advisories/status',
      {
        config: { auth: 'viewer' },
        schema: { tags, response: { 200: statusResponse, 503: errorBody, ...ERROR_RESPONSES } },
      },
      async () =>
        advisoriesStatus(context.store, backgroundOf(context), {
          intervalMs: context.config.dbUpdateIntervalMs,
          now: context.now(),
        }),
    );

    app.post(
      '/advisories/update',
      {
        config: { auth: 'admin' },
        schema: {
          tags,
          body: updateRequest.optional(),
          response: { 202: updateResponse, 503: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const background = backgroundOf(context);
        const { download = true, force = false } = request.body ?? {};
        const update = download ? await background.updates.requestUpdate('api', { force }) : background.updates.state();
        const rematchRequested = download ? false : await background.updates.requestRematch({ trigger: 'api', force });
        const intervalMs = context.config.dbUpdateIntervalMs;
        return reply.code(202).send({
          update: { ...update, intervalSeconds: intervalMs > 0 ? Math.round(intervalMs / 1000) : null },
          rematchRequested,
        });
      },
    );
  },
} satisfies RouteModule;

function backgroundOf(context: ServerContext): NonNullable<ServerContext['background']> {
  if (!context.background) {
    throw new LucentError('E_QUEUE_UNAVAILABLE', 'this server runs without its work queue', {
      hint: 'start it with `lucent server`, which runs the queue and the advisory database updates',
    });
  }
  return context.background;
}
