/** OSV: one `all.zip` per ecosystem in the public bucket (https://google.github.io/osv.dev/data/#data-dumps). */
import { osvImporter } from '../../importers/osv/index.ts';
import type { FeedSource } from '../feed-source.ts';

/** `<base>/<Ecosystem>/all.zip` for each chosen ecosystem. */
export const osvSource = {
  name: 'osv',
  feed: 'osv',
  importer: osvImporter,
  resources: async (config) =>
    config.osvEcosystems.map((ecosystem) => ({
      feed: 'osv',
      label: `osv ${ecosystem}`,
      // Ecosystem names may hold spaces and colons ("Red Hat", "Debian:12"); the bucket's object names are literal.
      url: `${config.urls.osv}/${encodeURIComponent(ecosystem)}/all.zip`,
      fileName: 'all.zip',
    })),
} satisfies FeedSource;
