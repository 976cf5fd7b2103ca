/**
 * Ingestion (`POST /api/applications/contentAnalysis/{id}` and `/vulnerabilityScan/{id}`): CI exports and the runtime
 * scanner send reports here. Bodies are validated with the ingestion schemas; each report is stored in one
 * transaction and re-sending it changes nothing (src/server/services/ingest.ts).
 */
import { z } from 'zod';
import type { Principal } from '../../auth/guard.ts';
import { ingestContentAnalysis, ingestVulnerabilityScan } from '../../services/ingest.ts';
import { contentAnalysisReportSchema, vulnerabilityScanReportSchema } from '../../services/ingest-schema.ts';
import { idParams } from '../applications/schemas.ts';
import type { RouteModule } from '../context.ts';
import { ERROR_RESPONSES, errorBody } from '../http-errors.ts';

const tags = ['ingestion'];

const ingestResult = z.object({
  resourceId: z.string(),
  scanId: z.string(),
  packages: z.number().int(),
  findings: z.number().int(),
  removedPackages: z.number().int().describe('packages the resource no longer has'),
  removedFindings: z.number().int().describe('findings the resource no longer has'),
});

const responses = { 201: ingestResult, 404: errorBody, 413: errorBody, ...ERROR_RESPONSES };

/** The two ingestion endpoints; writers (CI tokens) and admins may call them. */
export const ingestRoutes = {
  name: 'ingest',
  prefix: '/api',
  register(app, context) {
    const { store, metrics, now } = context;

    app.post(
      '/applications/contentAnalysis/:id',
      {
        config: { auth: 'writer' },
        schema: { tags, params: idParams, body: contentAnalysisReportSchema, response: responses },
      },
      async (request, reply) => {
        const timer = metrics.ingestDuration.startTimer({ kind: 'contentAnalysis' });
        const result = await ingestContentAnalysis(
          store,
          { applicationId: request.params.id, actor: actorOf(request.principal), now },
          request.body,
        );
        timer();
        observeScan(context, 'contentAnalysis', request.body);
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/applications/vulnerabilityScan/:id',
      {
        config: { auth: 'writer' },
        schema: { tags, params: idParams, body: vulnerabilityScanReportSchema, response: responses },
      },
      async (request, reply) => {
        const timer = metrics.ingestDuration.startTimer({ kind: 'vulnerabilityScan' });
        const result = await ingestVulnerabilityScan(
          store,
          { applicationId: request.params.id, actor: actorOf(request.principal), now },
          request.body,
        );
        timer();
        observeScan(context, 'vulnerabilityScan', request.body);
        return reply.code(201).send(result);
      },
    );
  },
} satisfies RouteModule;

/** Who sent a report, as the scan record names them. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'anonymous') return 'anonymous';
  return `${principal.kind === 'session' ? 'user' : 'token'}:${principal.name}`;
}

function observeScan(
  context: Parameters<(typeof ingestRoutes)['register']>[1],
  kind: string,
  report: { durationMs?: number | undefined; source?: string | undefined },
): void {
  if (report.durationMs === undefined) return;
  context.metrics.scanDuration.observe({ kind, source: report.source ?? 'CICD' }, report.durationMs / 1000);
}
