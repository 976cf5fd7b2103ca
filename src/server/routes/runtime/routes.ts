/**
 * `/api/runtime/*` and `/api/namespaces`: KubeClarity's runtime-scan API (start, stop, progress, results,
 * quick-scan settings, namespaces) and schedules with full CRUD (KubeClarity had one schedule, never deletable).
 */
import { z } from 'zod';
import { isLucentError } from '../../../core/errors.ts';
import type { ScanController } from '../../../runtime/scan-controller.ts';
import type { RouteModule } from '../context.ts';
import { ERROR_RESPONSES, errorBody, errorResponse, found } from '../http-errors.ts';
import { runtimeController } from './controller.ts';
import {
  namespacesBody,
  progressBody,
  quickScanConfig,
  resultsBody,
  resultsQuery,
  scanStartBody,
  scheduleBody,
  scheduleInputBody,
  scheduleParams,
} from './schemas.ts';

const tags = ['runtime'];

/** Cluster errors are upstream failures (502), a running scan a conflict (409); the rest as usual. */
function statusOf(error: unknown): number | undefined {
  if (!isLucentError(error)) return undefined;
  if (error.code === 'E_SCAN_IN_PROGRESS') return 409;
  if (['E_KUBE_CONFIG', 'E_KUBE_UNREACHABLE', 'E_KUBE_DENIED', 'E_KUBE_API'].includes(error.code)) return 502;
  return undefined;
}

/** Who started a scan, as the audit log names them. */
function actorOf(principal: { kind?: string; name?: string } | null | undefined): string {
  if (!principal?.name || principal.kind === 'anonymous') return 'anonymous';
  return `${principal.kind === 'session' ? 'user' : 'token'}:${principal.name}`;
}

/** Runtime scanning. */
export const runtimeRoutes = {
  name: 'runtime',
  prefix: '/api',
  register(app, context) {
    const controller: ScanController = runtimeController(context);
    app.addHook('onReady', async () => controller.startScheduler());
    app.addHook('onClose', async () => controller.close());
    app.setErrorHandler((error, _request, reply) => {
      const status = statusOf(error);
      if (status === undefined) throw error;
      return reply.code(status).send(errorResponse(error).body);
    });
    const conflict = { 409: errorBody, 502: errorBody };

    app.put(
      '/runtime/scan/start',
      {
        config: { auth: 'writer' },
        schema: { tags, body: scanStartBody, response: { 201: z.object({}), ...conflict, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        const { namespaces, excludeNamespaces } = request.body;
        await controller.start({
          namespaces,
          ...(excludeNamespaces ? { excludeNamespaces } : {}),
          actor: actorOf((request as { principal?: { kind?: string; name?: string } | null }).principal),
        });
        return reply.code(201).send({});
      },
    );

    app.put(
      '/runtime/scan/stop',
      { config: { auth: 'writer' }, schema: { tags, response: { 201: z.object({}), ...ERROR_RESPONSES } } },
      async (_request, reply) => {
        controller.stop();
        return reply.code(201).send({});
      },
    );

    app.get(
      '/runtime/scan/progress',
      { config: { auth: 'viewer' }, schema: { tags, response: { 200: progressBody, ...ERROR_RESPONSES } } },
      () => controller.progress(),
    );

    app.get(
      '/runtime/scan/results',
      {
        config: { auth: 'viewer' },
        schema: { tags, querystring: resultsQuery, response: { 200: resultsBody, ...ERROR_RESPONSES } },
      },
      async (request) => {
        const severity = request.query['vulnerabilitySeverity[gte]'];
        const level = request.query['cisDockerBenchmarkLevel[gte]'];
        const results = await controller.results({
          ...(severity ? { severityGte: severity } : {}),
          ...(level ? { cisLevelGte: level } : {}),
        });
        return results as z.infer<typeof resultsBody>;
      },
    );

    app.get(
      '/runtime/quickscan/config',
      { config: { auth: 'viewer' }, schema: { tags, response: { 200: quickScanConfig, ...ERROR_RESPONSES } } },
      () => controller.quickScanConfig(),
    );

    app.put(
      '/runtime/quickscan/config',
      {
        config: { auth: 'writer' },
        schema: { tags, body: quickScanConfig, response: { 201: z.object({}), ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        await controller.setQuickScanConfig(request.body);
        return reply.code(201).send({});
      },
    );

    app.get(
      '/namespaces',
      {
        config: { auth: 'viewer' },
        schema: { tags, response: { 200: namespacesBody, 502: errorBody, ...ERROR_RESPONSES } },
      },
      async () => (await controller.namespaces()).map((name) => ({ name })),
    );

    app.get(
      '/runtime/schedules',
      { config: { auth: 'viewer' }, schema: { tags, response: { 200: z.array(scheduleBody), ...ERROR_RESPONSES } } },
      () => controller.schedules.list(),
    );

    app.post(
      '/runtime/schedules',
      {
        config: { auth: 'writer' },
        schema: { tags, body: scheduleInputBody, response: { 201: scheduleBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => reply.code(201).send(await controller.schedules.create(request.body)),
    );

    app.get(
      '/runtime/schedules/:id',
      {
        config: { auth: 'viewer' },
        schema: { tags, params: scheduleParams, response: { 200: scheduleBody, 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request) => found(await controller.schedules.get(request.params.id), `schedule ${request.params.id}`),
    );

    app.put(
      '/runtime/schedules/:id',
      {
        config: { auth: 'writer' },
        schema: {
          tags,
          params: scheduleParams,
          body: scheduleInputBody,
          response: { 200: scheduleBody, 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        found(await controller.schedules.replace(request.params.id, request.body), `schedule ${request.params.id}`),
    );

    app.patch(
      '/runtime/schedules/:id',
      {
        config: { auth: 'writer' },
        schema: {
          tags,
          params: scheduleParams,
          body: scheduleInputBody,
          response: { 200: scheduleBody, 404: errorBody, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        found(
          await controller.schedules.patch(request.params.id, request.body as Record<string, unknown>),
          `schedule ${request.params.id}`,
        ),
    );

    app.delete(
      '/runtime/schedules/:id',
      {
        config: { auth: 'writer' },
        schema: { tags, params: scheduleParams, response: { 204: z.undefined(), 404: errorBody, ...ERROR_RESPONSES } },
      },
      async (request, reply) => {
        found((await controller.schedules.remove(request.params.id)) || undefined, `schedule ${request.params.id}`);
        return reply.code(204).send();
      },
    );
  },
} satisfies RouteModule;
