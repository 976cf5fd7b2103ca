/** The vulnerability counts `/metrics` reports, read at scrape time from the same rows as the dashboard. */
import { vulnerabilitiesWithFix } from '../../repositories/dashboard.ts';
import type { Store } from '../../store/open-store.ts';

/** Distinct (vulnerability, package) pairs per severity name. */
export async function vulnerabilityCountsBySeverity(store: Store): Promise<Record<string, number>> {
  const rows = await vulnerabilitiesWithFix(store);
  return Object.fromEntries(rows.map((row) => [row.severity, row.countTotal]));
}
