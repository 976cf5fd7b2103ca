/** Stored reports (scans): newest first, for a resource or an application, with who sent them and what they held. */
import { sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import { jsonList, type Page } from './list-page.ts';

/** A stored report. */
export interface ScanItem {
  id: string;
  resourceID: string;
  applicationID: string | null;
  kind: 'contentAnalysis' | 'vulnerabilityScan';
  source: 'CICD' | 'RUNTIME';
  startedAt: string;
  finishedAt: string;
  durationMs: number | null;
  actor: string;
  tools: string[];
  packages: number;
  findings: number;
}

/** Which scans to list. */
export interface ScanFilter {
  resourceId?: string;
  applicationId?: string;
  kind?: ScanItem['kind'];
  limit: number;
  offset: number;
}

/** The scans matching the filter, newest first. */
export async function listScans(store: Store, filter: ScanFilter): Promise<Page<ScanItem>> {
  let query = store.db.selectFrom('scans');
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.applicationId !== undefined) query = query.where('application_id', '=', filter.applicationId);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  const [count, rows] = await Promise.all([
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((row) => ({
      id: row.id,
      resourceID: row.resource_id,
      applicationID: row.application_id,
      kind: row.kind as ScanItem['kind'],
      source: row.source as ScanItem['source'],
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      durationMs: row.duration_ms,
      actor: row.actor,
      tools: jsonList(row.tools),
      packages: row.packages_count,
      findings: row.findings_count,
    })),
  };
}

/** Scan durations per kind since a time, for metrics: count and total milliseconds. */
export async function scanDurations(
  store: Store,
  since: string,
): Promise<{ kind: string; source: string; count: number; totalMs: number }[]> {
  const rows = await store.db
    .selectFrom('scans')
    .select(['kind', 'source', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(duration_ms), 0)`.as('total')])
    .where('finished_at', '>=', since)
    .groupBy(['kind', 'source'])
    .orderBy('kind')
    .orderBy('source')
    .execute();
  return rows.map((row) => ({ kind: row.kind, source: row.source, count: Number(row.n), totalMs: Number(row.total) }));
}
