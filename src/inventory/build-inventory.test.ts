import { describe, expect, it } from 'vitest';
import type { FoundPackage } from '../core/package.ts';
import { layerIndexOf } from '../image/walker/layer-index.ts';
import { SquashedFs } from '../image/walker/squashed-fs.ts';
import type { AnalyzedLayer } from '../pipeline/analyze-layers.ts';
import { buildInventory } from './build-inventory.ts';

const file = (path: string) => ({ path, type: 'file' as const, size: 1, mode: 0o644, uid: 0, gid: 0 });

function layer(
  index: number,
  paths: string[],
  findings: AnalyzedLayer['findings'],
  whiteouts: string[] = [],
): AnalyzedLayer {
  return {
    layer: { index, digest: `sha256:${index}`, diffId: `sha256:${String(index).repeat(64)}`, mediaType: 't', size: 1 },
    index: layerIndexOf(paths.map(file), whiteouts),
    findings,
    skipped: [],
    warnings: [],
    fromCache: false,
  };
}

const osRelease = {
  'os-release': { files: { 'etc/os-release': { packages: [], os: { id: 'debian', versionId: '12' } } } },
};
const curl: FoundPackage = { type: 'deb', name: 'curl', version: '7.88.1-10', qualifiers: { arch: 'amd64' } };
const zlib: FoundPackage = { type: 'deb', name: 'zlib1g', version: '1:1.2.13', qualifiers: { arch: 'amd64' } };

function inventoryOf(layers: AnalyzedLayer[]) {
  return buildInventory(SquashedFs.merge(layers.map((item) => item.index)), layers);
}

describe('buildInventory', () => {
  it('builds distro purls, keeps only the surviving database, and attributes packages to the layer that added them', () => {
    const inventory = inventoryOf([
      layer(0, ['etc/os-release', 'var/lib/dpkg/status'], {
        ...osRelease,
        dpkg: { files: { 'var/lib/dpkg/status': { packages: [zlib] } } },
      }),
      layer(1, ['var/lib/dpkg/status'], { dpkg: { files: { 'var/lib/dpkg/status': { packages: [zlib, curl] } } } }),
    ]);
    expect(inventory.os).toEqual({ id: 'debian', versionId: '12' });
    expect(inventory.packages.map((pkg) => [pkg.purl, pkg.locations[0]?.layerIndex])).toEqual([
      ['pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12', 1],
      ['pkg:deb/debian/zlib1g@1:1.2.13?arch=amd64&distro=debian-12', 0],
    ]);
  });

  it('drops packages whose declaring file was whited out', () => {
    const inventory = inventoryOf([
      layer(0, ['app/package-lock.json'], {
        npm: { files: { 'app/package-lock.json': { packages: [{ type: 'npm', name: 'ms', version: '2.1.2' }] } } },
      }),
      layer(1, [], {}, ['app/package-lock.json']),
    ]);
    expect(inventory.packages).toEqual([]);
  });

  it('merges one package found in two files: locations, edges, hashes and the dev flag', () => {
    const installed: FoundPackage = { type: 'npm', name: 'ms', version: '2.1.2', licenses: ['MIT'] };
    const locked: FoundPackage = {
      type: 'npm',
      name: 'ms',
      version: '2.1.2',
      dev: true,
      dependsOn: ['npm:x@1.0.0'],
      hashes: [{ algorithm: 'SHA-512', value: 'ab' }],
    };
    const inventory = inventoryOf([
      layer(0, ['app/node_modules/ms/package.json', 'app/package-lock.json'], {
        npm: {
          files: {
            'app/node_modules/ms/package.json': { packages: [installed] },
            'app/package-lock.json': { packages: [locked] },
          },
        },
      }),
    ]);
    expect(inventory.packages).toEqual([
      {
        ...installed,
        purl: 'pkg:npm/ms@2.1.2',
        dev: true,
        dependsOn: ['npm:x@1.0.0'],
        hashes: [{ algorithm: 'SHA-512', value: 'ab' }],
        foundBy: ['npm'],
        locations: [
          { path: '/app/node_modules/ms/package.json', layerDiffId: `sha256:${'0'.repeat(64)}`, layerIndex: 0 },
          { path: '/app/package-lock.json', layerDiffId: `sha256:${'0'.repeat(64)}`, layerIndex: 0 },
        ],
      },
    ]);
  });

  it('records analyzer errors as unknowns and keeps going', () => {
    const inventory = inventoryOf([
      layer(0, ['app/poetry.lock'], {
        python: { files: { 'app/poetry.lock': { packages: [], error: 'invalid TOML at line 3' } } },
      }),
    ]);
    expect(inventory.unknowns).toEqual([
      {
        path: '/app/poetry.lock',
        analyzer: 'python',
        reason: 'invalid TOML at line 3',
        layerDiffId: `sha256:${'0'.repeat(64)}`,
      },
    ]);
  });
});
