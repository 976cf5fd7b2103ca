/**
 * Alpine secdb: `<base>/<branch>/{main,community}.json`, one pair per branch. The branches come from `--alpine-branches`
 * or from the index page at `<base>/`, which lists one folder per branch (`v3.20/`, `edge/`), as vunnel reads it too.
 * Discovered branches take every `v3.N` and leave `edge` out: an edge image's VERSION_ID names no branch to match.
 */
import { alpineSecdbImporter } from '../../importers/alpine-secdb/index.ts';
import type { FeedResource, FeedSource } from '../feed-source.ts';

/** The repositories each branch publishes. */
const REPOSITORIES = ['main', 'community'] as const;

/** Branch folders on the index page, oldest first: `href="v3.9/"` and `href="./v3.10/"` both count. */
export function branchesOnIndex(html: string): string[] {
  const branches = new Set<string>();
  for (const match of html.matchAll(/href\s*=\s*["'](?:\.\/)?(v\d+\.\d+)\/?["']/gi)) branches.add(match[1] as string);
  return [...branches].sort((a, b) => {
    const [aMajor = 0, aMinor = 0] = a.slice(1).split('.').map(Number);
    const [bMajor = 0, bMinor = 0] = b.slice(1).split('.').map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  });
}

/** Both repositories of every chosen branch. */
export const alpineSecdbSource = {
  name: 'alpine',
  feed: 'alpine-secdb',
  importer: alpineSecdbImporter,
  resources: async (config, fetchText) => {
    const base = config.urls.alpine;
    const chosen = config.alpineBranches;
    const branches = chosen ?? branchesOnIndex(await fetchText(`${base}/`, 'the Alpine secdb index'));
    if (branches.length === 0) throw new Error(`the index at ${base}/ lists no v3.N branch folders`);
    return branches.flatMap((branch) =>
      REPOSITORIES.map(
        (repository): FeedResource => ({
          feed: 'alpine-secdb',
          label: `alpine-secdb ${branch}/${repository}`,
          url: `${base}/${encodeURIComponent(branch)}/${repository}.json`,
          fileName: `${repository}.json`,
          // A listed branch may lack a repository (v3.2 has no community); a branch the user named may not.
          ...(chosen ? {} : { optional: true }),
        }),
      ),
    );
  },
} satisfies FeedSource;
