/**
 * Scan reports (DESIGN §7): one entry point for `lucent scan -o <format>`, dispatching to the encoder in
 * `formats/<format>/encode.ts`. Every format reads the same input: the analysis, the reported findings and the
 * suppressed ones with their reasons.
 */
import type { Finding } from '../matcher/match.ts';
import type { AnalysisResult } from '../pipeline/analyze.ts';
import type { SuppressedFinding } from '../policy/policy.ts';
import type { CisResult } from '../runtime/cis/check.ts';
import type { ReportFormat } from './report-formats.ts';

/** A finding that the policy, an ignore file or a VEX statement took out of the report (defined by the policy). */
export type { SuppressedFinding } from '../policy/policy.ts';
export { REPORT_FORMATS, type ReportFormat } from './report-formats.ts';

/** What a report encoder needs; timestamp and serial number are fixed only by tests (defaults: now, a random UUID). */
export interface ScanReportInput {
  analysis: AnalysisResult;
  findings: Finding[];
  /** The suppressed findings to show (`--show-suppressed`); without them, only `suppressedCount` is reported. */
  suppressed?: SuppressedFinding[];
  /** How many findings were suppressed, for the summary; defaults to the length of `suppressed`. */
  suppressedCount?: number;
  tool: { name: string; version: string };
  timestamp?: Date;
  /** `urn:uuid:<uuid>`, for CycloneDX. */
  serialNumber?: string;
  /** The failed CIS Docker Benchmark checks, when they ran (`--cis`); the JSON report and the table show them. */
  cis?: CisResult[];
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
