/**
 * The matcher's evidence for a finding, made readable: which advisory record matched, the affected range that held
 * the installed version, and how versions were compared.
 */
import type { ResponseJson } from '../../../shared/api/api-types.ts';

/** One piece of evidence as the API gives it (other scanners may add fields of their own). */
export type Evidence = ResponseJson<
  '/api/vulnerabilities/{vulId}/{pkgId}',
  'get'
>['findings'][number]['evidence'][number];

/** One piece of evidence, ready to show. */
export interface EvidenceView {
  record: string;
  range: string;
  matcher: string;
  comparedVersion: string;
  location: string;
}

/** `introduced ≤ v < fixed`, `v ≤ lastAffected`, or the explicit version list. */
export function describeRange(evidence: Evidence): string {
  if (evidence.kind === 'versions') return 'listed among the affected versions';
  const { introduced = '', fixed, lastAffected } = evidence;
  const lower = introduced && introduced !== '0' ? `${introduced} ≤ ` : '';
  if (fixed) return `${lower}version < ${fixed}`;
  if (lastAffected) return `${lower}version ≤ ${lastAffected}`;
  return lower ? `${lower}version (no fix)` : 'every version (no fix)';
}

/** Evidence items, ready to show. */
export function readEvidence(items: readonly Evidence[]): EvidenceView[] {
  return items.map((item) => ({
    record: item.recordId ?? '',
    range: describeRange(item),
    matcher: [item.comparator, item.ecosystem].filter(Boolean).join(' · '),
    comparedVersion: item.comparedVersion ?? '',
    location: item.location?.path ?? '',
  }));
}
