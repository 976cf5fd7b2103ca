/**
 * Schedules in the server's `schedules` table. The columns hold what lists and filters need (kind, zone, namespaces,
 * enabled, next and last run); the kind's parameters and the rest of a schedule (excluded namespaces, CIS, anchor,
 * last status) are the `spec` JSON, validated again when read.
 */
import { z } from 'zod';
import type { Store } from '../../server/store/open-store.ts';
import type { SchedulesTable } from '../../server/store/schema.ts';
import type { ScheduleStore } from '../schedules/schedule-store.ts';
import { type Schedule, scheduleSpecSchema } from '../schedules/spec.ts';

const storedSpecSchema = z.object({
  spec: scheduleSpecSchema,
  excludeNamespaces: z.array(z.string()).default([]),
  cis: z.boolean().default(false),
  anchorAt: z.string(),
  lastRunStatus: z.enum(['started', 'done', 'failed']).optional(),
});

/** The schedule store over the server store. */
export function serverScheduleStore(store: Store): ScheduleStore {
  const { db } = store;
  return {
    async list() {
      return (await db.selectFrom('schedules').selectAll().orderBy('created_at').orderBy('id').execute()).map(
        scheduleOf,
      );
    },
    async get(id) {
      const row = await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? scheduleOf(row) : undefined;
    },
    async insert(schedule) {
      await db.insertInto('schedules').values(rowOf(schedule)).execute();
    },
    async update(schedule) {
      const { id, ...changes } = rowOf(schedule);
      await db.updateTable('schedules').set(changes).where('id', '=', id).execute();
    },
    async remove(id) {
      const result = await db.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

function rowOf(schedule: Schedule): SchedulesTable {
  return {
    id: schedule.id,
    name: schedule.name,
    kind: schedule.spec.kind,
    spec: JSON.stringify({
      spec: schedule.spec,
      excludeNamespaces: schedule.excludeNamespaces,
      cis: schedule.cis,
      anchorAt: schedule.anchorAt,
      ...(schedule.lastRunStatus ? { lastRunStatus: schedule.lastRunStatus } : {}),
    }),
    timezone: schedule.timeZone,
    namespaces: JSON.stringify(schedule.namespaces),
    enabled: schedule.enabled ? 1 : 0,
    next_run: schedule.nextRunAt ?? null,
    last_run: schedule.lastRunAt ?? null,
    created_at: schedule.createdAt,
    updated_at: schedule.updatedAt,
  };
}

function scheduleOf(row: SchedulesTable): Schedule {
  const stored = storedSpecSchema.parse(JSON.parse(row.spec));
  return {
    id: row.id,
    name: row.name,
    spec: stored.spec,
    timeZone: row.timezone,
    namespaces: JSON.parse(row.namespaces),
    excludeNamespaces: stored.excludeNamespaces,
    enabled: row.enabled === 1,
    cis: stored.cis,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    anchorAt: stored.anchorAt,
    ...(row.last_run ? { lastRunAt: row.last_run } : {}),
    ...(row.next_run ? { nextRunAt: row.next_run } : {}),
    ...(stored.lastRunStatus ? { lastRunStatus: stored.lastRunStatus } : {}),
  };
}
