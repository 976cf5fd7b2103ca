/**
 * What `lucent db update` downloads and from where: the feeds, OSV ecosystems and Alpine branches chosen, and a base
 * URL per feed (the upstream by default; a mirror by flag or `LUCENT_<FEED>_URL`). Pure: flags and environment in,
 * configuration out; bad values are usage errors.
 */
import { LucentError } from '../../core/errors.ts';

/** The feeds `--feeds` selects, by the names users type. */
export const FEED_SOURCE_NAMES = ['osv', 'alpine', 'debian', 'kev', 'epss'] as const;

/** A feed as users name it. */
export type FeedSourceName = (typeof FEED_SOURCE_NAMES)[number];

/**
 * The OSV ecosystems downloaded by default: those the matcher looks language packages up in
 * (src/matcher/ecosystems.ts), and Ubuntu, whose only feed is OSV's (`Ubuntu/all.zip` holds every release, stock and
 * Pro). Alpine and Debian come from their own feeds (secdb, the Debian tracker).
 */
export const DEFAULT_OSV_ECOSYSTEMS = [
  'Go',
  'npm',
  'PyPI',
  'Maven',
  'RubyGems',
  'crates.io',
  'Packagist',
  'NuGet',
  'Ubuntu',
];

/** The upstream URLs. OSV and Alpine are bases (a file per ecosystem or branch); the others are the file itself. */
export const DEFAULT_FEED_URLS: Record<FeedSourceName, string> = {
  // https://google.github.io/osv.dev/data/#data-dumps: gs://osv-vulnerabilities/<ecosystem>/all.zip
  osv: 'https://osv-vulnerabilities.storage.googleapis.com',
  // Lists one folder per branch (v3.20/, edge/), each with main.json and community.json.
  alpine: 'https://secdb.alpinelinux.org',
  debian: 'https://security-tracker.debian.org/tracker/data/json',
  kev: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  // FIRST's official bulk file (run by Empirical Security); it redirects to the dated epss_scores-YYYY-MM-DD.csv.gz.
  epss: 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz',
};

/** One update's choices. */
export interface UpdateConfig {
  feeds: FeedSourceName[];
  osvEcosystems: string[];
  /** Alpine branches (`v3.20`, `edge`); undefined means every `v3.N` branch the index lists. */
  alpineBranches: string[] | undefined;
  urls: Record<FeedSourceName, string>;
  /** Longest wait for a response, and longest silence while a body streams. */
  timeoutMs: number;
}

/** The flags of `lucent db update`, as commander parses them. */
export interface UpdateFlags {
  feeds?: string;
  osvEcosystems?: string;
  alpineBranches?: string;
  osvUrl?: string;
  alpineUrl?: string;
  debianUrl?: string;
  kevUrl?: string;
  epssUrl?: string;
  timeout?: string;
}

/** Default wait for a response or a stalled body, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** Resolves flags, then `LUCENT_<FEED>_URL`, then the defaults. */
export function resolveUpdateConfig(flags: UpdateFlags, env: NodeJS.ProcessEnv): UpdateConfig {
  const feeds = flags.feeds === undefined ? [...FEED_SOURCE_NAMES] : parseFeeds(flags.feeds);
  const urls = {} as Record<FeedSourceName, string>;
  for (const name of FEED_SOURCE_NAMES) {
    const flag = flags[`${name}Url`];
    const fromEnv = env[`LUCENT_${name.toUpperCase()}_URL`];
    urls[name] = checkUrl(
      flag ?? (fromEnv || DEFAULT_FEED_URLS[name]),
      flag ? `--${name}-url` : `LUCENT_${name.toUpperCase()}_URL`,
    );
  }
  return {
    feeds,
    osvEcosystems:
      flags.osvEcosystems === undefined ? DEFAULT_OSV_ECOSYSTEMS : parseList(flags.osvEcosystems, '--osv-ecosystems'),
    alpineBranches:
      flags.alpineBranches === undefined ? undefined : parseList(flags.alpineBranches, '--alpine-branches'),
    urls,
    timeoutMs: parseTimeout(flags.timeout),
  };
}

function parseFeeds(text: string): FeedSourceName[] {
  const names = parseList(text, '--feeds');
  for (const name of names) {
    if (!(FEED_SOURCE_NAMES as readonly string[]).includes(name)) {
      throw new LucentError('E_USAGE', `unknown feed "${name}" in --feeds`, {
        hint: `choose from ${FEED_SOURCE_NAMES.join(', ')}`,
      });
    }
  }
  return FEED_SOURCE_NAMES.filter((name) => names.includes(name));
}

function parseList(text: string, flag: string): string[] {
  const items = [...new Set(text.split(',').map((item) => item.trim()))].filter((item) => item !== '');
  if (items.length === 0) throw new LucentError('E_USAGE', `${flag} needs at least one name`);
  return items;
}

function checkUrl(text: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new LucentError('E_USAGE', `${origin}: "${text}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new LucentError('E_USAGE', `${origin}: "${text}" is not an http(s) URL`);
  }
  return text.replace(/\/+$/, '');
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new LucentError('E_USAGE', `invalid --timeout "${text}"`, { hint: 'give a number of seconds, e.g. 120' });
  }
  return Math.round(seconds * 1000);
}
