/**
 * Dependency-Track's findings as scanner findings, pure. The id is `vulnId` (a CVE for NVD, a GHSA for GitHub, an OSV
 * or Snyk id…), every alias id is an alias, and the severity is Dependency-Track's with its CVSS v4, else v3, else v2
 * vector (v2 vectors are stored in parentheses). Dependency-Track's findings carry no fixed versions. Findings an
 * analyst has marked NOT_AFFECTED or FALSE_POSITIVE, or suppressed, are left out.
 */
import type { ScannerFinding } from '../scanner.ts';
import { otherIds, scannerSeverity } from '../scanner-severity.ts';
import { type DtFinding, dtFindingsSchema } from './schema.ts';

const NOT_FINDINGS = new Set(['NOT_AFFECTED', 'FALSE_POSITIVE']);

/** Parses the body of `GET /api/v1/finding/project/{uuid}`; throws when it is no list of findings. */
export function parseDependencyTrackFindings(body: unknown): ScannerFinding[] {
  return dtFindingsSchema
    .parse(body)
    .filter((finding) => !finding.analysis?.isSuppressed && !NOT_FINDINGS.has(finding.analysis?.state ?? ''))
    .map(dtFinding);
}

function dtFinding(finding: DtFinding): ScannerFinding {
  const { component, vulnerability } = finding;
  const summary = vulnerability.title ?? vulnerability.description;
  return {
    id: vulnerability.vulnId,
    aliases: otherIds(
      vulnerability.vulnId,
      (vulnerability.aliases ?? []).flatMap((alias) => Object.values(alias)),
    ),
    ...(component.purl ? { purl: component.purl } : {}),
    packageName: component.name,
    installedVersion: component.version ?? '',
    fixedVersions: [],
    severity: scannerSeverity(
      vulnerability.severity,
      `dependency-track:${vulnerability.source}`,
      cvssOf(vulnerability),
    ),
    ...(summary ? { summary } : {}),
  };
}

function cvssOf(vulnerability: DtFinding['vulnerability']): { score?: number; vector?: string } {
  if (vulnerability.cvssV4Vector) return { vector: vulnerability.cvssV4Vector, score: vulnerability.cvssV4Score };
  if (vulnerability.cvssV3Vector) return { vector: vulnerability.cvssV3Vector, score: vulnerability.cvssV3BaseScore };
  if (vulnerability.cvssV2Vector) {
    return { vector: vulnerability.cvssV2Vector.replace(/^\((.*)\)$/, '$1'), score: vulnerability.cvssV2BaseScore };
  }
  return {};
}
