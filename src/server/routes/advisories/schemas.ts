/** Schemas of the advisory database endpoints (`/api/advisories/*`). */
import { z } from 'zod';

/** POST /advisories/update: what to do; an empty body downloads the feeds. */
export const updateRequest = z
  .object({
    download: z
      .boolean()
      .default(true)
      .describe('run `lucent db update` (true), or only re-match against the database as it is now (false)'),
    force: z.boolean().default(false).describe('re-match every stored SBOM even when the database did not change'),
  })
  .strict();

const updateState = z.object({
  state: z.enum(['idle', 'running']),
  trigger: z.string().nullable().describe('schedule or api'),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['updated', 'failed']).nullable(),
  message: z.string().nullable().describe('the last lines `lucent db update` printed (warnings, or why it failed)'),
  intervalSeconds: z.number().int().nullable().describe('scheduled updates; null when turned off'),
  nextRunAt: z.string().nullable().describe('null: no update is scheduled (off, or no downloaded feed to refresh)'),
});

const run = z.object({
  id: z.string(),
  trigger: z.string().describe('update, api, startup or file-change'),
  databaseVersion: z.string(),
  status: z.enum(['planning', 'running', 'done']),
  total: z.number().int().describe('resources with a stored SBOM when the run was planned'),
  pending: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int().describe('deleted meanwhile, or left to a newer run'),
  failed: z.number().int(),
  added: z.number().int().describe('findings the resources gained'),
  removed: z.number().int().describe('findings the resources lost'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** GET /advisories/status. */
export const statusResponse = z.object({
  database: z.object({
    exists: z.boolean(),
    version: z.string().nullable().describe('a fingerprint of the imported feeds; it changes with the data'),
    schemaVersion: z.number().int().nullable(),
    sizeBytes: z.number().int().nullable(),
    counts: z
      .object({
        records: z.number().int(),
        withdrawn: z.number().int(),
        aliases: z.number().int(),
        kev: z.number().int(),
        epss: z.number().int(),
      })
      .nullable(),
    feeds: z.array(
      z.object({
        feed: z.string(),
        source: z.string(),
        records: z.number().int(),
        importedAt: z.string(),
        feedTimestamp: z.string().nullable(),
        checkedAt: z.string().nullable(),
        ageDays: z.number().int(),
      }),
    ),
  }),
  update: updateState,
  rematch: z.object({
    appliedVersion: z.string().nullable().describe('the database version the latest run matched against'),
    upToDate: z.boolean().describe('the latest run is done and used the current database version'),
    run: run.nullable(),
  }),
  queue: z.object({ engine: z.enum(['sqlite', 'pg-boss']), depth: z.number().int() }),
});

/** POST /advisories/update's answer. */
export const updateResponse = z.object({
  update: updateState,
  rematchRequested: z.boolean().describe('a re-match planning job was queued (false: one was already waiting)'),
});
