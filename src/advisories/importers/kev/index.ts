/**
 * The CISA KEV importer: `known_exploited_vulnerabilities.json`.
 */
import type { FeedImporter } from '../../records.ts';
import { parseKev } from './parse.ts';

/** The catalog names its version in its first keys; the official JSON schema has the key too, but not a string. */
const HEAD_PATTERN = /"catalogVersion"\s*:\s*"/;

/** CISA KEV JSON → KEV entries, timestamped with the catalog's `dateReleased`. */
export const kevImporter = {
  feed: 'kev',
  detect: (name, head) => /\.json$/i.test(name) && HEAD_PATTERN.test(head),
  parse: (_name, content) => parseKev(new TextDecoder().decode(content)),
} satisfies FeedImporter;
