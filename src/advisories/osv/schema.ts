/**
 * The OSV record format, validated at the boundary: https://ossf.github.io/osv-schema/ (1.6). Fields Lucent does not
 * use are kept out of the typed view; unknown range types and events are tolerated, since the schema grows.
 */
import { z } from 'zod';

/** One event of a range: exactly one of its keys is set. */
export const osvEventSchema = z
  .object({
    introduced: z.string().optional(),
    fixed: z.string().optional(),
    last_affected: z.string().optional(),
    limit: z.string().optional(),
  })
  .loose();

/** A range of affected versions. */
export const osvRangeSchema = z
  .object({
    type: z.string(),
    repo: z.string().optional(),
    events: z.array(osvEventSchema),
  })
  .loose();

/** One affected package of a record. */
export const osvAffectedSchema = z
  .object({
    package: z.object({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }).loose().optional(),
    ranges: z.array(osvRangeSchema).optional(),
    versions: z.array(z.string()).optional(),
    severity: z.array(z.object({ type: z.string(), score: z.string() }).loose()).nullish(),
    ecosystem_specific: z.record(z.string(), z.unknown()).optional(),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/** An OSV record. */
export const osvRecordSchema = z
  .object({
    schema_version: z.string().optional(),
    id: z.string(),
    modified: z.string(),
    published: z.string().optional(),
    withdrawn: z.string().optional(),
    aliases: z.array(z.string()).nullish(),
    related: z.array(z.string()).nullish(),
    // OSV 1.6: the advisories this one is derived from (an Ubuntu notice's UBUNTU-CVE-… record, that record's CVE).
    // Lucent treats them as aliases: the same vulnerability, reported once.
    upstream: z.array(z.string()).nullish(),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: z.array(z.object({ type: z.string(), score: z.string() }).loose()).nullish(),
    affected: z.array(osvAffectedSchema).nullish(),
    references: z.array(z.object({ type: z.string(), url: z.string() }).loose()).nullish(),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/** An OSV event. */
export type OsvEvent = z.infer<typeof osvEventSchema>;
/** An OSV range. */
export type OsvRange = z.infer<typeof osvRangeSchema>;
/** An OSV affected entry. */
export type OsvAffected = z.infer<typeof osvAffectedSchema>;
/** An OSV record. */
export type OsvRecord = z.infer<typeof osvRecordSchema>;
