/**
 * KubeClarity's ingestion bodies, accepted next to Lucent's own so its CLI (`kubeclarity-cli … --export`) keeps
 * working: `POST /applications/contentAnalysis/{id}` with `{resources: [{resource, packages: [{package, analyzers}]}]}`
 * and `/vulnerabilityScan/{id}` with `{resources: [{resource, packageVulnerabilities, resourceLayerCommands,
 * cisDockerBenchmarkResults}]}` (KubeClarity's API definitions ApplicationContentAnalysis and
 * ApplicationVulnerabilityScan). Each resource becomes one of Lucent's reports; the routes store them all in one
 * transaction. Unknown fields are ignored, as for Lucent's bodies.
 */
import { z } from 'zod';
import { RESOURCE_TYPES } from '../repositories/list-specs.ts';
import type { ContentAnalysisReport, IngestCisCheck, VulnerabilityScanReport } from './ingest-schema.ts';

const text = z.string().max(4096);
const shortList = z.array(z.string().min(1).max(256)).max(256);

/** KubeClarity's ResourceInfo. */
const resourceInfoSchema = z.object({
  resourceHash: z.string().min(1).max(512),
  /** Optional in KubeClarity; the hash names the resource when it is missing. */
  resourceName: z.string().max(1024).optional(),
  resourceType: z.enum(RESOURCE_TYPES),
});

/** KubeClarity's PackageInfo: name, version, language, one license. */
const packageInfoSchema = z.object({
  name: z.string().min(1).max(1024),
  version: z.string().max(512).optional(),
  language: z.string().max(64).optional(),
  license: text.optional(),
});

/** KubeClarity's CVSS: the v3 metrics and vector breakdown; Lucent keeps the base score and the vector string. */
const cvssSchema = z.object({
  cvssV3Metrics: z
    .object({ baseScore: z.number().min(0).max(10).optional() })
    .loose()
    .optional(),
  cvssV3Vector: z
    .object({ vector: z.string().max(512).optional() })
    .loose()
    .optional(),
});

const severitySchema = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN']);

/** KubeClarity's PackageVulnerabilityScan. */
const packageVulnerabilitySchema = z.object({
  package: packageInfoSchema,
  vulnerabilityName: z.string().min(1).max(256),
  severity: severitySchema.optional(),
  fixVersion: z.string().max(512).optional(),
  description: z.string().max(65536).optional(),
  links: z.array(z.string().max(2048)).max(256).nullish(),
  cvss: cvssSchema.nullish(),
  scanners: shortList.nullish(),
  layerID: z.string().max(256).optional(),
});

/**
 * dockle's assessment levels, which KubeClarity's CLI sends as numbers (0 INFO, 1 WARN, 2 FATAL, then PASS, SKIP and
 * IGNORE, which are not findings); the level names are accepted too.
 */
const CIS_LEVELS: readonly (IngestCisCheck['level'] | undefined)[] = ['INFO', 'WARN', 'FATAL'];
const cisLevelSchema = z.union([
  z.number().int().min(0).max(16),
  z.enum(['INFO', 'WARN', 'FATAL', 'PASS', 'SKIP', 'IGNORE']),
]);

/** KubeClarity's CISDockerBenchmarkCodeInfo. */
const cisCodeInfoSchema = z.object({
  code: z.string().min(1).max(64),
  level: cisLevelSchema,
  assessments: z
    .array(z.object({ desc: text.optional(), filename: text.optional() }).loose())
    .max(256)
    .nullish(),
});

/** KubeClarity's ResourceLayerCommand. */
const layerCommandSchema = z.object({
  layer: z.string().max(256).optional(),
  command: z.string().max(65536).optional(),
});

/** POST /applications/contentAnalysis/{id}, KubeClarity's ApplicationContentAnalysis. */
export const kubeClarityContentAnalysisSchema = z.object({
  resources: z
    .array(
      z.object({
        resource: resourceInfoSchema,
        packages: z
          .array(z.object({ package: packageInfoSchema, analyzers: shortList.nullish() }))
          .max(200_000)
          .nullish(),
      }),
    )
    .min(1)
    .max(256),
});

