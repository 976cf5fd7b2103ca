/** `/healthz` (the process answers) and `/readyz` (the database answers too), for probes and load balancers. */
import { sql } from 'kysely';
import { z } from 'zod';
import { LucentError } from '../../../core/errors.ts';
import type { RouteModule } from '../context.ts';
import { errorBody } from '../http-errors.ts';

const status = z.object({ status: z.literal('ok') });

/** Health and readiness probes; public, and absent from the OpenAPI document's API sections. */
export const healthRoutes = {
  name: 'health',
  prefix: '',
  register(app, context) {
    app.get(
      '/healthz',
      { config: { auth: 'public' }, schema: { tags: ['operations'], response: { 200: status } } },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/readyz',
      { config: { auth: 'public' }, schema: { tags: ['operations'], response: { 200: status, 503: errorBody } } },
      async () => {
        try {
          await sql`select 1`.execute(context.store.db);
        } catch (error) {
          throw new LucentError('E_DATABASE_UNAVAILABLE', 'the database does not answer', { cause: error });
        }
        return { status: 'ok' as const };
      },
    );
  },
} satisfies RouteModule;
