/**
 * The JSON report's schema, version 1 (docs/reports.md), in zod: the types are inferred from it, and the tests parse
 * every output with it in strict mode, so a field added without a schema change fails. A breaking change bumps
 * `schemaVersion`; new optional fields do not.
 */
import { z } from 'zod';
import { SEVERITY_LEVELS } from '../../../matcher/match.ts';
import { VEX_STATUSES } from '../../../policy/vex-statements.ts';
import { CIS_LEVELS } from '../../../runtime/cis/check.ts';

const severityLevel = z.enum(SEVERITY_LEVELS);

const location = z.strictObject({
  path: z.string(),
  layerDiffId: z.string().nullable(),
  layerIndex: z.number().int().nullable(),
});

/** One finding in the JSON report. */
export const jsonFindingSchema = z.strictObject({
  id: z.string(),
  aliases: z.array(z.string()),
  summary: z.string().nullable(),
  url: z.string(),
  package: z.strictObject({
    name: z.string(),
    version: z.string(),
    purl: z.string(),
    type: z.string(),
    locations: z.array(location),
  }),
  fixedVersions: z.array(z.string()),
  severity: z.strictObject({
    level: severityLevel,
    score: z.number().nullable(),
    vector: z.string().nullable(),
    source: z.string().nullable(),
  }),
  kev: z
    .strictObject({
      dateAdded: z.string(),
      dueDate: z.string().nullable(),
      knownRansomwareCampaignUse: z.string().nullable(),
    })
    .nullable(),
  epss: z.strictObject({ score: z.number(), percentile: z.number() }).nullable(),
  scanners: z.array(z.string()),
  /** Each scanner's own view when several found it (docs/scanners.md); empty otherwise. */
  variants: z.array(
    z.strictObject({
      scanner: z.string(),
      id: z.string(),
      severity: z.strictObject({
        level: severityLevel,
        score: z.number().nullable(),
        vector: z.string().nullable(),
        source: z.string().nullable(),
      }),
      fixedVersions: z.array(z.string()),
    }),
  ),
  evidence: z.array(
    z.strictObject({
      recordId: z.string(),
      ecosystem: z.string(),
      comparator: z.string(),
      comparedVersion: z.string(),
      kind: z.enum(['range', 'versions']),
      rangeType: z.string().nullable(),
      introduced: z.string().nullable(),
      fixed: z.string().nullable(),
      lastAffected: z.string().nullable(),
      limit: z.string().nullable(),
      location: location.nullable(),
    }),
  ),
});

/** The JSON report. */
export const jsonReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  timestamp: z.string(),
  source: z.strictObject({
    kind: z.string(),
    reference: z.string(),
    name: z.string(),
    manifestDigest: z.string().nullable(),
    configDigest: z.string().nullable(),
    platform: z.string().nullable(),
    tags: z.array(z.string()),
  }),
  os: z
    .strictObject({
      id: z.string(),
      versionId: z.string().nullable(),
      codename: z.string().nullable(),
      prettyName: z.string().nullable(),
    })
    .nullable(),
  summary: z.strictObject({
    total: z.number().int(),
    bySeverity: z.strictObject(Object.fromEntries(SEVERITY_LEVELS.map((level) => [level, z.number().int()]))),
    fixable: z.number().int(),
    kev: z.number().int(),
    suppressed: z.number().int(),
  }),
  findings: z.array(jsonFindingSchema),
  suppressed: z.array(
    jsonFindingSchema.extend({
      suppression: z.strictObject({
        /** What suppressed it: a VEX statement, an ignore-file rule, or --only-fixed. */
        source: z.enum(['vex', 'ignore-file', 'only-fixed']),
        reason: z.string(),
        justification: z.string().nullable(),
        /** The VEX status (not_affected or fixed); null for other sources. */
        status: z.enum(VEX_STATUSES).nullable(),
        /** Where the rule or statement was written: `.lucent.yaml ignore[0]`, `vex.json statements[2]`. */
        origin: z.string().nullable(),
      }),
    }),
  ),
  /** The CIS Docker Benchmark checks that failed; present only when they ran (`lucent scan --cis`). */
  cis: z
    .strictObject({
      countPerLevel: z.strictObject({ INFO: z.number().int(), WARN: z.number().int(), FATAL: z.number().int() }),
      checks: z.array(
        z.strictObject({
          code: z.string(),
          level: z.enum(CIS_LEVELS),
          title: z.string(),
          details: z.array(z.string()),
        }),
      ),
    })
    .optional(),
});

/** The JSON report, as its schema types it. */
export type JsonReport = z.infer<typeof jsonReportSchema>;

/** One finding in the JSON report. */
export type JsonFinding = z.infer<typeof jsonFindingSchema>;
