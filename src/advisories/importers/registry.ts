/**
 * Every feed importer, as an explicit list (STYLE rule 3), keyed by its folder under src/advisories/importers/.
 * `registry.test.ts` fails when a folder is missing here. Order matters: a file goes to the first importer whose
 * `detect` accepts it, so feed-specific importers come before OSV's, whose detection is the most general.
 */
import type { FeedImporter } from '../records.ts';
import { alpineSecdbImporter } from './alpine-secdb/index.ts';
import { debianTrackerImporter } from './debian-tracker/index.ts';
import { epssImporter } from './epss/index.ts';
import { kevImporter } from './kev/index.ts';
import { osvImporter } from './osv/index.ts';

/** An importer and the folder it lives in. */
export interface RegisteredImporter {
  folder: string;
  importer: FeedImporter;
}

/** The importers, in detection order. */
export const FEED_IMPORTERS: readonly RegisteredImporter[] = [
  { folder: 'alpine-secdb', importer: alpineSecdbImporter },
  { folder: 'debian-tracker', importer: debianTrackerImporter },
  { folder: 'epss', importer: epssImporter },
  { folder: 'kev', importer: kevImporter },
  { folder: 'osv', importer: osvImporter },
];

/** The importer for a file: the first whose `detect` accepts its name and head, if any. */
export function importerFor(
  name: string,
  head: string,
  importers: readonly FeedImporter[] = FEED_IMPORTERS.map((entry) => entry.importer),
): FeedImporter | undefined {
  return importers.find((importer) => importer.detect(name, head));
}
