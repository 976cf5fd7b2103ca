/**
 * Policy (DESIGN §7), pure and shared by the CLI and the server: which findings are reported, which are suppressed
 * and why, and whether the scan fails. `--only-fixed` hides findings without a fix; `--fail-on SEVERITY` fails when a
 * reported finding is at or above that severity (KubeClarity's levels; UNKNOWN counts as failing only for
 * `--fail-on UNKNOWN`, the lowest).
 */
import { type Finding, SEVERITY_LEVELS, type SeverityLevel } from '../matcher/match.ts';

/** The policy options. */
export interface Policy {
  onlyFixed?: boolean;
  failOn?: SeverityLevel;
}

/** What the policy decided. */
export interface PolicyOutcome {
  reported: Finding[];
  suppressed: { finding: Finding; reason: string }[];
  /** True when a reported finding reaches the --fail-on severity. */
  failed: boolean;
  /** The findings that made it fail. */
  failing: Finding[];
}

/** The rank of a severity: CRITICAL is 0, UNKNOWN the last. */
export function severityRank(level: SeverityLevel | undefined): number {
  return SEVERITY_LEVELS.indexOf(level ?? 'UNKNOWN');
}

/** Parses a --fail-on value (case-insensitive; MODERATE means MEDIUM, as GitHub writes it). */
export function parseSeverity(text: string): SeverityLevel | undefined {
  const upper = text.trim().toUpperCase();
  const level = upper === 'MODERATE' ? 'MEDIUM' : upper;
  return (SEVERITY_LEVELS as readonly string[]).includes(level) ? (level as SeverityLevel) : undefined;
}

/** Applies the policy to findings. */
export function applyPolicy(findings: readonly Finding[], policy: Policy): PolicyOutcome {
  const reported: Finding[] = [];
  const suppressed: PolicyOutcome['suppressed'] = [];
  for (const finding of findings) {
    if (policy.onlyFixed && finding.fixedVersions.length === 0) {
      suppressed.push({ finding, reason: 'no fix available (--only-fixed)' });
      continue;
    }
    reported.push(finding);
  }
  const threshold = policy.failOn ? severityRank(policy.failOn) : -1;
  const failing = policy.failOn ? reported.filter((finding) => severityRank(finding.severity?.level) <= threshold) : [];
  return { reported, suppressed, failed: failing.length > 0, failing };
}
