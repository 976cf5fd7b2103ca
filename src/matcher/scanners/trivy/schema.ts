/**
 * Trivy's JSON report (`trivy sbom --format json`), the parts Lucent reads, from Trivy's report types
 * (pkg/types: Report, Result, DetectedVulnerability; trivy-db: Vulnerability, CVSS). `PkgIdentifier` (PURL, BOMRef)
 * arrived in Trivy 0.49; older versions name the SBOM component in `PkgRef`. A Result without findings has no
 * `Vulnerabilities` key.
 */
import { z } from 'zod';

const cvss = z.object({
  V2Vector: z.string().optional(),
  V3Vector: z.string().optional(),
  V40Vector: z.string().optional(),
  V2Score: z.number().optional(),
  V3Score: z.number().optional(),
  V40Score: z.number().optional(),
});

/** One vulnerability in one package. */
export const trivyVulnerabilitySchema = z.object({
  VulnerabilityID: z.string(),
  /** Vendor advisory ids for the same issue (DSA, RHSA, ALAS…). */
  VendorIDs: z.array(z.string()).nullish(),
  PkgID: z.string().optional(),
  PkgName: z.string(),
  PkgIdentifier: z
    .object({ PURL: z.string().optional(), UID: z.string().optional(), BOMRef: z.string().optional() })
    .optional(),
  PkgRef: z.string().optional(),
  InstalledVersion: z.string(),
  /** Comma-separated when several branches are fixed (`1.2.6, 0.2.4`). */
  FixedVersion: z.string().optional(),
  /** fixed, affected, will_not_fix, fix_deferred, end_of_life, under_investigation, not_affected, unknown. */
  Status: z.string().optional(),
  SeveritySource: z.string().optional(),
  Title: z.string().optional(),
  Description: z.string().optional(),
  Severity: z.string(),
  VendorSeverity: z.record(z.string(), z.number()).nullish(),
  CVSS: z.record(z.string(), cvss).nullish(),
});

/** The report. */
export const trivyReportSchema = z.object({
  SchemaVersion: z.number(),
  ArtifactName: z.string().optional(),
  Results: z
    .array(
      z.object({
        Target: z.string(),
        Class: z.string().optional(),
        Type: z.string().optional(),
        Vulnerabilities: z.array(trivyVulnerabilitySchema).nullish(),
      }),
    )
    .nullish(),
});

/** A detected vulnerability, as the schema types it. */
export type TrivyVulnerability = z.infer<typeof trivyVulnerabilitySchema>;
