/**
 * Scan reports (DESIGN §7): one entry point for `lucent scan -o <format>`, dispatching to the encoder in
 * `formats/<format>/encode.ts`. Every format reads the same input: the analysis, the reported findings and the
 * suppressed ones with their reasons.
 */
import type { Finding } from '../matcher/match.ts';
import type { AnalysisResult } from '../pipeline/analyze.ts';
import type { ReportFormat } from './report-formats.ts';

export { REPORT_FORMATS, type ReportFormat } from './report-formats.ts';

/** A finding that the policy, an ignore file or a VEX statement took out of the report. */
export interface SuppressedFinding {
  finding: Finding;
  /** Why, in words (the ignore entry's reason, the VEX statement, the policy option). */
  reason: string;
  /**
   * A VEX justification, when a statement gave one: an OpenVEX name (`vulnerable_code_not_present`, …) or a
   * CycloneDX one (`code_not_present`, …). Only then does CycloneDX output say `not_affected`.
   */
  justification?: string;
}

/** What a report encoder needs; timestamp and serial number are fixed only by tests (defaults: now, a random UUID). */
export interface ScanReportInput {
  analysis: AnalysisResult;
  findings: Finding[];
  suppressed?: SuppressedFinding[];
  tool: { name: string; version: string };
  timestamp?: Date;
  /** `urn:uuid:<uuid>`, for CycloneDX. */
  serialNumber?: string;
}

/** Rendering options: only the table uses them. */
export interface ReportOptions {
  /** ANSI colours (the CLI sets it on a TTY without NO_COLOR). */
  color?: boolean;
}

/** A report encoder. */
export type ReportEncoder = (input: ScanReportInput, options: ReportOptions) => string;

/** Loads the encoder of one format (each pulls in its own libraries, so only the one used is loaded). */
const ENCODERS: Record<ReportFormat, () => Promise<ReportEncoder>> = {
  table: async () => (await import('./formats/table/encode.ts')).encodeTable,
  json: async () => (await import('./formats/json/encode.ts')).encodeJson,
  sarif: async () => (await import('./formats/sarif/encode.ts')).encodeSarif,
  'cyclonedx-json': async () => (await import('./formats/cyclonedx-json/encode.ts')).encodeCycloneDxJsonReport,
  csv: async () => (await import('./formats/csv/encode.ts')).encodeCsv,
};

/** Encodes a scan report in one of the report formats. */
export async function encodeReport(
  format: ReportFormat,
  input: ScanReportInput,
  options: ReportOptions = {},
): Promise<string> {
  return (await ENCODERS[format]())(input, options);
}
