/** The names of the report formats, apart from their encoders so the CLI can list them cheaply. */

/** The report formats `lucent scan -o` writes. */
export const REPORT_FORMATS = ['table', 'json', 'sarif', 'cyclonedx-json', 'csv'] as const;

/** One of the report formats. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];
