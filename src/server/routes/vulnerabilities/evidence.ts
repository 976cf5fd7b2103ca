/**
 * The schema of a finding's evidence in GET /vulnerabilities/{vulId}/{pkgId}, and the reading of stored evidence into
 * it. Ingestion keeps evidence as reports give it (other scanners add their own fields), so the known fields are typed,
 * any other field is passed through, and a value of the wrong type is left out rather than failing the answer.
 */
import { z } from 'zod';

const text = z.string();

/** One piece of evidence: the matcher's `FindingEvidence` (record, range, comparator, location), open to more. */
export const findingEvidence = z
  .object({
    recordId: text.optional().describe('the advisory record that matched (OSV id, DSA, ALPINE-…)'),
    ecosystem: text.optional().describe('the ecosystem the record was looked up in (npm, Debian:12, …)'),
    kind: z
      .enum(['range', 'versions'])
      .optional()
      .describe('range: an affected range held the version; versions: the explicit version list named it'),
    rangeType: text.optional().describe('ECOSYSTEM or SEMVER'),
    introduced: text.optional(),
    fixed: text.optional(),
    lastAffected: text.optional(),
    limit: text.optional(),
    comparator: text.optional().describe('the versioning scheme that compared (semver, dpkg, apk, …)'),
    comparedVersion: text.optional().describe('the version compared (the source version for OS packages)'),
    location: z
      .object({ path: text, layerDiffId: text.optional() })
      .loose()
      .optional()
      .describe('where the package was found'),
    reportedBy: text.optional().describe('the scanner that reported it, when not the built-in matcher'),
  })
  .loose();

/** A piece of evidence as the API gives it. */
export type FindingEvidence = z.infer<typeof findingEvidence>;

const STRING_FIELDS = [
  'recordId',
  'ecosystem',
  'rangeType',
  'introduced',
  'fixed',
  'lastAffected',
  'limit',
  'comparator',
  'comparedVersion',
  'reportedBy',
] as const;

/** Stored evidence in the API's shape: objects only, each known field kept when it has its documented type. */
export function readStoredEvidence(items: readonly unknown[]): FindingEvidence[] {
  return items.filter(isRecord).map((item) => {
    const evidence: Record<string, unknown> = { ...item };
    for (const field of STRING_FIELDS)
      if (field in evidence && typeof evidence[field] !== 'string') delete evidence[field];
    if ('kind' in evidence && evidence.kind !== 'range' && evidence.kind !== 'versions') delete evidence.kind;
    if ('location' in evidence) {
      const location = evidence.location;
      if (!isRecord(location) || typeof location.path !== 'string') delete evidence.location;
      else if ('layerDiffId' in location && typeof location.layerDiffId !== 'string') {
        const { layerDiffId: _, ...rest } = location;
        evidence.location = rest;
      }
    }
    return evidence as FindingEvidence;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
