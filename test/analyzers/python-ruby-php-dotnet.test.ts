/**
 * The python, ruby, php and dotnet analyzers end to end: a `dir:` root filesystem with installed packages and lock
 * files in their usual places gives exactly the expected inventory (purls, analyzers, locations, merges), and the
 * real Debian 12 tools image, which has python3 but no Python distributions installed, gives no Python packages.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dotnetAnalyzer } from '../../src/analyzers/dotnet/index.ts';
import { phpAnalyzer } from '../../src/analyzers/php/index.ts';
import { pythonAnalyzer } from '../../src/analyzers/python/index.ts';
import { rubyAnalyzer } from '../../src/analyzers/ruby/index.ts';
import { noLayerCache } from '../../src/image/layer-cache.ts';
import { openImage } from '../../src/image/sources/open-image.ts';
import { analyzeImage } from '../../src/pipeline/analyze.ts';
import { ensureDebianImages, missingPrerequisites } from '../support/debian-images.ts';

const ANALYZERS = [pythonAnalyzer, rubyAnalyzer, phpAnalyzer, dotnetAnalyzer];

/** Image path ← fixture (`<analyzer>/__fixtures__/<name>`). */
const LAYOUT: Record<string, string> = {
  'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA': 'python/requests-METADATA',
  'usr/lib/python3/dist-packages/requests-2.31.0.dist-info/RECORD': 'python/requests-METADATA',
  'usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO': 'python/six-PKG-INFO',
  'usr/lib/python3/dist-packages/Brlapi-0.8.4.egg-info': 'python/Brlapi-0.8.4.egg-info',
  'app/poetry.lock': 'python/poetry-1.4.lock',
  'usr/local/lib/ruby/gems/3.2.0/specifications/rack-3.0.8.gemspec': 'ruby/rack-3.0.8.gemspec',
  'usr/local/lib/ruby/gems/3.2.0/gems/rack-3.0.8/rack.gemspec': 'ruby/computed.gemspec',
  'app/vendor/composer/installed.json': 'php/installed-v2.json',
  'app/App.deps.json': 'dotnet/App.deps.json',
};

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lucent-lang-analyzers-'));
  for (const [path, fixture] of Object.entries(LAYOUT)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await copyFile(
      new URL(`../../src/analyzers/${fixture.replace('/', '/__fixtures__/')}`, import.meta.url),
      join(root, path),
    );
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('python, ruby, php and dotnet on a directory', () => {
  it('finds exactly the installed and locked packages, merged by purl', async () => {
    const image = await openImage(`dir:${root}`);
    const { inventory } = await analyzeImage(image, { cache: noLayerCache, analyzers: ANALYZERS });
    const at = (path: string) => ({ path, layerIndex: 0 });
    expect(inventory.packages.map(({ purl, foundBy, locations }) => ({ purl, foundBy, locations }))).toEqual([
      {
        purl: 'pkg:composer/guzzlehttp/guzzle@7.8.0',
        foundBy: ['php'],
        locations: [at('/app/vendor/composer/installed.json')],
      },
      {
        purl: 'pkg:composer/guzzlehttp/promises@2.0.1',
        foundBy: ['php'],
        locations: [at('/app/vendor/composer/installed.json')],
      },
      {
        purl: 'pkg:composer/mockery/mockery@1.6.6',
        foundBy: ['php'],
        locations: [at('/app/vendor/composer/installed.json')],
      },
      {
        purl: 'pkg:gem/rack@3.0.8',
        foundBy: ['ruby'],
        locations: [at('/usr/local/lib/ruby/gems/3.2.0/specifications/rack-3.0.8.gemspec')],
      },
      {
        purl: 'pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0',
        foundBy: ['dotnet'],
        locations: [at('/app/App.deps.json')],
      },
      {
        purl: 'pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0',
        foundBy: ['dotnet'],
        locations: [at('/app/App.deps.json')],
      },
      { purl: 'pkg:nuget/Newtonsoft.Json@13.0.3', foundBy: ['dotnet'], locations: [at('/app/App.deps.json')] },
      {
        purl: 'pkg:pypi/brlapi@0.8.4',
        foundBy: ['python'],
        locations: [at('/usr/lib/python3/dist-packages/Brlapi-0.8.4.egg-info')],
      },
      { purl: 'pkg:pypi/certifi@2023.7.22', foundBy: ['python'], locations: [at('/app/poetry.lock')] },
      { purl: 'pkg:pypi/charset-normalizer@3.2.0', foundBy: ['python'], locations: [at('/app/poetry.lock')] },
      { purl: 'pkg:pypi/iniconfig@2.0.0', foundBy: ['python'], locations: [at('/app/poetry.lock')] },
      { purl: 'pkg:pypi/pytest@7.4.0', foundBy: ['python'], locations: [at('/app/poetry.lock')] },
      {
        purl: 'pkg:pypi/requests@2.31.0',
        foundBy: ['python'],
        locations: [at('/app/poetry.lock'), at('/usr/lib/python3/dist-packages/requests-2.31.0.dist-info/METADATA')],
      },
      {
        purl: 'pkg:pypi/six@1.16.0',
        foundBy: ['python'],
        locations: [at('/usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO')],
      },
    ]);
    const requests = inventory.packages.find((pkg) => pkg.purl === 'pkg:pypi/requests@2.31.0');
    expect(requests).toMatchObject({
      licenses: ['Apache-2.0'],
      dependsOn: ['pypi:certifi@2023.7.22', 'pypi:charset-normalizer@3.2.0'],
    });
    expect(inventory.packages.filter((pkg) => pkg.dev).map((pkg) => pkg.purl)).toEqual([
      'pkg:composer/mockery/mockery@1.6.6',
      'pkg:pypi/iniconfig@2.0.0',
      'pkg:pypi/pytest@7.4.0',
    ]);
    // The gemspec inside an unpacked gem is the gem's own source, not an installed specification: not read.
    expect(inventory.unknowns).toEqual([]);
  });
});

const missing = await missingPrerequisites();

describe.skipIf(missing.length > 0)('python on the Debian 12 tools image', () => {
  it('python3 is installed, but /usr/lib/python3/dist-packages holds no distributions: nothing is found', async () => {
    const { tools } = await ensureDebianImages();
    const image = await openImage(`docker-archive:${tools.dockerArchive}`);
    const matched: string[] = [];
    try {
      const { inventory } = await analyzeImage(image, {
        cache: noLayerCache,
        analyzers: [pythonAnalyzer],
        onFileMatched: (path) => matched.push(path),
      });
      expect(tools.packages.map((pkg) => pkg.name)).toContain('python3.11');
      expect(matched).toEqual([]);
      expect(inventory.packages).toEqual([]);
      expect(inventory.unknowns).toEqual([]);
    } finally {
      await image.close();
    }
  });
});
