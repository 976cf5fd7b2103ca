/**
 * Every feed `lucent db update` downloads, as an explicit list in `--feeds` order. `registry.test.ts` checks that each
 * feed name appears once and that every importer's feed has a source.
 */
import type { FeedSource } from '../feed-source.ts';
import { alpineSecdbSource } from './alpine-secdb.ts';
import { debianTrackerSource } from './debian-tracker.ts';
import { epssSource } from './epss.ts';
import { kevSource } from './kev.ts';
import { osvSource } from './osv.ts';

/** The downloadable feeds. */
export const FEED_SOURCES: readonly FeedSource[] = [
  osvSource,
  alpineSecdbSource,
  debianTrackerSource,
  kevSource,
  epssSource,
];
