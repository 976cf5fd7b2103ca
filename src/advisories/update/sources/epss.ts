/** EPSS: FIRST's daily scores, one gzipped CSV (the current file redirects to the dated one). */
import { epssImporter } from '../../importers/epss/index.ts';
import type { FeedSource } from '../feed-source.ts';

/** The scores file at its URL; saved as `.csv.gz`, which the importer reads plain or gzipped (by magic bytes). */
export const epssSource = {
  name: 'epss',
  feed: 'epss',
  importer: epssImporter,
  resources: async (config) => [
    { feed: 'epss', label: 'epss', url: config.urls.epss, fileName: 'epss_scores-current.csv.gz' },
  ],
} satisfies FeedSource;
