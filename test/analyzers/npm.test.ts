/**
 * The npm analyzer end to end, through the same pipeline as `lucent analyze`: the npm7 image's package-lock gives its
 * 64 packages, the pnpm v9 image's lock gives its 2, the applications' own package.json files give none, and a lock
 * file next to the node_modules it installed gives one package per purl, found in both places.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npmAnalyzer } from '../../src/analyzers/npm/index.ts';
import { osReleaseAnalyzer } from '../../src/analyzers/os-release/index.ts';
import type { Package } from '../../src/core/package.ts';
import type { Image } from '../../src/image/image.ts';
import { noLayerCache } from '../../src/image/layer-cache.ts';
import { openImage } from '../../src/image/sources/open-image.ts';
import { memoryLayer, type TestEntry, tarBytes } from '../../src/image/testing/test-layers.ts';
import { analyzeImage } from '../../src/pipeline/analyze.ts';
import { fixtureImage } from '../support/fixtures.ts';

const ANALYZERS = [osReleaseAnalyzer, npmAnalyzer];
const NPM_FIXTURES = new URL('../../src/analyzers/npm/__fixtures__/', import.meta.url);

/** An expected-list fixture: one `name@version` a line, `#` lines are comments. */
function expectedList(name: string): string[] {
  return readFileSync(new URL(`images/${name}`, NPM_FIXTURES), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

async function analyze(source: string | Image) {
  const image = typeof source === 'string' ? await openImage(source) : source;
  try {
    return await analyzeImage(image, { cache: noLayerCache, analyzers: ANALYZERS });
  } finally {
    await image.close();
  }
}

const nameAtVersion = (pkg: Package) => `${pkg.namespace ? `${pkg.namespace}/` : ''}${pkg.name}@${pkg.version}`;
const sorted = (items: string[]) => [...items].sort();

describe('npm7-with-package-lock-file image', () => {
  it('gives the 64 distinct packages of /goof/package-lock.json, and not the app itself', async () => {
    const { inventory } = await analyze(fixtureImage('snyk-docker-plugin/npm_npm7-with-package-lock-file.tar'));
    const npm = inventory.packages.filter((pkg) => pkg.type === 'npm');
    expect(sorted(npm.map(nameAtVersion))).toEqual(sorted(expectedList('npm7-with-package-lock-file.expected.txt')));
    expect(npm).toHaveLength(64);
    expect(new Set(npm.map((pkg) => pkg.purl)).size).toBe(64);
    expect(npm.every((pkg) => pkg.foundBy.join() === 'npm' && pkg.dev === undefined)).toBe(true);
    expect(new Set(npm.flatMap((pkg) => pkg.locations.map((location) => location.path)))).toEqual(
      new Set(['/goof/package-lock.json']),
    );
    expect(inventory.packages.some((pkg) => pkg.name === 'goof')).toBe(false);
    expect(inventory.unknowns).toEqual([]);
    // express's 31 `requires` resolve to 31 edges, 11 of them to its own nested copies.
    const express = npm.find((pkg) => pkg.name === 'express');
    expect(express?.purl).toBe('pkg:npm/express@4.19.2');
    expect(express?.dependsOn).toHaveLength(31);
    expect(express?.dependsOn).toEqual(expect.arrayContaining(['npm:body-parser@1.20.2', 'npm:qs@6.11.0']));
  });
});

describe('pnpmlockv9 image', () => {
  it('gives debug and ms from /app/pnpm-lock.yaml, and not the app itself', async () => {
    const { inventory } = await analyze(fixtureImage('snyk-docker-plugin/pnpm_pnpmlockv9.tar'));
    const npm = inventory.packages.filter((pkg) => pkg.type === 'npm');
    expect(npm.map((pkg) => [pkg.purl, pkg.dependsOn ?? [], pkg.dev, pkg.locations.map((l) => l.path)])).toEqual([
      ['pkg:npm/debug@4.3.4', ['npm:ms@2.1.2'], undefined, ['/app/pnpm-lock.yaml']],
      ['pkg:npm/ms@2.1.2', [], undefined, ['/app/pnpm-lock.yaml']],
    ]);
    expect(sorted(npm.map(nameAtVersion))).toEqual(expectedList('pnpm-lockv9.expected.txt'));
    expect(inventory.unknowns).toEqual([]);
  });
});

/** A small image over in-memory layers. */
async function memoryImage(layers: TestEntry[][]): Promise<Image> {
  const built = await Promise.all(
    layers.map(async (entries, index) => memoryLayer(await tarBytes(entries), { index })),
  );
  return {
    source: { kind: 'docker-archive', reference: 'memory' },
    name: 'memory',
    config: {} as Image['config'],
    history: [],
    layers: built,
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
}

const manifest = (name: string, version: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name, version, ...extra });

describe('a lock file and the node_modules it installed', () => {
  it('merge into one package per purl, found by npm in both files', async () => {
    const lock = readFileSync(new URL('package-lock-v3.json', NPM_FIXTURES), 'utf8');
    const image = await memoryImage([
      [
        { name: 'srv/package.json', content: manifest('server', '2.0.0') },
        { name: 'srv/package-lock.json', content: lock },
      ],
      [
        { name: 'srv/node_modules/send/package.json', content: manifest('send', '0.17.1', { license: 'MIT' }) },
        { name: 'srv/node_modules/send/node_modules/ms/package.json', content: manifest('ms', '2.1.1') },
        { name: 'srv/node_modules/send/lib/package.json', content: '{"type":"commonjs"}' },
        { name: 'srv/node_modules/debug/package.json', content: manifest('debug', '2.6.9') },
        { name: 'srv/node_modules/ms/package.json', content: manifest('ms', '2.0.0') },
        { name: 'srv/node_modules/some-git/package.json', content: manifest('some-git', '1.0.0') },
        { name: 'srv/node_modules/some-git/node_modules/ms/package.json', content: manifest('ms', '2.1.3') },
        // Installed but not in the lock (added by hand after `npm ci`): still a package.
        { name: 'srv/node_modules/@types/node/package.json', content: manifest('@types/node', '18.19.3') },
        { name: 'srv/node_modules/.package-lock.json', content: lock },
      ],
    ]);
    const { inventory } = await analyze(image);
    const purls = inventory.packages.map((pkg) => pkg.purl);
    expect(purls).toEqual([
      'pkg:npm/%40types/node@18.19.3',
      'pkg:npm/chokidar@3.5.3',
      'pkg:npm/debug@2.6.9',
      'pkg:npm/fsevents@2.3.3',
      'pkg:npm/ms@2.0.0',
      'pkg:npm/ms@2.1.1',
      'pkg:npm/ms@2.1.3',
      'pkg:npm/send@0.17.1',
      'pkg:npm/some-git@1.0.0',
    ]);
    expect(new Set(purls).size).toBe(purls.length);
    const byPurl = new Map(inventory.packages.map((pkg) => [pkg.purl, pkg]));
    expect(byPurl.get('pkg:npm/ms@2.1.1')?.foundBy).toEqual(['npm']);
    expect(byPurl.get('pkg:npm/ms@2.1.1')?.locations).toEqual([
      { path: '/srv/package-lock.json', layerDiffId: image.layers[0]?.diffId, layerIndex: 0 },
      {
        path: '/srv/node_modules/send/node_modules/ms/package.json',
        layerDiffId: image.layers[1]?.diffId,
        layerIndex: 1,
      },
    ]);
    expect(byPurl.get('pkg:npm/send@0.17.1')?.dependsOn).toEqual(['npm:debug@2.6.9', 'npm:ms@2.1.1']);
    expect(byPurl.get('pkg:npm/chokidar@3.5.3')?.dev).toBe(true);
    expect(inventory.unknowns).toEqual([]);
  });
});
