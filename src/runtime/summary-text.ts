/** The summary `lucent runtime scan` prints: totals, one line per image, and the failures with their pods. */
import { SEVERITY_LEVELS } from '../matcher/match.ts';
import type { ImageProgress, RunRecord } from './store/runtime-store.ts';

/** Formats a finished run for a terminal. */
export function formatRunSummary(run: RunRecord, images: readonly ImageProgress[]): string {
  const summary = run.summary;
  const lines: string[] = [];
  const seconds = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : undefined;
  const where = run.scannedNamespaces.length > 0 ? run.scannedNamespaces.join(', ') : '(none)';
  lines.push(
    `Runtime scan ${run.status}${seconds !== undefined ? ` in ${seconds.toFixed(1)}s` : ''}; namespaces: ${where}`,
  );
  if (summary) {
    lines.push(`Pods: ${summary.pods} (${summary.skippedPods} skipped), containers: ${summary.containers}`);
    lines.push(
      `Images: ${summary.images} unique (${summary.pulled} pulled, ${summary.rematched} re-matched, ${summary.current} up to date, ${summary.failed} failed)`,
    );
    lines.push(`Applications: ${summary.applications}`);
    lines.push(`Packages: ${summary.packages}`);
    const total = Object.values(summary.vulnerabilities).reduce((sum, count) => sum + count, 0);
    const levels = SEVERITY_LEVELS.map((level) => `${level} ${summary.vulnerabilities[level] ?? 0}`).join(', ');
    lines.push(`Vulnerabilities: ${total} (${levels})`);
    if (run.options.cis) {
      lines.push(
        `CIS Docker Benchmark: FATAL ${summary.cis.FATAL ?? 0}, WARN ${summary.cis.WARN ?? 0}, INFO ${summary.cis.INFO ?? 0}`,
      );
    }
  }
  if (images.length > 0) {
    lines.push('');
    const rows = images.map((image) => [
      image.name,
      image.digest.slice(0, 19),
      image.action,
      image.state,
      String(image.pods.length),
    ]);
    const header = ['IMAGE', 'DIGEST', 'ACTION', 'STATE', 'PODS'];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    for (const row of [header, ...rows]) {
      lines.push(
        row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  '),
      );
    }
  }
  if (run.failures.length > 0) {
    lines.push('', 'Failures:');
    for (const failure of run.failures) lines.push(`  ${failure}`);
  }
  return lines.join('\n');
}
