/**
 * Grype's JSON output (`grype … -o json`), the parts Lucent reads, from Grype's presenter models
 * (grype/presenter/models: Document, Match, Vulnerability, VulnerabilityMetadata, Cvss, Package). Fields Grype leaves
 * out with `omitempty`, or writes as `null` for empty lists, are optional here.
 */
import { z } from 'zod';

const cvss = z.object({
  source: z.string().optional(),
  /** `Primary` or `Secondary` (NVD's terms). */
  type: z.string().optional(),
  version: z.string(),
  vector: z.string(),
  metrics: z.object({ baseScore: z.number() }),
});

const vulnerabilityMetadata = z.object({
  id: z.string(),
  dataSource: z.string().optional(),
  namespace: z.string().optional(),
  severity: z.string().optional(),
  urls: z.array(z.string()).nullish(),
  description: z.string().optional(),
  cvss: z.array(cvss).nullish(),
});

/** One match: a vulnerability in an artifact, with the related records (a GHSA's CVE, a distro record's CVE). */
export const grypeMatchSchema = z.object({
  vulnerability: vulnerabilityMetadata.extend({
    /** `state`: `fixed`, `not-fixed`, `wont-fix` or `unknown` (empty in old versions). */
    fix: z.object({ versions: z.array(z.string()).nullish(), state: z.string() }).optional(),
  }),
  relatedVulnerabilities: z.array(vulnerabilityMetadata).nullish(),
  matchDetails: z.array(z.object({ type: z.string(), matcher: z.string() })).nullish(),
  artifact: z.object({
    id: z.string().optional(),
    name: z.string(),
    version: z.string(),
    type: z.string(),
    purl: z.string().optional(),
    locations: z.array(z.object({ path: z.string() })).nullish(),
  }),
});

/** The whole document. */
export const grypeDocumentSchema = z.object({
  matches: z.array(grypeMatchSchema).nullish(),
  descriptor: z.object({ name: z.string(), version: z.string() }).optional(),
});

/** A Grype match, as the schema types it. */
export type GrypeMatch = z.infer<typeof grypeMatchSchema>;
