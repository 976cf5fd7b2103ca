/**
 * CI export (`lucent analyze|scan … --export`), as named steps: find (or create) the application, then post the
 * content analysis, and for a scan the vulnerability scan too, to the ingestion endpoints. Both reports name the same
 * resource (reports.ts), so an analysis exported from a build stage and a scan exported later combine.
 */
import { LucentError } from '../../core/errors.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import type { PolicyOutcome } from '../../policy/policy.ts';
import type { CisResult } from '../../runtime/cis/check.ts';
import { ApiClient } from './api-client.ts';
import { cisChecksOf, contentAnalysisReport, resourceOf, vulnerabilityScanReport } from './reports.ts';

/** Where to export to, from the command's flags. */
export interface ExportTarget {
  server: string;
  token: string;
  application: { name: string } | { id: string };
  /** Create the named application when it does not exist yet. */
  createApplication: boolean;
}

/** What an export did, for the command's summary line. */
export interface ExportSummary {
  applicationId: string;
  resource: { name: string; hash: string };
  packages: number;
  findings?: number;
  /** False when a scan found the resource's content analysis already stored (an earlier stage's) and kept it. */
  analysisSent: boolean;
}

/** How the export describes the run. */
export interface ExportOptions {
  tool: { name: string; version: string };
  durationMs?: number;
  /** The vulnerability scanners that ran (`lucent` for the built-in matcher). */
  scanners?: readonly string[];
  /** When the run happened: the reports' time, so a re-sent report is the same scan on the server. */
  reportedAt?: Date;
  /** CIS results of a scan with `--cis`: they replace the resource's stored ones. */
  cis?: readonly CisResult[];
}

/** Exports a content analysis, with its CycloneDX SBOM (stored for download and re-matching). */
export async function exportContentAnalysis(
  target: ExportTarget,
  result: AnalysisResult,
  options: ExportOptions,
): Promise<ExportSummary> {
  return withClient(target, async (client) => {
    const applicationId = await resolveApplication(client, target, result);
    await postContentAnalysis(client, applicationId, result, options);
    return summary(applicationId, result, true);
  });
}

/**
 * Exports a scan: its content analysis (packages and SBOM) unless the server already holds one for the resource (an
 * image is content-addressed, so an analysis exported by an earlier stage, perhaps with plug-ins or merged SBOMs,
 * describes the same content and is kept), then its findings.
 */
export async function exportScan(
  target: ExportTarget,
  result: AnalysisResult,
  outcome: Pick<PolicyOutcome, 'reported' | 'suppressed'>,
  options: ExportOptions,
): Promise<ExportSummary> {
  return withClient(target, async (client) => {
    const applicationId = await resolveApplication(client, target, result);
    const analyzed = await hasContentAnalysis(client, resourceOf(result).hash);
    if (!analyzed) await postContentAnalysis(client, applicationId, result, options);
    const report = {
      ...vulnerabilityScanReport(result, outcome, {
        ...timing(options),
        ...(options.scanners ? { scanners: options.scanners } : {}),
      }),
      ...(options.cis ? { cisChecks: cisChecksOf(options.cis) } : {}),
    };
    await client.call('POST', `/api/applications/vulnerabilityScan/${encodeURIComponent(applicationId)}`, {
      body: report,
    });
    return { ...summary(applicationId, result, !analyzed), findings: report.findings.length };
  });
}

async function withClient<T>(target: ExportTarget, work: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = new ApiClient({ server: target.server, token: target.token });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/** The application's id: given, found by name, or created (a concurrent creation's 409 carries the same app). */
async function resolveApplication(client: ApiClient, target: ExportTarget, result: AnalysisResult): Promise<string> {
  if ('id' in target.application) return target.application.id;
  const { name } = target.application;
  const query = new URLSearchParams({ 'applicationName[is]': name, pageSize: '1' });
  const found = await client.call<{ items: { id: string }[] }>('GET', `/api/applications?${query}`);
  const existing = found.body.items[0]?.id;
  if (existing) return existing;
  if (!target.createApplication) {
    throw new LucentError('E_EXPORT_FAILED', `application "${name}" does not exist on the server`, {
      hint: 'create it (POST /api/applications) or add --create-application',
    });
  }
  const type = resourceOf(result).type === 'IMAGE' ? 'IMAGE' : 'DIRECTORY';
  const created = await client.call<{ id?: string; application?: { id: string } }>('POST', '/api/applications', {
    body: { name, type, labels: [], environments: [] },
    accept: [409],
  });
  // 201 answers the new application; 409 (created concurrently) names the existing one.
  const id = created.body.id ?? created.body.application?.id;
  if (!id) throw new LucentError('E_EXPORT_FAILED', `the server did not return the id of application "${name}"`);
  return id;
}

async function postContentAnalysis(
  client: ApiClient,
  applicationId: string,
  result: AnalysisResult,
  options: ExportOptions,
): Promise<void> {
  // Loaded on demand, as the CLI does: the SBOM libraries are most of its start-up time.
  const { encodeSbom } = await import('../../sbom/encode.ts');
  const sbom = JSON.parse(await encodeSbom('cyclonedx-json', { result, tool: options.tool }));
  const report = contentAnalysisReport(result, { sbom, ...timing(options) });
  await client.call('POST', `/api/applications/contentAnalysis/${encodeURIComponent(applicationId)}`, { body: report });
}

/** Whether the server has a content analysis of the resource with this hash. */
async function hasContentAnalysis(client: ApiClient, hash: string): Promise<boolean> {
  const query = new URLSearchParams({ 'resourceHash[is]': hash, pageSize: '1' });
  const found = await client.call<{ items: { id: string }[] }>('GET', `/api/applicationResources?${query}`);
  const id = found.body.items[0]?.id;
  if (!id) return false;
  const detail = await client.call<{ lastAnalysisAt?: string | null }>(
    'GET',
    `/api/applicationResources/${encodeURIComponent(id)}`,
  );
  return typeof detail.body.lastAnalysisAt === 'string';
}

function timing(options: ExportOptions): { durationMs?: number; reportedAt?: Date } {
  return {
    ...(options.durationMs !== undefined ? { durationMs: options.durationMs } : {}),
    ...(options.reportedAt ? { reportedAt: options.reportedAt } : {}),
  };
}

function summary(applicationId: string, result: AnalysisResult, analysisSent: boolean): ExportSummary {
  const { name, hash } = resourceOf(result);
  return { applicationId, resource: { name, hash }, packages: result.inventory.packages.length, analysisSent };
}
