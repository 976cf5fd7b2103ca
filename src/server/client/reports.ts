/**
 * The ingestion payloads a CI export sends (schemas in src/server/services/ingest-schema.ts), built from what
 * `lucent analyze` and `lucent scan` already hold. The resource is identified the same way by both commands, so a
 * content analysis from a build stage and a scan from a later stage land on the same resource.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../matcher/match.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import type { SuppressedFinding } from '../../policy/policy.ts';
import { scannersOf } from '../../report/report-data.ts';
import type { CisResult } from '../../runtime/cis/check.ts';
import type {
  ContentAnalysisReport,
  IngestCisCheck,
  IngestFinding,
  IngestPackage,
  IngestResource,
  VulnerabilityScanReport,
} from '../services/ingest-schema.ts';

/**
 * The resource of an analysis: an image by its manifest digest (else its config digest, the image ID), anything else
 * (a directory, a file, an SBOM) by a SHA-256 over its inventory: the sorted purls and package locations and the OS.
 * Two runs over unchanged content give the same hash; no file is read again.
 */
export function resourceOf(result: AnalysisResult): IngestResource {
  const { image } = result;
  const digest = image.manifest?.digest ?? image.configDigest;
  const kind = image.source.kind;
  if (digest && kind !== 'dir' && kind !== 'file' && kind !== 'sbom') {
    return { name: image.name, hash: digest, type: 'IMAGE' };
  }
  const type = kind === 'file' ? 'FILE' : kind === 'sbom' ? 'SBOM' : 'DIRECTORY';
  return { name: image.name, hash: `sha256:${inventoryHash(result)}`, type };
}

/** The content analysis of a resource, with its CycloneDX SBOM for download and re-matching. */
export function contentAnalysisReport(
  result: AnalysisResult,
  options: { sbom?: unknown; durationMs?: number; reportedAt?: Date },
): ContentAnalysisReport {
  const packages = result.inventory.packages.map(packageOf);
  return {
    ...common(result, options),
    packages,
    analyzers: [...new Set(result.inventory.packages.flatMap((pkg) => pkg.foundBy))].sort(),
    ...(options.sbom !== undefined ? { sbom: { format: 'cyclonedx-json' as const, document: options.sbom } } : {}),
  };
}

/**
 * The vulnerability scan of a resource: every finding, those that a VEX statement or an ignore rule suppressed marked
 * as suppressed (the server stores them but does not count them). `--only-fixed` is a view, not a statement about the
 * finding, so what it hides is sent as an ordinary finding.
 */
export function vulnerabilityScanReport(
  result: AnalysisResult,
  findings: { reported: readonly Finding[]; suppressed: readonly SuppressedFinding[] },
  options: { durationMs?: number; reportedAt?: Date; scanners?: readonly string[] },
): VulnerabilityScanReport {
  const byPurl = new Map(result.inventory.packages.map((pkg) => [pkg.purl, pkg]));
  const all = [
    ...findings.reported.map((finding) => ({ finding, suppressed: false })),
    ...findings.suppressed.map(({ finding, source }) => ({ finding, suppressed: source !== 'only-fixed' })),
  ];
  const reported = all.map(({ finding, suppressed }) =>
    findingOf(finding, suppressed, byPurl.get(finding.packagePurl)?.type),
  );
  // Every scanner that ran, also those that found nothing; else the ones the findings name.
  const scanners = options.scanners ?? [...new Set(reported.flatMap((finding) => finding.scanners ?? []))].sort();
  return { ...common(result, options), findings: reported, scanners: [...scanners] };
}

function common(result: AnalysisResult, options: { durationMs?: number; reportedAt?: Date }) {
  const { inventory } = result;
  return {
    resource: resourceOf(result),
    source: 'CICD' as const,
    ...(options.reportedAt ? { reportedAt: options.reportedAt.toISOString() } : {}),
    ...(options.durationMs !== undefined ? { durationMs: Math.round(options.durationMs) } : {}),
    ...(inventory.os ? { os: { ...inventory.os } } : {}),
    ...(inventory.layers.length > 0 && result.image.manifest
      ? {
          layers: inventory.layers.map((layer) => ({
            diffId: layer.diffId,
            ...(layer.createdBy ? { createdBy: layer.createdBy } : {}),
          })),
        }
      : {}),
  };
}

/** CIS results as the ingestion endpoints take them (KubeClarity's code, level, title, descriptions). */
export function cisChecksOf(results: readonly CisResult[]): IngestCisCheck[] {
  return results.map((check) => ({
    code: check.code,
    level: check.level,
    title: check.title,
    descriptions: [...check.details],
  }));
}

function packageOf(pkg: AnalysisResult['inventory']['packages'][number]): IngestPackage {
  return {
    purl: pkg.purl,
    name: pkg.namespace && !['deb', 'apk', 'rpm'].includes(pkg.type) ? `${pkg.namespace}/${pkg.name}` : pkg.name,
    version: pkg.version,
    type: pkg.type,
    ...(pkg.licenses && pkg.licenses.length > 0 ? { licenses: pkg.licenses } : {}),
    foundBy: pkg.foundBy,
    locations: pkg.locations.map((location) => ({
      path: location.path,
      ...(location.layerDiffId ? { layerDiffId: location.layerDiffId } : {}),
    })),
  };
}

function findingOf(finding: Finding, suppressed: boolean, packageType: string | undefined): IngestFinding {
  const vector = finding.severity?.vector;
  const cvss = vector?.startsWith('CVSS:4')
    ? { v4: { vector, ...scoreOf(finding) } }
    : vector?.startsWith('CVSS:3')
      ? { v3: { vector, ...scoreOf(finding) } }
      : undefined;
  return {
    id: finding.id,
    aliases: finding.aliases,
    packagePurl: finding.packagePurl,
    packageName: finding.packageName,
    installedVersion: finding.installedVersion,
    ...(packageType ? { packageType } : {}),
    fixedVersions: finding.fixedVersions,
    ...(finding.summary ? { summary: finding.summary } : {}),
    ...(finding.severity ? { severity: finding.severity } : {}),
    ...(cvss ? { cvss } : {}),
    evidence: finding.evidence,
    ...(finding.kev ? { kev: { ...finding.kev } } : {}),
    ...(finding.epss ? { epss: finding.epss } : {}),
    scanners: scannersOf(finding),
    ...(suppressed ? { suppressed: true } : {}),
  };
}

function scoreOf(finding: Finding): { score?: number } {
  return finding.severity?.score !== undefined ? { score: finding.severity.score } : {};
}

function inventoryHash(result: AnalysisResult): string {
  const { inventory } = result;
  const packages = inventory.packages
    .map((pkg) => [pkg.purl, ...pkg.locations.map((location) => location.path).sort()].join('\u0000'))
    .sort();
  return createHash('sha256')
    .update(JSON.stringify({ os: inventory.os ?? null, packages }))
    .digest('hex');
}
