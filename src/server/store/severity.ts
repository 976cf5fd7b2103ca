/**
 * Severities as stored: ordinals, so "the row's highest severity" is MAX() and `vulnerabilitySeverity[gte]` a number
 * comparison. UNKNOWN ranks lowest (a finding nobody rated), -1 means "no vulnerabilities at all".
 */
import { SEVERITY_LEVELS, type SeverityLevel } from '../../matcher/match.ts';

/** Ordinal of each level: UNKNOWN 0 … CRITICAL 5. */
export const SEVERITY_ORDINAL: Readonly<Record<SeverityLevel, number>> = {
  UNKNOWN: 0,
  NEGLIGIBLE: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5,
};

/** `max_severity` of a row with no vulnerabilities. */
export const NO_SEVERITY = -1;

/** The level of an ordinal (out-of-range values are UNKNOWN). */
export function severityOfOrdinal(ordinal: number): SeverityLevel {
  return SEVERITY_LEVELS.find((level) => SEVERITY_ORDINAL[level] === ordinal) ?? 'UNKNOWN';
}

/** Whether a string names a level (upper case, as the API writes them). */
export function isSeverityLevel(value: string): value is SeverityLevel {
  return (SEVERITY_LEVELS as readonly string[]).includes(value);
}

/** The counter column of each level, as on applications, resources and packages. */
export const SEVERITY_COUNTER_COLUMN = {
  CRITICAL: 'vulns_critical',
  HIGH: 'vulns_high',
  MEDIUM: 'vulns_medium',
  LOW: 'vulns_low',
  NEGLIGIBLE: 'vulns_negligible',
  UNKNOWN: 'vulns_unknown',
} as const satisfies Record<SeverityLevel, string>;
