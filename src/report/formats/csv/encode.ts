/**
 * CSV (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180): a header and one record per reported finding, in report
 * order, with CRLF line breaks. Fields holding a comma, a quote or a line break are quoted, quotes doubled. Lists
 * (fixed versions, scanners, aliases) are space-separated: no version or id contains a space. EPSS is the raw
 * probability and KEV `true`/`false`, for spreadsheets and scripts rather than eyes. Suppressed findings, when listed
 * (`--show-suppressed`), follow the reported ones with the four SUPPRESS… columns filled in; those are empty otherwise.
 */
import type { Finding } from '../../../matcher/match.ts';
import type { ScanReportInput, SuppressedFinding } from '../../encode.ts';
import { reportOrder, scannersOf, severityLevel, suppressedInOrder } from '../../report-data.ts';

/**
 * The CSV columns: the table's, then score, EPSS percentile, purl and aliases, then the suppression: what
 * (`vex:not_affected`, `vex:fixed`, `ignore-file`, `only-fixed`), the VEX justification, the reason, and where it was
 * written.
 */
export const CSV_COLUMNS = [
  'NAME',
  'INSTALLED',
  'FIXED-IN',
  'VULNERABILITY',
  'SEVERITY',
  'SCANNERS',
  'KEV',
  'EPSS',
  'SCORE',
  'EPSS-PERCENTILE',
  'PURL',
  'ALIASES',
  'SUPPRESSED-BY',
  'JUSTIFICATION',
  'SUPPRESSION-REASON',
  'SUPPRESSION-ORIGIN',
] as const;

/** Encodes the reported findings as CSV. */
export function encodeCsv(input: ScanReportInput): string {
  const records = [
    [...CSV_COLUMNS],
    ...reportOrder(input.findings).map((finding) => csvRecord(finding)),
    ...suppressedInOrder(input.suppressed).map((entry) => csvRecord(entry.finding, entry)),
  ];
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

function csvRecord(finding: Finding, suppression?: SuppressedFinding): string[] {
  return [
    finding.packageName,
    finding.installedVersion,
    finding.fixedVersions.join(' '),
    finding.id,
    severityLevel(finding),
    scannersOf(finding).join(' '),
    finding.kev ? 'true' : 'false',
    finding.epss ? String(finding.epss.epss) : '',
    finding.severity?.score !== undefined ? String(finding.severity.score) : '',
    finding.epss ? String(finding.epss.percentile) : '',
    finding.packagePurl,
    finding.aliases.join(' '),
    suppression ? (suppression.status ? `${suppression.source}:${suppression.status}` : suppression.source) : '',
    suppression?.justification ?? '',
    suppression?.reason ?? '',
    suppression?.origin ?? '',
  ];
}

/** RFC 4180 §2.6–2.7: quote a field that holds a comma, a quote, CR or LF, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
