/**
 * The terminal table: KubeClarity's columns (NAME INSTALLED FIXED-IN VULNERABILITY SEVERITY SCANNERS) plus KEV and
 * EPSS, in report order (severity highest first, then package), and a summary line. Colours are ANSI, through
 * `util.styleText`, and only when asked for: the caller decides (a TTY without NO_COLOR), so files and pipes stay plain.
 */
import { styleText } from 'node:util';
import type { SeverityLevel } from '../../../matcher/match.ts';
import type { ReportOptions, ScanReportInput } from '../../encode.ts';
import { formatEpss, reportOrder, scannersOf, severityLevel, summarize } from '../../report-data.ts';

type Style = Parameters<typeof styleText>[0];

/** The table's columns, in order. */
export const TABLE_COLUMNS = ['NAME', 'INSTALLED', 'FIXED-IN', 'VULNERABILITY', 'SEVERITY', 'SCANNERS', 'KEV', 'EPSS'];

const SEVERITY_STYLES: Record<SeverityLevel, Style> = {
  CRITICAL: ['bold', 'red'],
  HIGH: 'red',
  MEDIUM: 'yellow',
  LOW: 'cyan',
  NEGLIGIBLE: 'dim',
  UNKNOWN: 'dim',
};

const SEVERITY_COLUMN = TABLE_COLUMNS.indexOf('SEVERITY');
const KEV_COLUMN = TABLE_COLUMNS.indexOf('KEV');

/** Renders the reported findings as an aligned table with a summary line. */
export function encodeTable(input: ScanReportInput, options: ReportOptions): string {
  const paint = (style: Style, text: string) =>
    options.color ? styleText(style, text, { validateStream: false }) : text;
  const findings = reportOrder(input.findings);
  const rows = findings.map((finding) => [
    finding.packageName,
    finding.installedVersion,
    finding.fixedVersions.join(', '),
    finding.id,
    severityLevel(finding),
    scannersOf(finding).join(', '),
    finding.kev ? 'KEV' : '',
    formatEpss(finding.epss?.epss),
  ]);
  const widths = TABLE_COLUMNS.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  // Pad the plain text first, then colour it: escape codes have no width on screen.
  const line = (cells: string[], styleOf: (column: number, cell: string) => Style | undefined) =>
    cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0);
        const style = cell ? styleOf(column, cell) : undefined;
        return style ? paint(style, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const lines = findings.length > 0 ? [line(TABLE_COLUMNS, () => 'bold')] : ['No vulnerabilities found.'];
  for (const row of rows) {
    lines.push(
      line(row, (column, cell) => {
        if (column === SEVERITY_COLUMN) return SEVERITY_STYLES[cell as SeverityLevel];
        if (column === KEV_COLUMN) return ['bold', 'red'];
        return undefined;
      }),
    );
  }
  lines.push('', summaryLine(input, paint));
  return `${lines.join('\n')}\n`;
}

/** `6 vulnerabilities: 1 CRITICAL, 2 HIGH, …; 5 fixable, 1 KEV; 1 suppressed`. */
function summaryLine(input: ScanReportInput, paint: (style: Style, text: string) => string): string {
  const summary = summarize(input.findings);
  const counts = Object.entries(summary.bySeverity).map(([level, count]) =>
    paint(SEVERITY_STYLES[level as SeverityLevel], `${count} ${level}`),
  );
  const noun = summary.total === 1 ? 'vulnerability' : 'vulnerabilities';
  const suppressed = input.suppressed?.length ?? 0;
  return (
    `${summary.total} ${noun}: ${counts.join(', ')}; ${summary.fixable} fixable, ${summary.kev} KEV` +
    (suppressed > 0 ? `; ${suppressed} suppressed` : '')
  );
}
