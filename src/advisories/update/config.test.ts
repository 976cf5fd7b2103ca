import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_URLS, DEFAULT_OSV_ECOSYSTEMS, resolveUpdateConfig } from './config.ts';

describe('resolveUpdateConfig', () => {
  it('defaults to every feed, the matcher’s ecosystems, discovered Alpine branches and the upstream URLs', () => {
    expect(resolveUpdateConfig({}, {})).toEqual({
      feeds: ['osv', 'alpine', 'debian', 'kev', 'epss'],
      osvEcosystems: DEFAULT_OSV_ECOSYSTEMS,
      alpineBranches: undefined,
      urls: DEFAULT_FEED_URLS,
      timeoutMs: 60_000,
    });
    expect(DEFAULT_OSV_ECOSYSTEMS).toEqual([
      'Go',
      'npm',
      'PyPI',
      'Maven',
      'RubyGems',
      'crates.io',
      'Packagist',
      'NuGet',
      'Ubuntu',
    ]);
  });

  it('takes a flag over LUCENT_<FEED>_URL over the default, without trailing slashes', () => {
    const config = resolveUpdateConfig(
      { osvUrl: 'https://mirror.example/osv/', feeds: 'epss, osv,osv', timeout: '2.5' },
      {
        LUCENT_OSV_URL: 'https://env.example/osv',
        LUCENT_KEV_URL: 'http://kev.internal/kev.json',
        LUCENT_EPSS_URL: '',
      },
    );
    expect(config.urls).toEqual({
      ...DEFAULT_FEED_URLS,
      osv: 'https://mirror.example/osv',
      kev: 'http://kev.internal/kev.json',
    });
    // Listed in the registry's order, once each.
    expect(config.feeds).toEqual(['osv', 'epss']);
    expect(config.timeoutMs).toBe(2500);
  });

  it.each([
    [{ feeds: 'osv,nvd' }, /^unknown feed "nvd" in --feeds$/],
    [{ feeds: ' , ' }, /^--feeds needs at least one name$/],
    [{ osvEcosystems: '' }, /^--osv-ecosystems needs at least one name$/],
    [{ kevUrl: 'kev.json' }, /^--kev-url: "kev.json" is not a URL$/],
    [{ alpineUrl: 'ftp://mirror/secdb' }, /^--alpine-url: "ftp:\/\/mirror\/secdb" is not an http\(s\) URL$/],
    [{ timeout: '0' }, /^invalid --timeout "0"$/],
  ])('%j is a usage error', (flags, message) => {
    expect(() => resolveUpdateConfig(flags, {})).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: expect.stringMatching(message) }),
    );
  });

  it('names the variable when the bad URL comes from the environment', () => {
    expect(() => resolveUpdateConfig({}, { LUCENT_DEBIAN_URL: 'nope' })).toThrow(
      /^LUCENT_DEBIAN_URL: "nope" is not a URL$/,
    );
  });
});
