/**
 * VEX statements, pure: the one shape both OpenVEX and CycloneDX VEX documents are read into, and which statement
 * speaks for a finding. A statement applies when it names the finding's vulnerability (id or alias, either side) and a
 * product that is the finding's package, or the scanned image (all its packages, or the listed subcomponents). Among
 * the statements that apply, the latest wins (OpenVEX spec, "The VEX Statement": later statements override earlier
 * ones); equal or missing timestamps fall back to the order given (later files and later statements win). Only
 * `not_affected` and `fixed` suppress, as in Trivy and Grype. Rules in detail: docs/policy.md.
 */
import type { Finding } from '../matcher/match.ts';
import { purlMatches } from './purl-match.ts';

/** VEX statuses, in OpenVEX's words; CycloneDX analysis states are mapped onto them by its loader. */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;

/** A VEX status. */
export type VexStatus = (typeof VEX_STATUSES)[number];

/** The statuses that take a finding out of the report. */
export const SUPPRESSING_STATUSES: readonly VexStatus[] = ['not_affected', 'fixed'];

/** A product a statement speaks of: identifiers (purls, image references) and, optionally, packages inside it. */
export interface VexProduct {
  ids: string[];
  /** Purls of the packages inside the product the statement is about; empty means the product itself. */
  subcomponents: string[];
}

/** One statement, from either format. */
export interface VexStatement {
  format: 'openvex' | 'cyclonedx';
  /** The vulnerability's name, `@id` and aliases. */
  vulnerabilities: string[];
  products: VexProduct[];
  status: VexStatus;
  /** OpenVEX justification or CycloneDX analysis justification, as written. */
  justification?: string;
  /** Free text: OpenVEX impact_statement/status_notes, CycloneDX analysis detail. */
  detail?: string;
  /** RFC 3339 time of the statement (or of its document). */
  timestamp?: string;
  /** Where it was written, for reports: `vex.json statements[2]`. */
  origin: string;
}

/** Finds the statement that speaks for a finding, given the identifiers of the scanned image. */
export type VexResolver = (finding: Finding) => VexStatement | undefined;

/** Indexes statements by vulnerability id once, for a whole scan. */
export function vexResolver(statements: readonly VexStatement[], subjects: readonly string[]): VexResolver {
  const byId = new Map<string, number[]>();
  statements.forEach((statement, index) => {
    for (const id of new Set(statement.vulnerabilities.map(normalizeVulnId))) {
      byId.set(id, [...(byId.get(id) ?? []), index]);
    }
  });
  const times = statements.map((statement) => timeOf(statement.timestamp));
  return (finding) => {
    const candidates = new Set<number>();
    for (const id of [finding.id, ...finding.aliases]) {
      for (const index of byId.get(normalizeVulnId(id)) ?? []) candidates.add(index);
    }
    let best: number | undefined;
    for (const index of candidates) {
      const statement = statements[index] as VexStatement;
      if (!statement.products.some((product) => productNames(product, finding, subjects))) continue;
      if (best === undefined || isLater(times[index] as number, index, times[best] as number, best)) best = index;
    }
    return best === undefined ? undefined : statements[best];
  };
}

/**
 * A vulnerability id for comparison: upper case, and the last path segment of a URL `@id`
 * (`https://nvd.nist.gov/vuln/detail/CVE-2023-1234`), since OpenVEX allows IRIs there.
 */
export function normalizeVulnId(id: string): string {
  const trimmed = id.trim();
  const last = /^https?:\/\//i.test(trimmed) ? (trimmed.replace(/\/+$/, '').split('/').at(-1) ?? trimmed) : trimmed;
  return last.toUpperCase();
}

function productNames(product: VexProduct, finding: Finding, subjects: readonly string[]): boolean {
  if (product.subcomponents.length === 0) {
    return product.ids.some((id) => namesPackage(id, finding) || namesSubject(id, subjects));
  }
  return (
    product.ids.some((id) => namesSubject(id, subjects)) &&
    product.subcomponents.some((subcomponent) => namesPackage(subcomponent, finding))
  );
}

function namesPackage(id: string, finding: Finding): boolean {
  return id.startsWith('pkg:') && purlMatches(id, finding.packagePurl);
}

/** The scanned image: its oci purls by the purl rule, its references and digests as written. */
function namesSubject(id: string, subjects: readonly string[]): boolean {
  return subjects.some((subject) =>
    subject.startsWith('pkg:') ? id.startsWith('pkg:') && purlMatches(id, subject) : subject === id,
  );
}

function timeOf(timestamp: string | undefined): number {
  const time = timestamp ? Date.parse(timestamp) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

function isLater(time: number, index: number, bestTime: number, bestIndex: number): boolean {
  return time > bestTime || (time === bestTime && index > bestIndex);
}
