/**
 * Grype's JSON as scanner findings, pure. The id is Grype's (a CVE for most distro and NVD records, a GHSA for GitHub
 * records), the related records' ids are aliases, the fix versions count only when Grype says the state is `fixed`,
 * and the CVSS vector shown is the highest CVSS version Grype lists for the record, NVD's "Primary" first.
 */
import type { ScannerFinding } from '../scanner.ts';
import { otherIds, scannerSeverity } from '../scanner-severity.ts';
import { type GrypeMatch, grypeDocumentSchema } from './schema.ts';

/** Parses `grype … -o json` output; throws when it is no Grype document. */
export function parseGrypeOutput(text: string): ScannerFinding[] {
  const document = grypeDocumentSchema.parse(JSON.parse(text));
  return (document.matches ?? []).map(grypeFinding);
}

function grypeFinding(match: GrypeMatch): ScannerFinding {
  const { vulnerability, artifact } = match;
  const fix = vulnerability.fix;
  const cvss = bestCvss(vulnerability.cvss ?? []);
  const summary = vulnerability.description ?? match.relatedVulnerabilities?.find((r) => r.description)?.description;
  return {
    id: vulnerability.id,
    aliases: otherIds(
      vulnerability.id,
      (match.relatedVulnerabilities ?? []).map((related) => related.id),
    ),
    ...(artifact.purl ? { purl: artifact.purl } : {}),
    packageName: artifact.name,
    installedVersion: artifact.version,
    fixedVersions: fix?.state === 'fixed' ? [...(fix.versions ?? [])] : [],
    severity: scannerSeverity(
      vulnerability.severity,
      vulnerability.namespace ? `grype:${vulnerability.namespace}` : 'grype',
      cvss ? { score: cvss.metrics.baseScore, vector: cvss.vector } : {},
    ),
    ...(summary ? { summary } : {}),
  };
}

type Cvss = NonNullable<GrypeMatch['vulnerability']['cvss']>[number];

/** The entry with the highest CVSS version; among equals, NVD's Primary score first, then the first listed. */
function bestCvss(entries: readonly Cvss[]): Cvss | undefined {
  let best: Cvss | undefined;
  for (const entry of entries) {
    if (!best) {
      best = entry;
      continue;
    }
    const byVersion = Number.parseFloat(entry.version) - Number.parseFloat(best.version);
    if (byVersion > 0 || (byVersion === 0 && entry.type === 'Primary' && best.type !== 'Primary')) best = entry;
  }
  return best;
}
