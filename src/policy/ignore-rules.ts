/**
 * Ignore rules (the `ignore:` entries of `.lucent.yaml`, docs/policy.md), pure: which findings a rule covers and
 * whether it is still in force. A rule names a vulnerability (its id or any alias), a package (a glob on the name, or
 * on the purl when it starts with `pkg:`), or both; `expires` ends it.
 */
import picomatch from 'picomatch';
import type { Finding } from '../matcher/match.ts';

/** One ignore rule, as validated from the file (plain data, so the server can store it as it is). */
export interface IgnoreRule {
  /** A vulnerability id or alias (CVE, GHSA, DSA, …), compared case-insensitively. */
  id?: string;
  /** A picomatch glob on the package name, or on its purl when it starts with `pkg:`. */
  package?: string;
  reason?: string;
  /** `YYYY-MM-DD` (in force through that day, UTC) or an RFC 3339 date-time (in force until that instant). */
  expires?: string;
  /** Where the rule was written, for messages: `.lucent.yaml ignore[2]`. */
  origin: string;
}

/** A rule ready to test findings: its globs compiled once. */
export interface CompiledIgnoreRule {
  rule: IgnoreRule;
  /** Epoch milliseconds from which the rule no longer applies; undefined when it never expires. */
  expiresAt: number | undefined;
  matches(finding: Finding): boolean;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant an `expires` value ends a rule (epoch ms): the end of the day for a date, else the instant itself. */
export function expiryInstant(expires: string): number {
  if (DATE_ONLY.test(expires)) return Date.parse(`${expires}T00:00:00Z`) + DAY_MS;
  return Date.parse(expires);
}

/** True when an `expires` value is a real date (`2026-02-30` is not) or an RFC 3339 date-time. */
export function isValidExpiry(expires: string): boolean {
  if (DATE_ONLY.test(expires)) {
    const date = new Date(`${expires}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === expires;
  }
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(expires) &&
    !Number.isNaN(Date.parse(expires))
  );
}

/** Compiles a rule: the id lower-cased, the package glob turned into a matcher. */
export function compileIgnoreRule(rule: IgnoreRule): CompiledIgnoreRule {
  const id = rule.id?.toLowerCase();
  const packageTest = rule.package === undefined ? undefined : packageMatcher(rule.package);
  return {
    rule,
    expiresAt: rule.expires === undefined ? undefined : expiryInstant(rule.expires),
    matches(finding) {
      if (id !== undefined && finding.id.toLowerCase() !== id && !finding.aliases.some((a) => a.toLowerCase() === id))
        return false;
      return packageTest === undefined || packageTest(finding);
    },
  };
}

/** True when the rule still applies at `now`. */
export function isInForce(rule: CompiledIgnoreRule, now: Date): boolean {
  return rule.expiresAt === undefined || now.getTime() < rule.expiresAt;
}

/**
 * A package glob's test. On names, picomatch as it is (`*` stops at `/`, so `@types/*` and `github.com/org/**` mean
 * what they say). On purls, the glob sees the purl without qualifiers and subpath (which hold URLs full of `/`), and a
 * glob with no `@` after its last `/` also matches the versioned purl, so `pkg:npm/lodash` covers every version as
 * it does in VEX. Percent-escapes are decoded first: users write `pkg:npm/@scope/*`, purls hold `%40scope`.
 */
function packageMatcher(glob: string): (finding: Finding) => boolean {
  const test = picomatch(glob, { dot: true });
  if (!glob.startsWith('pkg:')) return (finding) => test(finding.packageName);
  const versionless = !glob.slice(glob.lastIndexOf('/') + 1).includes('@');
  return (finding) => {
    const bare = decodePurl(finding.packagePurl.replace(/[?#].*$/, ''));
    return test(bare) || (versionless && test(bare.replace(/@[^/]*$/, '')));
  };
}

function decodePurl(purl: string): string {
  try {
    return decodeURIComponent(purl);
  } catch {
    return purl;
  }
}
