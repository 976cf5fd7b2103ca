/**
 * The shape every downloadable feed has (sources/<feed>.ts, listed in sources/registry.ts): which importer reads it,
 * and which resources (files at URLs) one update fetches. Listing resources may ask the network (Alpine's index).
 */
import type { FeedImporter, FeedName } from '../records.ts';
import type { FeedSourceName, UpdateConfig } from './config.ts';

/** One file to download: each has its own validators in the database, and is replaced on its own. */
export interface FeedResource {
  feed: FeedName;
  /** How users see it: `osv PyPI`, `alpine-secdb v3.20/main`. */
  label: string;
  /** The URL; also the `feeds.source` its data is stored under. */
  url: string;
  /** The name the download is saved under; importers recognise files by name (`all.zip`, `main.json`, `.csv.gz`). */
  fileName: string;
  /** A 404 means "not published" (an Alpine branch without a community repository), not a failure. */
  optional?: boolean;
}

/** Reads a small text document (an index page). */
export type FetchText = (url: string, what: string) => Promise<string>;

/** A feed `lucent db update` downloads. */
export interface FeedSource {
  readonly name: FeedSourceName;
  readonly feed: FeedName;
  /** The importer that reads its downloads; a download it does not recognise is a failure of that resource. */
  readonly importer: FeedImporter;
  resources(config: UpdateConfig, fetchText: FetchText): Promise<FeedResource[]>;
}
