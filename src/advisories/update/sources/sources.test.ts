import { describe, expect, it } from 'vitest';
import { FEED_IMPORTERS } from '../../importers/registry.ts';
import { DEFAULT_FEED_URLS, FEED_SOURCE_NAMES, resolveUpdateConfig } from '../config.ts';
import { branchesOnIndex } from './alpine-secdb.ts';
import { FEED_SOURCES } from './registry.ts';

const noNetwork = async () => {
  throw new Error('no request expected');
};

describe('feed sources', () => {
  it('lists each --feeds name once, in order, and covers every importer’s feed', () => {
    expect(FEED_SOURCES.map((source) => source.name)).toEqual([...FEED_SOURCE_NAMES]);
    const importerFeeds = FEED_IMPORTERS.map((entry) => entry.importer.feed).sort();
    expect(FEED_SOURCES.map((source) => source.feed).sort()).toEqual(importerFeeds);
    for (const source of FEED_SOURCES) expect(source.importer.feed).toBe(source.feed);
  });

  it('gives the upstream files by default', async () => {
    const config = resolveUpdateConfig({ osvEcosystems: 'Go,crates.io,Red Hat', alpineBranches: 'v3.20,edge' }, {});
    const urls = await Promise.all(FEED_SOURCES.map((source) => source.resources(config, noNetwork)));
    expect(
      urls.flat().map((resource) => [resource.label, resource.url, resource.fileName, resource.optional ?? false]),
    ).toEqual([
      ['osv Go', `${DEFAULT_FEED_URLS.osv}/Go/all.zip`, 'all.zip', false],
      ['osv crates.io', `${DEFAULT_FEED_URLS.osv}/crates.io/all.zip`, 'all.zip', false],
      ['osv Red Hat', `${DEFAULT_FEED_URLS.osv}/Red%20Hat/all.zip`, 'all.zip', false],
      ['alpine-secdb v3.20/main', 'https://secdb.alpinelinux.org/v3.20/main.json', 'main.json', false],
      ['alpine-secdb v3.20/community', 'https://secdb.alpinelinux.org/v3.20/community.json', 'community.json', false],
      ['alpine-secdb edge/main', 'https://secdb.alpinelinux.org/edge/main.json', 'main.json', false],
      ['alpine-secdb edge/community', 'https://secdb.alpinelinux.org/edge/community.json', 'community.json', false],
      ['debian-security-tracker', 'https://security-tracker.debian.org/tracker/data/json', 'tracker.json', false],
      [
        'kev',
        'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
        'known_exploited_vulnerabilities.json',
        false,
      ],
      ['epss', 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz', 'epss_scores-current.csv.gz', false],
    ]);
  });

  it('discovers Alpine branches from the index; those files may be absent', async () => {
    const config = resolveUpdateConfig({ alpineUrl: 'https://mirror.example/secdb/' }, {});
    const asked: string[] = [];
    const source = FEED_SOURCES.find((entry) => entry.name === 'alpine');
    const resources = await source?.resources(config, async (url) => {
      asked.push(url);
      return '<a href="v3.10/">v3.10/</a> <a href="v3.9/">v3.9/</a>';
    });
    expect(asked).toEqual(['https://mirror.example/secdb/']);
    expect(resources?.map((resource) => [resource.url, resource.optional])).toEqual([
      ['https://mirror.example/secdb/v3.9/main.json', true],
      ['https://mirror.example/secdb/v3.9/community.json', true],
      ['https://mirror.example/secdb/v3.10/main.json', true],
      ['https://mirror.example/secdb/v3.10/community.json', true],
    ]);
    await expect(source?.resources(config, async () => '<a href="edge/">edge/</a>')).rejects.toThrow(
      'the index at https://mirror.example/secdb/ lists no v3.N branch folders',
    );
  });

  it.each([
    [
      'nginx autoindex',
      '<a href="../">../</a>\n<a href="edge/">edge/</a>\n<a href="v3.22/">v3.22/</a>\n<a href="v3.2/">v3.2/</a>\n<a href="last-update">last-update</a>',
      ['v3.2', 'v3.22'],
    ],
    [
      'relative and quoted variants',
      `<a href='./v3.10'>x</a><A HREF="v3.9/">y</A><a href="v3.10/main.json">z</a>`,
      ['v3.9', 'v3.10'],
    ],
    ['no branches', '<html><body>maintenance</body></html>', []],
  ])('branchesOnIndex: %s', (_label, html, expected) => {
    expect(branchesOnIndex(html)).toEqual(expected);
  });
});
