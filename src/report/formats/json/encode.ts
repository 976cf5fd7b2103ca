/**
 * The JSON report: a stable, documented schema (`schema.ts`, docs/reports.md). Every key is always present, with
 * `null` for what is unknown, so consumers (jq, dashboards) never test for missing keys. Findings are in report order.
 */
import type { PackageLocation } from '../../../core/package.ts';
import type { Finding } from '../../../matcher/match.ts';
import type { CIS_LEVELS, CisResult } from '../../../runtime/cis/check.ts';
import type { ScanReportInput } from '../../encode.ts';
import {
  advisoryUrl,
  packageIndex,
  purlType,
  reportOrder,
  scannersOf,
  severityLevel,
  summarize,
  suppressedCount,
  suppressedInOrder,
} from '../../report-data.ts';
import type { JsonFinding, JsonReport } from './schema.ts';

/** Encodes a scan as the JSON report (schema version 1). */
export function encodeJson(input: ScanReportInput): string {
  return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
}

/** The JSON report as an object. */
export function jsonReport(input: ScanReportInput): JsonReport {
  const { image, inventory } = input.analysis;
  const packageOf = packageIndex(input.analysis);
  const toJson = (finding: Finding): JsonFinding => jsonFinding(finding, packageOf(finding.packagePurl));
  const os = inventory.os;
  const suppressed = suppressedInOrder(input.suppressed);
  return {
    schemaVersion: 1,
    tool: { name: input.tool.name, version: input.tool.version },
    timestamp: (input.timestamp ?? new Date()).toISOString(),
    source: {
      kind: image.source.kind,
      reference: image.source.reference,
      name: image.name,
      manifestDigest: image.manifest?.digest ?? null,
      configDigest: image.configDigest ?? null,
      platform: image.platform
        ? [image.platform.os, image.platform.architecture, image.platform.variant].filter(Boolean).join('/')
        : null,
      tags: [...image.repoTags],
    },
    os: os
      ? {
          id: os.id,
          versionId: os.versionId ?? null,
          codename: os.versionCodename ?? null,
          prettyName: os.prettyName ?? null,
        }
      : null,
    summary: { ...summarize(input.findings), suppressed: suppressedCount(input) },
    findings: reportOrder(input.findings).map(toJson),
    suppressed: suppressed.map(({ finding, source, reason, justification, status, origin }) => ({
      ...toJson(finding),
      suppression: {
        source,
        reason,
        justification: justification ?? null,
        status: status ?? null,
        origin: origin ?? null,
      },
    })),
    ...(input.cis
      ? {
          cis: {
            countPerLevel: countPerLevel(input.cis),
            checks: input.cis.map(({ code, level, title, details }) => ({ code, level, title, details: [...details] })),
          },
        }
      : {}),
  };
}

function countPerLevel(results: readonly CisResult[]): Record<(typeof CIS_LEVELS)[number], number> {
  const counts = { INFO: 0, WARN: 0, FATAL: 0 };
  for (const result of results) counts[result.level] += 1;
  return counts;
}

function jsonFinding(finding: Finding, pkg: ReturnType<ReturnType<typeof packageIndex>>): JsonFinding {
  const locations = pkg?.locations ?? finding.evidence.flatMap((evidence) => evidence.location ?? []);
  return {
    id: finding.id,
    aliases: [...finding.aliases],
    summary: finding.summary ?? null,
    url: advisoryUrl(finding.id),
    package: {
      name: finding.packageName,
      version: finding.installedVersion,
      purl: finding.packagePurl,
      type: pkg?.type ?? purlType(finding.packagePurl),
      locations: locations.map(jsonLocation),
    },
    fixedVersions: [...finding.fixedVersions],
    severity: {
      level: severityLevel(finding),
      score: finding.severity?.score ?? null,
      vector: finding.severity?.vector ?? null,
      source: finding.severity?.source ?? null,
    },
    kev: finding.kev
      ? {
          dateAdded: finding.kev.dateAdded,
          dueDate: finding.kev.dueDate ?? null,
          knownRansomwareCampaignUse: finding.kev.knownRansomwareCampaignUse ?? null,
        }
      : null,
    epss: finding.epss ? { score: finding.epss.epss, percentile: finding.epss.percentile } : null,
    scanners: scannersOf(finding),
    variants: (finding.variants ?? []).map((variant) => ({
      scanner: variant.scanner,
      id: variant.id,
      severity: {
        level: variant.severity?.level ?? 'UNKNOWN',
        score: variant.severity?.score ?? null,
        vector: variant.severity?.vector ?? null,
        source: variant.severity?.source ?? null,
      },
      fixedVersions: [...variant.fixedVersions],
    })),
    evidence: finding.evidence.map((evidence) => ({
      recordId: evidence.recordId,
      ecosystem: evidence.ecosystem,
      comparator: evidence.comparator,
      comparedVersion: evidence.comparedVersion,
      kind: evidence.kind,
      rangeType: evidence.rangeType ?? null,
      introduced: evidence.introduced ?? null,
      fixed: evidence.fixed ?? null,
      lastAffected: evidence.lastAffected ?? null,
      limit: evidence.limit ?? null,
      location: evidence.location ? jsonLocation(evidence.location) : null,
    })),
  };
}

function jsonLocation(location: PackageLocation): JsonFinding['package']['locations'][number] {
  return {
    path: location.path,
    layerDiffId: location.layerDiffId ?? null,
    layerIndex: location.layerIndex ?? null,
  };
}
