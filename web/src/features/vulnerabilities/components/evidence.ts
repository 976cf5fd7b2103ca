/**
 * The matcher's evidence for a finding, made readable: which advisory record matched, the affected range that held
 * the installed version, and how versions were compared. The API types evidence loosely (`unknown`), so each field is
 * read defensively.
 */

/** One piece of evidence, ready to show. */
export interface EvidenceView {
  record: string;
  range: string;
  matcher: string;
  comparedVersion: string;
  location: string;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `introduced ≤ v < fixed`, `v ≤ lastAffected`, or the explicit version list. */
export function describeRange(evidence: Record<string, unknown>): string {
  if (evidence.kind === 'versions') return 'listed among the affected versions';
  const introduced = text(evidence.introduced);
  const fixed = text(evidence.fixed);
  const last = text(evidence.lastAffected);
  const lower = introduced && introduced !== '0' ? `${introduced} ≤ ` : '';
  if (fixed) return `${lower}version < ${fixed}`;
  if (last) return `${lower}version ≤ ${last}`;
  return lower ? `${lower}version (no fix)` : 'every version (no fix)';
}

/** Readable evidence items; anything that is not an object is skipped. */
export function readEvidence(items: readonly unknown[]): EvidenceView[] {
  return items
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object')
    .map((item) => {
      const location =
        item.location && typeof item.location === 'object' ? (item.location as Record<string, unknown>) : {};
      return {
        record: text(item.recordId),
        range: describeRange(item),
        matcher: [text(item.comparator), text(item.ecosystem)].filter(Boolean).join(' · '),
        comparedVersion: text(item.comparedVersion),
        location: text(location.path),
      };
    });
}
