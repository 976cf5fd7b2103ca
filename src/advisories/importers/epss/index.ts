/**
 * The EPSS importer: FIRST's daily `epss_scores-YYYY-MM-DD.csv(.gz)`.
 */
import type { FeedImporter } from '../../records.ts';
import { parseEpss } from './parse.ts';

/** A plain file opens with the model comment or the header; a gzipped one can only be known by its name. */
const HEAD_PATTERN = /^(#model_version:|cve,epss,percentile)/;

/** EPSS CSV → EPSS scores, timestamped with the file's `score_date`. */
export const epssImporter = {
  feed: 'epss',
  detect: (name, head) => HEAD_PATTERN.test(head) || /epss[^/]*\.csv(\.gz)?$/i.test(name),
  parse: (_name, content) => parseEpss(content),
} satisfies FeedImporter;
