/** CISA Known Exploited Vulnerabilities: one JSON catalog. */
import { kevImporter } from '../../importers/kev/index.ts';
import type { FeedSource } from '../feed-source.ts';

/** The catalog at its URL. */
export const kevSource = {
  name: 'kev',
  feed: 'kev',
  importer: kevImporter,
  resources: async (config) => [
    { feed: 'kev', label: 'kev', url: config.urls.kev, fileName: 'known_exploited_vulnerabilities.json' },
  ],
} satisfies FeedSource;
