/** The Debian security tracker: its whole JSON export, one file (every source package, CVE and release). */
import { debianTrackerImporter } from '../../importers/debian-tracker/index.ts';
import type { FeedSource } from '../feed-source.ts';

/** The export at its URL. */
export const debianTrackerSource = {
  name: 'debian',
  feed: 'debian-security-tracker',
  importer: debianTrackerImporter,
  resources: async (config) => [
    {
      feed: 'debian-security-tracker',
      label: 'debian-security-tracker',
      url: config.urls.debian,
      fileName: 'tracker.json',
    },
  ],
} satisfies FeedSource;
