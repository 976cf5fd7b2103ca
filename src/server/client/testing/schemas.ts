/** Checks client payloads against the server's own ingestion schemas, so the two never drift apart. */
import {
  type ContentAnalysisReport,
  contentAnalysisReportSchema,
  type VulnerabilityScanReport,
  vulnerabilityScanReportSchema,
} from '../../services/ingest-schema.ts';

/** Whether each payload passes the server's schema (strict about unknown keys, to catch misspelt fields). */
export function checkAgainstIngestSchemas(
  analysis: ContentAnalysisReport,
  scan: VulnerabilityScanReport,
): { analysis: boolean; scan: boolean } {
  return {
    analysis: contentAnalysisReportSchema.strict().safeParse(analysis).success,
    scan: vulnerabilityScanReportSchema.strict().safeParse(scan).success,
  };
}
