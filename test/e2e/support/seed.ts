/**
 * Seeds a server the way users do: an advisory database imported with `lucent db import` from real feed files
 * (Debian security tracker, Alpine secdb, CISA KEV, FIRST EPSS), then real fixture images scanned and exported with
 * `lucent scan IMAGE --export`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { runCli } from '../../support/cli.ts';
import { fixtureImage } from '../../support/fixtures.ts';
import type { LucentServer } from './lucent-server.ts';

const IMPORTERS = fileURLToPath(new URL('../../../src/advisories/importers/', import.meta.url));

/** Feed files for the advisory database (gzipped ones are unpacked first). */
const FEEDS = [
  'debian-tracker/__fixtures__/DSA-list.txt.gz',
  'debian-tracker/__fixtures__/DLA-list.txt.gz',
  'alpine-secdb/__fixtures__/v3.11-main.yaml',
  'kev/__fixtures__/known_exploited_vulnerabilities.json.gz',
  'epss/__fixtures__/epss_scores-2024-03-04.csv',
];

/** The images the browser tests look at, and the application each is exported to. */
export const SEED_IMAGES = [
  { application: 'nginx-frontend', image: fixtureImage('snyk-docker-plugin/docker-save_nginx.tar') },
  { application: 'alpine-base', image: fixtureImage('trivy/alpine-311.tar.gz') },
  { application: 'node-app', image: fixtureImage('snyk-docker-plugin/npm_npm7-with-package-lock-file.tar') },
] as const;

/** Builds an advisory database from the feed fixtures in a temp folder; returns its path (the folder is its parent). */
export async function buildAdvisoryDb(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-e2e-db-'));
  const files = await Promise.all(
    FEEDS.map(async (feed) => {
      const source = join(IMPORTERS, feed);
      if (!feed.endsWith('.gz')) return source;
      const target = join(dir, basename(feed, '.gz'));
      await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  const db = join(dir, 'advisories.db');
  const result = await runCli(['db', 'import', ...files, '--db', db], { XDG_CACHE_HOME: join(dir, 'cache') });
  if (result.code !== 0) throw new Error(`db import failed (${result.code}):\n${result.stderr}`);
  return db;
}

/** Scans one image against `db` and exports the results to the server (creating the application). */
export async function exportScan(server: LucentServer, db: string, image: string, application: string): Promise<void> {
  const result = await runCli(
    [
      '--no-cache',
      'scan',
      image,
      '--db',
      db,
      '--export',
      '--server',
      server.url,
      '--application',
      application,
      '--create-application',
      '-o',
      join(server.dir, `${application}.txt`),
    ],
    { LUCENT_TOKEN: server.adminToken, XDG_CACHE_HOME: join(server.dir, 'cache') },
  );
  if (result.code !== 0) throw new Error(`scan --export of ${image} failed (${result.code}):\n${result.stderr}`);
}

/** Seeds the server with every SEED_IMAGES entry, scanned against `db`. */
export async function seedServer(server: LucentServer, db: string): Promise<void> {
  for (const { image, application } of SEED_IMAGES) await exportScan(server, db, image, application);
}
