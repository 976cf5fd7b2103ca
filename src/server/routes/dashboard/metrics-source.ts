/** The vulnerability counts `/metrics` reports, read at scrape time. */
import type { Store } from '../../store/open-store.ts';

/** Distinct (vulnerability, package) pairs per severity name. */
export async function vulnerabilityCountsBySeverity(_store: Store): Promise<Record<string, number>> {
  return {};
}
