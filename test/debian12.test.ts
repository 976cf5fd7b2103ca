/**
 * The walker on real Debian 12 images built by the test tooling (docs/test-images.md): both the docker archive and
 * the OCI layout of each image give the same filesystem, the files the second layer added come from it, and the
 * dpkg file lists match the ground truth recorded at build time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { mergedFileContent, mergeLayers, readLayers } from '../src/pipeline/read-layers.ts';
import { type BuiltImage, ensureDebianImages, missingPrerequisites } from './support/debian-images.ts';

const missing = await missingPrerequisites();
let images: { minbase: BuiltImage; tools: BuiltImage };

async function squash(source: string) {
  const image = await openImage(source);
  try {
    const layers = await readLayers(image, {
      cache: noLayerCache,
      wants: (path) => path === 'usr/lib/os-release' || path === 'var/lib/dpkg/status',
    });
    return { image, layers, fs: mergeLayers(layers) };
  } finally {
    await image.close();
  }
}

/** dpkg keeps one `.list` file per installed package (`name.list`, or `name:arch.list` for Multi-Arch: same). */
function packagesFromDpkgLists(paths: string[]): string[] {
  return paths
    .filter((path) => path.startsWith('var/lib/dpkg/info/') && path.endsWith('.list'))
    .map((path) => path.slice('var/lib/dpkg/info/'.length, -'.list'.length).replace(/:.*$/, ''))
    .sort();
}

describe.skipIf(missing.length > 0)('Debian 12 images built with mmdebstrap + umoci', () => {
  beforeAll(async () => {
    images = await ensureDebianImages();
  });

  it('minbase: one layer, os-release through its symlink, a dpkg file list per ground-truth package', async () => {
    const { image, layers, fs } = await squash(`docker-archive:${images.minbase.dockerArchive}`);
    expect(image.layers).toHaveLength(1);
    expect(fs.get('etc/os-release')).toMatchObject({ type: 'symlink', linkTarget: '../usr/lib/os-release' });
    const osRelease = Buffer.from(mergedFileContent(fs, layers, 'etc/os-release') ?? []).toString();
    expect(osRelease).toContain('VERSION_ID="12"');
    expect(packagesFromDpkgLists(fs.list().map((node) => node.path))).toEqual(
      images.minbase.packages.map((pkg) => pkg.name).sort(),
    );
  });

  it('tools: the second layer brings curl, git and python3, and the upper dpkg status wins', async () => {
    const { image, layers, fs } = await squash(`docker-archive:${images.tools.dockerArchive}`);
    expect(image.layers).toHaveLength(2);
    for (const path of ['usr/bin/curl', 'usr/bin/git', 'usr/bin/python3.11', 'usr/bin/openssl']) {
      expect(fs.resolve(path)).toMatchObject({ found: true, node: { layer: 1 } });
    }
    expect(fs.get('var/lib/dpkg/status')?.layer).toBe(1);
    const status = Buffer.from(mergedFileContent(fs, layers, 'var/lib/dpkg/status') ?? []).toString();
    const installed = [...status.matchAll(/^Package: (.+)$/gm)].map((match) => match[1]).sort();
    expect(installed).toEqual(images.tools.packages.map((pkg) => pkg.name).sort());
    expect(packagesFromDpkgLists(fs.list().map((node) => node.path))).toEqual(installed);
  });

  it('the OCI layout and the docker archive of an image give the same filesystem', async () => {
    const archive = await squash(`docker-archive:${images.tools.dockerArchive}`);
    const layout = await squash(`oci-dir:${images.tools.ociLayout}`);
    const rows = (result: typeof archive) =>
      result.fs.list().map((node) => `${node.path} ${node.type} ${node.size} ${node.layer}`);
    expect(rows(layout)).toEqual(rows(archive));
    expect(layout.image.layers.map((layer) => layer.diffId)).toEqual(archive.image.layers.map((layer) => layer.diffId));
    expect(layout.image.manifest?.digest).toMatch(/^sha256:/);
  });
});