/** POST /applications/vulnerabilityScan/{id}, KubeClarity's ApplicationVulnerabilityScan. */
export const kubeClarityVulnerabilityScanSchema = z.object({
  resources: z
    .array(
      z.object({
        resource: resourceInfoSchema,
        packageVulnerabilities: z.array(packageVulnerabilitySchema).max(1_000_000).nullish(),
        resourceLayerCommands: z.array(layerCommandSchema).max(1024).nullish(),
        cisDockerBenchmarkResults: z.array(cisCodeInfoSchema).max(4096).nullish(),
      }),
    )
    .min(1)
    .max(256),
});

/** A KubeClarity content analysis. */
export type KubeClarityContentAnalysis = z.infer<typeof kubeClarityContentAnalysisSchema>;
/** A KubeClarity vulnerability scan. */
export type KubeClarityVulnerabilityScan = z.infer<typeof kubeClarityVulnerabilityScanSchema>;

function resourceOf(info: z.infer<typeof resourceInfoSchema>) {
  return { name: info.resourceName || info.resourceHash, hash: info.resourceHash, type: info.resourceType };
}

function packageOf(info: z.infer<typeof packageInfoSchema>) {
  return {
    name: info.name,
    version: info.version ?? '',
    ...(info.language ? { language: info.language } : {}),
    ...(info.license ? { licenses: [info.license] } : {}),
  };
}

/** One of Lucent's content-analysis reports per resource of the body. */
export function contentAnalysisReportsOf(body: KubeClarityContentAnalysis): ContentAnalysisReport[] {
  return body.resources.map((entry) => ({
    resource: resourceOf(entry.resource),
    source: 'CICD',
    packages: (entry.packages ?? []).map((pkg) => ({ ...packageOf(pkg.package), foundBy: pkg.analyzers ?? [] })),
  }));
}

/** One of Lucent's vulnerability-scan reports per resource of the body. */
export function vulnerabilityScanReportsOf(body: KubeClarityVulnerabilityScan): VulnerabilityScanReport[] {
  return body.resources.map((entry) => {
    const findings = (entry.packageVulnerabilities ?? []).map((finding) => {
      const score = finding.cvss?.cvssV3Metrics?.baseScore;
      const vector = finding.cvss?.cvssV3Vector?.vector;
      return {
        id: finding.vulnerabilityName,
        packageName: finding.package.name,
        installedVersion: finding.package.version ?? '',
        ...(finding.package.language ? { packageLanguage: finding.package.language } : {}),
        fixedVersions: finding.fixVersion ? [finding.fixVersion] : [],
        ...(finding.description ? { description: finding.description } : {}),
        links: finding.links ?? [],
        severity: {
          level: finding.severity ?? 'UNKNOWN',
          ...(score !== undefined ? { score } : {}),
          ...(vector ? { vector } : {}),
          source: 'KubeClarity report',
        },
        ...(finding.scanners?.length ? { scanners: finding.scanners } : {}),
      };
    });
    const layers = (entry.resourceLayerCommands ?? []).filter((layer) => layer.layer);
    return {
      resource: resourceOf(entry.resource),
      source: 'CICD',
      findings,
      scanners: [...new Set(findings.flatMap((finding) => finding.scanners ?? []))].sort(),
      ...(layers.length > 0
        ? { layers: layers.map((layer) => ({ diffId: layer.layer ?? '', createdBy: layer.command ?? '' })) }
        : {}),
      ...(entry.cisDockerBenchmarkResults ? { cisChecks: cisChecksOf(entry.cisDockerBenchmarkResults) } : {}),
    };
  });
}

/** CIS results with a finding level (INFO, WARN, FATAL); dockle's PASS, SKIP and IGNORE are left out. */
function cisChecksOf(results: readonly z.infer<typeof cisCodeInfoSchema>[]): IngestCisCheck[] {
  return results.flatMap((result) => {
    const level =
      typeof result.level === 'number' ? CIS_LEVELS[result.level] : CIS_LEVELS.find((l) => l === result.level);
    if (!level) return [];
    const descriptions = (result.assessments ?? []).map((assessment) => assessment.desc ?? '').filter(Boolean);
    return [{ code: result.code, level, descriptions }];
  });
}
