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
  type IngestWrite,
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
    const { now } = context;

    app.post(
      '/applications/contentAnalysis/:id',
      {
        config: { auth: 'writer' },
        schema: { tags, params: idParams, body: contentAnalysisBody, response: responses },
      },
      async (request, reply) => {
        const target: IngestTarget = { applicationId: request.params.id, actor: actorOf(request.principal), now };
        const result = await ingestBody(context, 'contentAnalysis', target, request.body, {
          one: ingestContentAnalysis,
          reportsOf: contentAnalysisReportsOf,
          write: contentAnalysisWrite,
        });
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
        const target: IngestTarget = { applicationId: request.params.id, actor: actorOf(request.principal), now };
        const result = await ingestBody(context, 'vulnerabilityScan', target, request.body, {
          one: ingestVulnerabilityScan,
          reportsOf: vulnerabilityScanReportsOf,
          write: vulnerabilityScanWrite,
        });
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

type RouteContext = Parameters<(typeof ingestRoutes)['register']>[1];

/** How one kind of report is stored: alone (Lucent's body), or several in one transaction (KubeClarity's). */
interface ReportIngestion<Report, KubeClarityBody> {
  one: (store: RouteContext['store'], target: IngestTarget, report: Report) => Promise<IngestResult>;
  reportsOf: (body: KubeClarityBody) => Report[];
  write: (target: IngestTarget, report: Report) => IngestWrite;
}

/** Stores a body of either shape, timing it; a Lucent report's own scan duration is observed too. */
async function ingestBody<Report extends ScanTiming, KubeClarityBody extends { resources: unknown[] }>(
  context: RouteContext,
  kind: 'contentAnalysis' | 'vulnerabilityScan',
  target: IngestTarget,
  body: Report | KubeClarityBody,
  ingestion: ReportIngestion<Report, KubeClarityBody>,
): Promise<IngestResult | { resources: IngestResult[] }> {
  const timer = context.metrics.ingestDuration.startTimer({ kind });
  if ('resources' in body) {
    const writes = ingestion.reportsOf(body).map((report) => ingestion.write(target, report));
    const resources = await ingestAll(context.store, writes);
    timer();
    return { resources };
  }
  const result = await ingestion.one(context.store, target, body);
  timer();
  observeScan(context, kind, body);
  return result;
}

/** The part of a report that says how long its scan took. */
interface ScanTiming {
  durationMs?: number | undefined;
  source?: string | undefined;
}

function observeScan(context: RouteContext, kind: string, report: ScanTiming): void {
  if (report.durationMs === undefined) return;
  context.metrics.scanDuration.observe({ kind, source: report.source ?? 'CICD' }, report.durationMs / 1000);
}
