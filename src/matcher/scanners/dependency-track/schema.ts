/**
 * Dependency-Track's REST API (v1), the requests and responses Lucent uses, from Dependency-Track's model
 * (BomSubmitRequest, BomUploadResponse, IsTokenBeingProcessedResponse, Project, Finding). A Finding is a flat map of
 * component, vulnerability, analysis and attribution fields, each present only when set (Jackson `NON_NULL`); the
 * vulnerability's aliases are maps of `cveId`, `ghsaId`, `osvId`, `snykId`, `sonatypeId`, `vulnDbId`.
 */
import { z } from 'zod';

/** `PUT /api/v1/bom` answer: the token to poll. */
export const bomUploadResponseSchema = z.object({ token: z.string() });

/** `GET /api/v1/bom/token/{uuid}`: whether the BOM (and the analysis it triggers) is still being processed. */
export const tokenResponseSchema = z.object({ processing: z.boolean() });

/** `GET /api/v1/project/lookup`: the project, of which Lucent needs the UUID. */
export const projectSchema = z.object({ uuid: z.string(), name: z.string(), version: z.string().nullish() });

/** One finding of `GET /api/v1/finding/project/{uuid}`. */
export const dtFindingSchema = z.object({
  component: z.object({
    uuid: z.string(),
    name: z.string(),
    group: z.string().optional(),
    version: z.string().optional(),
    purl: z.string().optional(),
  }),
  vulnerability: z.object({
    uuid: z.string(),
    source: z.string(),
    vulnId: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    /** CRITICAL, HIGH, MEDIUM, LOW, INFO, UNASSIGNED. */
    severity: z.string().optional(),
    cvssV2BaseScore: z.number().optional(),
    cvssV3BaseScore: z.number().optional(),
    cvssV4Score: z.number().optional(),
    cvssV2Vector: z.string().optional(),
    cvssV3Vector: z.string().optional(),
    cvssV4Vector: z.string().optional(),
    aliases: z.array(z.record(z.string(), z.string())).optional(),
  }),
  analysis: z.object({ state: z.string().optional(), isSuppressed: z.boolean().optional() }).optional(),
  attribution: z.object({ analyzerIdentity: z.string().optional() }).optional(),
});

/** The findings of a project. */
export const dtFindingsSchema = z.array(dtFindingSchema);

/** A Dependency-Track finding, as the schema types it. */
export type DtFinding = z.infer<typeof dtFindingSchema>;
