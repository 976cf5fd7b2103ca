/**
 * The ingestion payloads (docs/server-api.md, "Ingestion"), as zod schemas the routes validate bodies with and the
 * types the services take. They map one to one from Lucent's in-memory results: a `Package` (src/core/package.ts) is
 * an `IngestPackage`, a `Finding` (src/matcher/match.ts) is an `IngestFinding`, so the CLI export and the runtime
 * scanner send what they already hold. Unknown fields are ignored (a full `Package` or `Finding` passes as it is).
 */
import { z } from 'zod';
import { RESOURCE_TYPES, VULNERABILITY_SOURCES } from '../repositories/list-specs.ts';

const text = z.string().max(4096);
const name = z.string().min(1).max(1024);
const shortList = z.array(z.string().min(1).max(256)).max(256);

/** The resource a report is about: an image (by digest), a directory or file (by content hash). */
export const ingestResourceSchema = z.object({
  name,
  hash: z.string().min(1).max(512),
  type: z.enum(RESOURCE_TYPES),
});

/** Where a package was found. */
export const ingestLocationSchema = z.object({
  path: text,
  layerDiffId: z.string().max(256).optional(),
});

/** A package: Lucent's `Package`, or KubeClarity's `{name, version, language, license}`. */
export const ingestPackageSchema = z.object({
  /** The package's identity; without it, name + version + language (or type) identify the package. */
  purl: z.string().min(1).max(2048).optional(),
  name,
  version: z.string().max(512),
  /** purl type (deb, npm, …). */
  type: z.string().max(64).optional(),
  /** KubeClarity's language (javascript, python, go, java, …); derived from the purl type when absent. */
  language: z.string().max(64).optional(),
  licenses: z.array(text).max(64).optional(),
  /** KubeClarity's single license, when `licenses` is absent. */
  license: text.optional(),
  /** Analyzers that reported it. */
  foundBy: shortList.optional(),
  locations: z.array(ingestLocationSchema).max(1024).optional(),
});

/** A finding's severity, as enrichment gives it. */
export const ingestSeveritySchema = z.object({
  level: z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN']),
  score: z.number().min(0).max(10).optional(),
  vector: z.string().max(512).optional(),
  source: z.string().max(512).optional(),
});

const cvssSchema = z.object({ vector: z.string().max(512), score: z.number().min(0).max(10).optional() });

/** One vulnerability in one package: Lucent's `Finding`, plus optional scanner names, links and CVSS detail. */
export const ingestFindingSchema = z.object({
  /** Advisory id: CVE-…, GHSA-…, … */
  id: z.string().min(1).max(256),
  aliases: z.array(z.string().max(256)).max(256).optional(),
  /** The package, by purl (as in the package list); else by name and version (+ type/language). */
  packagePurl: z.string().min(1).max(2048).optional(),
  packageName: name,
  installedVersion: z.string().max(512),
  packageType: z.string().max(64).optional(),
  packageLanguage: z.string().max(64).optional(),
  fixedVersions: z.array(z.string().max(512)).max(256).optional(),
  summary: text.optional(),
  description: z.string().max(65536).optional(),
  links: z.array(z.string().max(2048)).max(256).optional(),
  severity: ingestSeveritySchema.optional(),
  cvss: z.object({ v3: cvssSchema.optional(), v4: cvssSchema.optional() }).optional(),
  /** The matcher's evidence (record, range, comparator, location), kept as given. */
  evidence: z.array(z.unknown()).max(256).optional(),
  kev: z
    .object({ cveId: z.string().max(64) })
    .loose()
    .optional(),
  epss: z.object({ cveId: z.string().max(64), epss: z.number(), percentile: z.number() }).optional(),
  /** Scanners that reported it; default: the report's scanners. */
  scanners: shortList.optional(),
  /** Suppressed by policy (VEX, ignore rules): stored, but not counted or listed. */
  suppressed: z.boolean().optional(),
});

/** A layer of an image. */
export const ingestLayerSchema = z.object({
  diffId: z.string().min(1).max(256),
  createdBy: z.string().max(65536).optional(),
});

/** A CIS Docker Benchmark result (dockle). */
export const ingestCisCheckSchema = z.object({
  code: z.string().min(1).max(64),
  level: z.enum(['INFO', 'WARN', 'FATAL']),
  title: z.string().max(1024).optional(),
  descriptions: z.array(text).max(256).optional(),
});

/** The operating system of a resource. */
export const ingestOsSchema = z
  .object({ id: z.string().max(64), versionId: z.string().max(64).optional(), prettyName: text.optional() })
  .loose();

const reportFields = {
  resource: ingestResourceSchema,
  /** Report time (ISO-8601); default: when the server receives it. Re-sending a report with its time is idempotent. */
  reportedAt: z.iso.datetime({ offset: true }).optional(),
  source: z.enum(VULNERABILITY_SOURCES).optional(),
  durationMs: z.number().int().min(0).optional(),
  os: ingestOsSchema.optional(),
  layers: z.array(ingestLayerSchema).max(1024).optional(),
};

/** POST /applications/contentAnalysis/{id}: the packages of a resource, which replace the ones stored for it. */
export const contentAnalysisReportSchema = z.object({
  ...reportFields,
  packages: z.array(ingestPackageSchema).max(200_000),
  /** Every analyzer that ran (also those that found nothing); default: the union of the packages' foundBy. */
  analyzers: shortList.optional(),
  /** The SBOM document (CycloneDX JSON), stored for download and re-matching. */
  sbom: z.object({ format: z.literal('cyclonedx-json'), document: z.unknown() }).optional(),
});

/** POST /applications/vulnerabilityScan/{id}: the findings of a resource, which replace the ones stored for it. */
export const vulnerabilityScanReportSchema = z.object({
  ...reportFields,
  findings: z.array(ingestFindingSchema).max(1_000_000),
  /** The package set, when the scan analyzed the resource itself: replaces the stored one as content analysis does. */
  packages: z.array(ingestPackageSchema).max(200_000).optional(),
  /** Every scanner that ran. */
  scanners: shortList.optional(),
  /** CIS results: replace the stored ones when given. */
  cisChecks: z.array(ingestCisCheckSchema).max(4096).optional(),
});

/** A resource. */
export type IngestResource = z.infer<typeof ingestResourceSchema>;
/** A package. */
export type IngestPackage = z.infer<typeof ingestPackageSchema>;
/** A finding. */
export type IngestFinding = z.infer<typeof ingestFindingSchema>;
/** A content analysis report. */
export type ContentAnalysisReport = z.infer<typeof contentAnalysisReportSchema>;
/** A CIS Docker Benchmark result. */
export type IngestCisCheck = z.infer<typeof ingestCisCheckSchema>;
/** A vulnerability scan report. */
export type VulnerabilityScanReport = z.infer<typeof vulnerabilityScanReportSchema>;
