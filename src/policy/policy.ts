/**
 * Policy (DESIGN §7), pure and shared by the CLI and the server: which findings are reported, which are suppressed
 * and why, and whether the scan fails. Input: findings, the policy (options, parsed ignore rules, VEX statements) and
 * the context (now, the scanned image's identifiers); no I/O, no clock. A finding is suppressed by the first of: a VEX
 * statement (not_affected or fixed), an ignore rule in force, `--only-fixed`. The verdict reads only the reported
 * findings: `--fail-on SEVERITY` (KubeClarity's levels; UNKNOWN counts only for `--fail-on UNKNOWN`, the lowest),
 * `--fail-on-kev` (in CISA KEV), `--fail-on-epss P` (EPSS probability ≥ P). Rules in detail: docs/policy.md.
 */
import { type Finding, SEVERITY_LEVELS, type SeverityLevel } from '../matcher/match.ts';
import { type CompiledIgnoreRule, compileIgnoreRule, type IgnoreRule, isInForce } from './ignore-rules.ts';
import { SUPPRESSING_STATUSES, type VexStatement, type VexStatus, vexResolver } from './vex-statements.ts';

/** The policy: options plus the rules and statements loaded for this scan. */
export interface Policy {
  onlyFixed?: boolean;
  failOn?: SeverityLevel;
  failOnKev?: boolean;
  /** EPSS probability, 0..1: fail when a reported finding's score is at or above it. */
  failOnEpss?: number;
  ignore?: readonly IgnoreRule[];
  vex?: readonly VexStatement[];
}

/** What the policy needs from outside: the time (for expiry) and what was scanned (for image-level VEX products). */
export interface PolicyContext {
  now: Date;
  /** Identifiers of the scanned image (see subject.ts); empty for directories and SBOMs. */
  subjects?: readonly string[];
}

/** What took a finding out of the report. */
export type SuppressionSource = 'vex' | 'ignore-file' | 'only-fixed';

/** A suppressed finding and why. */
export interface SuppressedFinding {
  finding: Finding;
  source: SuppressionSource;
  /** Why, in words: the ignore rule's reason, the VEX statement's detail, the option. */
  reason: string;
  /**
   * A VEX justification, when a statement gave one: an OpenVEX name (`vulnerable_code_not_present`, …) or a
   * CycloneDX one (`code_not_present`, …).
   */
  justification?: string;
  /** The VEX status that suppressed it (not_affected or fixed). */
  status?: VexStatus;
  /** Where the rule or statement was written: `.lucent.yaml ignore[1]`, `vex.json statements[0]`. */
  origin?: string;
}

/** One failed condition of the verdict. */
export interface PolicyFailure {
  condition: 'severity' | 'kev' | 'epss';
  /** The option as a user wrote it: `--fail-on high`, `--fail-on-kev`, `--fail-on-epss 0.5`. */
  option: string;
  /** `at or above HIGH`, `in CISA KEV`, `with EPSS ≥ 0.5`. */
  description: string;
  findings: Finding[];
}

/** What the policy decided. */
export interface PolicyOutcome {
  reported: Finding[];
  suppressed: SuppressedFinding[];
  /** True when a reported finding meets a --fail-on condition. */
  failed: boolean;
  /** The findings that made it fail (each once). */
  failing: Finding[];
  /** Each condition that failed, with its findings. */
  failures: PolicyFailure[];
  /** Things the user should fix in their policy files (expired ignore rules). */
  warnings: string[];
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

/** Parses a --fail-on-epss value: a probability from 0 to 1 (a percentage like `50%` is accepted too). */
export function parseEpssThreshold(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(number)) return undefined;
  const value = percent ? number / 100 : number;
  return value >= 0 && value <= 1 ? value : undefined;
}

/** Applies the policy to findings. */
export function applyPolicy(findings: readonly Finding[], policy: Policy, context: PolicyContext): PolicyOutcome {
  const rules = (policy.ignore ?? []).map(compileIgnoreRule);
  const inForce = rules.filter((rule) => isInForce(rule, context.now));
  const warnings = rules.filter((rule) => !isInForce(rule, context.now)).map(expiredWarning);
  const resolveVex = vexResolver(policy.vex ?? [], context.subjects ?? []);
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const suppression = vexSuppression(finding, resolveVex) ?? ignoreSuppression(finding, inForce);
    if (suppression) suppressed.push(suppression);
    else if (policy.onlyFixed && finding.fixedVersions.length === 0) {
      suppressed.push({ finding, source: 'only-fixed', reason: 'no fix available (--only-fixed)' });
    } else reported.push(finding);
  }
  const failures = verdict(reported, policy);
  const failing = [...new Set(failures.flatMap((failure) => failure.findings))];
  return { reported, suppressed, failed: failures.length > 0, failing, failures, warnings };
}

/** The lines that tell a user why the policy failed: `policy failed: 3 finding(s) at or above HIGH (--fail-on high)`. */
export function failureMessages(outcome: Pick<PolicyOutcome, 'failures'>): string[] {
  return outcome.failures.map(
    (failure) => `policy failed: ${failure.findings.length} finding(s) ${failure.description} (${failure.option})`,
  );
}

function vexSuppression(finding: Finding, resolve: (finding: Finding) => VexStatement | undefined) {
  const statement = resolve(finding);
  if (!statement || !SUPPRESSING_STATUSES.includes(statement.status)) return undefined;
  const label = statement.justification ? `${statement.status} (${statement.justification})` : statement.status;
  return {
    finding,
    source: 'vex',
    reason: statement.detail ?? `VEX: ${label}`,
    ...(statement.justification ? { justification: statement.justification } : {}),
    status: statement.status,
    origin: statement.origin,
  } satisfies SuppressedFinding;
}

function ignoreSuppression(finding: Finding, rules: readonly CompiledIgnoreRule[]) {
  const rule = rules.find((candidate) => candidate.matches(finding))?.rule;
  if (!rule) return undefined;
  return {
    finding,
    source: 'ignore-file',
    reason: rule.reason ?? `ignored by ${rule.origin}`,
    origin: rule.origin,
  } satisfies SuppressedFinding;
}

function expiredWarning({ rule }: CompiledIgnoreRule): string {
  const what = [rule.id, rule.package].filter(Boolean).join(' in ');
  return `${rule.origin} (${what}) expired on ${rule.expires}: it no longer suppresses anything`;
}

function verdict(reported: readonly Finding[], policy: Policy): PolicyFailure[] {
  const failures: PolicyFailure[] = [];
  const add = (failure: PolicyFailure) => {
    if (failure.findings.length > 0) failures.push(failure);
  };
  if (policy.failOn) {
    const threshold = severityRank(policy.failOn);
    add({
      condition: 'severity',
      option: `--fail-on ${policy.failOn.toLowerCase()}`,
      description: `at or above ${policy.failOn}`,
      findings: reported.filter((finding) => severityRank(finding.severity?.level) <= threshold),
    });
  }
  if (policy.failOnKev) {
    add({
      condition: 'kev',
      option: '--fail-on-kev',
      description: 'in CISA KEV',
      findings: reported.filter((finding) => finding.kev),
    });
  }
  if (policy.failOnEpss !== undefined) {
    const threshold = policy.failOnEpss;
    add({
      condition: 'epss',
      option: `--fail-on-epss ${threshold}`,
      description: `with EPSS ≥ ${threshold}`,
      findings: reported.filter((finding) => finding.epss !== undefined && finding.epss.epss >= threshold),
    });
  }
  return failures;
}
