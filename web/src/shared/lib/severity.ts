/**
 * Vulnerability severities as the API names them, highest first, with display names and CSS colour tokens. UNKNOWN
 * (nobody rated the finding, e.g. a distro advisory without a CVSS score) ranks lowest, as on the server.
 */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'NEGLIGIBLE', 'UNKNOWN'] as const;

/** One severity level of the API. */
export type Severity = (typeof SEVERITIES)[number];

/** A count of findings at one severity, the API's `VulnerabilityCount`. */
export interface SeverityCount {
  severity: string;
  count: number;
}

const LABELS: Record<Severity, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  NEGLIGIBLE: 'Negligible',
  UNKNOWN: 'Unknown',
};

/** Whether a string is one of the API's severities. */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Human label for a severity ("High"); unknown values are shown as given. */
export function severityLabel(value: string): string {
  return isSeverity(value) ? LABELS[value] : value;
}

/** CSS custom property holding a severity's colour (defined per theme in the app's stylesheet). */
export function severityColor(value: string): string {
  return isSeverity(value) ? `var(--sev-${value.toLowerCase()})` : 'var(--sev-unknown)';
}

/** Rank for sorting: 0 for CRITICAL … 5 for UNKNOWN, 6 for anything else. */
export function severityRank(value: string): number {
  const index = (SEVERITIES as readonly string[]).indexOf(value);
  return index < 0 ? SEVERITIES.length : index;
}

/** Counts in canonical order (highest first), zero-filled for missing severities. */
export function normalizeCounts(counts: readonly SeverityCount[] | null | undefined): SeverityCount[] {
  const by = new Map<string, number>();
  for (const entry of counts ?? []) by.set(entry.severity, (by.get(entry.severity) ?? 0) + entry.count);
  return SEVERITIES.map((severity) => ({ severity, count: by.get(severity) ?? 0 }));
}

/** Sum of all counts. */
export function totalCount(counts: readonly SeverityCount[] | null | undefined): number {
  return (counts ?? []).reduce((sum, entry) => sum + entry.count, 0);
}
