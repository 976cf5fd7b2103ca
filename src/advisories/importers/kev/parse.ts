/**
 * CISA's Known Exploited Vulnerabilities catalog (https://www.cisa.gov/known-exploited-vulnerabilities-catalog;
 * schema: https://github.com/cisagov/kev-data, `known_exploited_vulnerabilities_schema.json`) → KEV entries. The zod
 * schemas hold the fields Lucent uses, with the official patterns and required keys; a malformed entry is skipped and
 * reported, the rest imported.
 */
import { z } from 'zod';
import type { FeedBatch, KevEntry } from '../../records.ts';

/** `YYYY-MM-DD`, the schema's `format: date`. */
const dateSchema = z.iso.date();

/** The catalog envelope; entries are checked one by one. */
export const kevCatalogSchema = z
  .object({
    catalogVersion: z.string(),
    dateReleased: z.iso.datetime({ offset: true }),
    count: z.number().int(),
    vulnerabilities: z.array(z.unknown()),
  })
  .loose();

/** One catalog entry (the fields Lucent reads, plus the schema's other required keys). */
export const kevVulnerabilitySchema = z
  .object({
    cveID: z.string().regex(/^CVE-[0-9]{4}-[0-9]{4,19}$/),
    vendorProject: z.string(),
    product: z.string(),
    vulnerabilityName: z.string(),
    dateAdded: dateSchema,
    shortDescription: z.string(),
    requiredAction: z.string(),
    dueDate: dateSchema,
    knownRansomwareCampaignUse: z.string().optional(),
  })
  .loose();

/** Parses a KEV catalog; its `dateReleased` is the feed timestamp. */
export function parseKev(text: string): FeedBatch {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { feed: 'kev', kev: [], problems: [`unreadable JSON: ${(error as Error).message}`] };
  }
  const catalog = kevCatalogSchema.safeParse(document);
  if (!catalog.success)
    return { feed: 'kev', kev: [], problems: [`not a KEV catalog: ${z.prettifyError(catalog.error)}`] };
  const kev: KevEntry[] = [];
  const problems: string[] = [];
  for (const [index, raw] of catalog.data.vulnerabilities.entries()) {
    const entry = kevVulnerabilitySchema.safeParse(raw);
    if (!entry.success) {
      problems.push(`vulnerabilities[${index}]: ${z.prettifyError(entry.error)}`);
      continue;
    }
    const { cveID, vendorProject, product, dateAdded, dueDate, knownRansomwareCampaignUse } = entry.data;
    const item: KevEntry = { cveId: cveID, vendorProject, product, dateAdded, dueDate };
    if (knownRansomwareCampaignUse !== undefined) item.knownRansomwareCampaignUse = knownRansomwareCampaignUse;
    kev.push(item);
  }
  if (catalog.data.count !== catalog.data.vulnerabilities.length) {
    problems.push(`count says ${catalog.data.count} but the catalog lists ${catalog.data.vulnerabilities.length}`);
  }
  return { feed: 'kev', kev, feedTimestamp: catalog.data.dateReleased, problems };
}
