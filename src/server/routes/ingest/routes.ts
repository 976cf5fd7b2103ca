/**
 * Ingestion (`POST /api/applications/contentAnalysis/{id}` and `/vulnerabilityScan/{id}`): CI exports and the runtime
 * scanner send reports here. Bodies are validated with the ingestion schemas; each report is stored in one
 * transaction and re-sending it changes nothing (src/server/services/ingest.ts).
 */
import { z } from 'zod';
import type { Principal } from '../../auth/guard.ts';
import {
  contentAnalysisWrite,
  type IngestResult,
  type IngestTarget,
  ingestAll,
  ingestContentAnalysis,
  ingestVulnerabilityScan,
  vulnerabilityScanWrite,
} from '../../services/ingest.ts';
import {
  contentAnalysisReportsOf,
  kubeClarityContentAnalysisSchema,
  kubeClarityVulnerabilityScanSchema,
  vulnerabilityScanReportsOf,
} from '../../services/ingest-kubeclarity.ts';
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

/** Lucent's body answers one result; KubeClarity's (several resources) one per resource, in order. */
const responses = {
  201: z.union([ingestResult, z.object({ resources: z.array(ingestResult) })]),
  404: errorBody,
  413: errorBody,
  ...ERROR_RESPONSES,
};

/** Lucent's report, or KubeClarity's ApplicationContentAnalysis. */
const contentAnalysisBody = z.union([contentAnalysisReportSchema, kubeClarityContentAnalysisSchema]);
/** Lucent's report, or KubeClarity's ApplicationVulnerabilityScan. */
const vulnerabilityScanBody = z.union([vulnerabilityScanReportSchema, kubeClarityVulnerabilityScanSchema]);

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
        schema: { tags, params: idParams, body: contentAnalysisBody, response: responses },
      },
      async (request, reply) => {
        const timer = metrics.ingestDuration.startTimer({ kind: 'contentAnalysis' });
        const target: IngestTarget = { applicationId: request.params.id, actor: actorOf(request.principal), now };
        const body = request.body;
        const result: IngestResult | { resources: IngestResult[] } =
          'resources' in body
            ? {
                resources: await ingestAll(
                  store,
                  contentAnalysisReportsOf(body).map((r) => contentAnalysisWrite(target, r)),
                ),
              }
            : await ingestContentAnalysis(store, target, body);
        timer();
        if (!('resources' in body)) observeScan(context, 'contentAnalysis', body);
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/applications/vulnerabilityScan/:id',
      {
        config: { auth: 'writer' },
        schema: { tags, params: idParams, body: vulnerabilityScanBody, response: responses },
      },
      async (request, reply) => {
        const timer = metrics.ingestDuration.startTimer({ kind: 'vulnerabilityScan' });
        const target: IngestTarget = { applicationId: request.params.id, actor: actorOf(request.principal), now };
        const body = request.body;
        const result: IngestResult | { resources: IngestResult[] } =
          'resources' in body
            ? {
                resources: await ingestAll(
                  store,
                  vulnerabilityScanReportsOf(body).map((r) => vulnerabilityScanWrite(target, r)),
                ),
              }
            : await ingestVulnerabilityScan(store, target, body);
        timer();
        if (!('resources' in body)) observeScan(context, 'vulnerabilityScan', body);
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
