/**
 * The terminal table: KubeClarity's columns (NAME INSTALLED FIXED-IN VULNERABILITY SEVERITY SCANNERS) plus KEV and
 * EPSS, in report order (severity highest first, then package), and a summary line. Colours are ANSI, through
 * `util.styleText`, and only when asked for: the caller decides (a TTY without NO_COLOR), so files and pipes stay plain.
 */
import { styleText } from 'node:util';
import type { SeverityLevel } from '../../../matcher/match.ts';
import { CIS_LEVELS, type CisResult } from '../../../runtime/cis/check.ts';
import type { ReportOptions, ScanReportInput } from '../../encode.ts';
import {
  formatEpss,
  reportOrder,
  scannersOf,
  severityLevel,
  summarize,
  suppressedCount,
  suppressedInOrder,
  suppressionLabel,
} from '../../report-data.ts';

type Style = Parameters<typeof styleText>[0];

/** The table's columns, in order. */
export const TABLE_COLUMNS = ['NAME', 'INSTALLED', 'FIXED-IN', 'VULNERABILITY', 'SEVERITY', 'SCANNERS', 'KEV', 'EPSS'];

/** The columns of the suppressed findings' table (`--show-suppressed`). */
export const SUPPRESSED_COLUMNS = ['NAME', 'INSTALLED', 'VULNERABILITY', 'SEVERITY', 'SUPPRESSED-BY', 'REASON'];

const SEVERITY_STYLES: Record<SeverityLevel, Style> = {
  CRITICAL: ['bold', 'red'],
  HIGH: 'red',
  MEDIUM: 'yellow',
  LOW: 'cyan',
  NEGLIGIBLE: 'dim',
  UNKNOWN: 'dim',
};

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
  const lines = findings.length > 0 ? alignedRows(TABLE_COLUMNS, rows, paint) : ['No vulnerabilities found.'];
  const suppressed = suppressedInOrder(input.suppressed);
  if (suppressed.length > 0) {
    const suppressedRows = suppressed.map((entry) => [
      entry.finding.packageName,
      entry.finding.installedVersion,
      entry.finding.id,
      severityLevel(entry.finding),
      suppressionLabel(entry),
      entry.origin ? `${entry.reason} [${entry.origin}]` : entry.reason,
    ]);
    lines.push('', paint('bold', `Suppressed (${suppressed.length}):`));
    lines.push(...alignedRows(SUPPRESSED_COLUMNS, suppressedRows, paint));
  }
  if (input.cis) lines.push('', ...cisLines(input.cis, paint));
  lines.push('', summaryLine(input, paint));
  return `${lines.join('\n')}\n`;
}

/** The CIS section (`--cis`): one row per failed check, its details below it. */
function cisLines(results: readonly CisResult[], paint: (style: Style, text: string) => string): string[] {
  if (results.length === 0) return [paint('bold', 'CIS Docker Benchmark: every check passed.')];
  const counts = CIS_LEVELS.toReversed().map((level) => `${level} ${results.filter((r) => r.level === level).length}`);
  const widths = [
    Math.max(4, ...results.map((result) => result.code.length)),
    Math.max(5, ...results.map((result) => result.level.length)),
  ];
  const row = (code: string, level: string, title: string) =>
    `${code.padEnd(widths[0] ?? 0)}  ${level.padEnd(widths[1] ?? 0)}  ${title}`;
  return [
    paint('bold', `CIS Docker Benchmark (${counts.join(', ')}):`),
    paint('bold', row('CODE', 'LEVEL', 'TITLE')),
    ...results.flatMap((result) => [
      row(result.code, result.level, result.title),
      ...result.details.map((detail) => `    - ${detail}`),
    ]),
  ];
}

/** A header and rows, padded to the widest cell of each column; severity and KEV cells coloured. */
function alignedRows(columns: string[], rows: string[][], paint: (style: Style, text: string) => string): string[] {
  const severityColumn = columns.indexOf('SEVERITY');
  const kevColumn = columns.indexOf('KEV');
  const widths = columns.map((header, column) =>
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
  return [
    line(columns, () => 'bold'),
    ...rows.map((row) =>
      line(row, (column, cell) => {
        if (column === severityColumn) return SEVERITY_STYLES[cell as SeverityLevel];
        if (column === kevColumn) return ['bold', 'red'];
        return undefined;
      }),
    ),
  ];
}

/** `6 vulnerabilities: 1 CRITICAL, 2 HIGH, …; 5 fixable, 1 KEV; 1 suppressed`. */
function summaryLine(input: ScanReportInput, paint: (style: Style, text: string) => string): string {
  const summary = summarize(input.findings);
  const counts = Object.entries(summary.bySeverity).map(([level, count]) =>
    paint(SEVERITY_STYLES[level as SeverityLevel], `${count} ${level}`),
  );
  const noun = summary.total === 1 ? 'vulnerability' : 'vulnerabilities';
  const suppressed = suppressedCount(input);
  return (
    `${summary.total} ${noun}: ${counts.join(', ')}; ${summary.fixable} fixable, ${summary.kev} KEV` +
    (suppressed > 0 ? `; ${suppressed} suppressed` : '')
  );
}
