/**
 * What the advisory feeds become inside Lucent. Vulnerability data of every feed takes OSV's form (distro feeds too:
 * Alpine secdb and Debian DSA/DLA lists become OSV records with `Alpine:v3.11` / `Debian:10` ecosystems and fixed
 * versions per release), so one matcher serves them all. KEV and EPSS are enrichment, keyed by CVE.
 */
import type { OsvRecord } from './osv/schema.ts';

/** A CISA Known Exploited Vulnerabilities entry. */
export interface KevEntry {
  cveId: string;
  vendorProject?: string;
  product?: string;
  dateAdded: string;
  dueDate?: string;
  knownRansomwareCampaignUse?: string;
}

/** An EPSS score: the probability of exploitation in the next 30 days, and its percentile. */
export interface EpssScore {
  cveId: string;
  epss: number;
  percentile: number;
}

/** The feeds Lucent reads. */
export type FeedName = 'osv' | 'alpine-secdb' | 'debian-security-tracker' | 'kev' | 'epss';

/** What one imported file contributed. */
export interface FeedBatch {
  feed: FeedName;
  /** Vulnerability records in OSV form. */
  records?: OsvRecord[];
  kev?: KevEntry[];
  epss?: EpssScore[];
  /** The feed's own timestamp for this data (e.g. KEV's dateReleased, EPSS's score_date), when it has one. */
  feedTimestamp?: string;
  /** Parts of the file that could not be read, with the reason; the rest was imported. */
  problems: string[];
}

/** An importer: recognises its files and turns their bytes into a batch. Pure: bytes in, batch out. */
export interface FeedImporter {
  readonly feed: FeedName;
  /** Whether this importer reads the file, from its name and first bytes (cheap tests only). */
  detect(name: string, head: string): boolean;
  parse(name: string, content: Uint8Array): FeedBatch;
}
