/**
 * Images pushed by skopeo into a real registry (distribution 2.8) as OCI, as Docker v2 schema 2, and as
 * multi-platform OCI indexes and Docker manifest lists, read back through openRegistryImage.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Digest } from '../../src/image/digest.ts';
import type { Image } from '../../src/image/image.ts';
import { hostPlatform } from '../../src/image/platform.ts';
import { openRegistryImage } from '../../src/image/sources/registry/index.ts';
import { fixtureImage } from '../support/fixtures.ts';
import { buildIndexLayout, pushImage, type RegistryServer, startRegistry } from '../support/registry-server.ts';
import { skopeoRawManifest, streamedNames, tarMemberNames } from './layer-files.ts';

const OCI_GZIP = fixtureImage('dive/dive-test-oci-gzip-image.tar');
const OCI_ZSTD = fixtureImage('dive/dive-test-oci-zstd-image.tar');
const SYMLINKS = fixtureImage('osv-scalibr/symlinks.tar');
const HELLO = fixtureImage('go-containerregistry/hello-world-v25.tar');

const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerGzipLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};

// Known digests of the fixtures (visible with `tar xOf ARCHIVE index.json` and friends).
const DIVE = {
  manifest: 'sha256:7d255e9e3d216a9a92a5c1ce0563a5ddd92f28a34a9df025d3cf8dfa5ea08366',
  config: 'sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959',
  gzipLayer: 'sha256:9aef42427209c9a180c61bb36b0b09681cbe3d3ff6409408bde0eb17ec1ba0cc',
  zstdLayer: 'sha256:0308a5d81b28debb7e24a609dcdfca5fdb64c908bda38b0e4774a7d017a67297',
  diffId: 'sha256:356d5e7f4012d87cb1078ac1f480e90528eec4940ce45c50380321436db38758',
  createdBy: 'COPY README.md /README.md # buildkit',
};
const SYMLINKS_IMAGE = {
  config: 'sha256:3d88044e75a25013df25131326fcc2d5ca38599f880ab9bb132c8cfa554c46bb',
  diffIds: [
    'sha256:0072aaddbd625cce098d2dcefd61656e4424f2a787a74f38c14a6307c58ace40',
    'sha256:4b1d0739cbdee33dda3499b66bad543d28ae5a744a448b141ee521992542afc1',
  ],
  layerTars: [
    'cca992d2c8059d9be9d56388cf20ab361b2fbed94584cf87248972a02bfc252e/layer.tar',
    '468d48acde57c560616721c17f51b27a4687f877e21a30c30f7082c0e2a874cd/layer.tar',
  ],
  createdBy: ['COPY /dir1/ /dir1/ # buildkit', 'COPY /dir2/ /dir2/ # buildkit'],
};

let registry: RegistryServer;
let layoutDir: string;
let indexDigest: string;
const opened: Image[] = [];

async function open(reference: string, options: Parameters<typeof openRegistryImage>[1] = {}): Promise<Image> {
  const image = await openRegistryImage(`${registry.host}/${reference}`, options);
  opened.push(image);
  return image;
}

beforeAll(async () => {
  registry = await startRegistry();
  await pushImage(`oci-archive:${OCI_GZIP}`, `${registry.host}/dive/gzip:oci`, { format: 'oci' });
  await pushImage(`oci-archive:${OCI_ZSTD}`, `${registry.host}/dive/zstd:oci`, { format: 'oci' });
  await pushImage(`docker-archive:${SYMLINKS}`, `${registry.host}/symlinks:v2s2`, { format: 'v2s2' });
  await pushImage(`docker-archive:${HELLO}`, `${registry.host}/hello:v2s2`, { format: 'v2s2' });
  layoutDir = await mkdtemp(join(tmpdir(), 'lucent-index-'));
  indexDigest = await buildIndexLayout(layoutDir, [
    { src: `docker-archive:${SYMLINKS}`, platform: { os: 'linux', architecture: 'amd64' } },
    { src: `oci-archive:${OCI_GZIP}`, platform: { os: 'linux', architecture: 'arm64' } },
  ]);
  await pushImage(`oci:${layoutDir}`, `${registry.host}/multi:oci`, { all: true });
  await pushImage(`oci:${layoutDir}`, `${registry.host}/multi:list`, { all: true, format: 'v2s2' });
});

afterAll(async () => {
  await Promise.all(opened.map((image) => image.close()));
  await registry?.stop();
  if (layoutDir) await rm(layoutDir, { recursive: true, force: true });
});

describe('an OCI image', () => {
  it('reads manifest, config, platform, history and layers', async () => {
    const image = await open('dive/gzip:oci');
    expect(image.source).toEqual({ kind: 'registry', reference: `${registry.host}/dive/gzip:oci` });
    expect(image.name).toBe(`${registry.host}/dive/gzip:oci`);
    expect(image.manifest).toEqual({ digest: DIVE.manifest, mediaType: MEDIA.ociManifest });
    expect(image.index).toBeUndefined();
    expect(image.configDigest).toBe(DIVE.config);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(image.config.config?.WorkingDir).toBe('/');
    expect(image.repoTags).toEqual([]);
    expect(image.warnings).toEqual([]);
    expect(image.history).toEqual([
      {
        created: '2025-01-26T22:54:00.500849935+01:00',
        createdBy: DIVE.createdBy,
        comment: 'buildkit.dockerfile.v0',
        emptyLayer: false,
        layerIndex: 0,
      },
    ]);
    expect(image.layers.map(({ entries: _entries, ...layer }) => layer)).toEqual([
      {
        index: 0,
        digest: DIVE.gzipLayer,
        diffId: DIVE.diffId,
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        size: 4132,
        createdBy: DIVE.createdBy,
      },
    ]);
  });

  it('streams exactly the files of the source layer, twice', async () => {
    const image = await open('dive/gzip:oci');
    const expected = await tarMemberNames(OCI_GZIP, `blobs/sha256/${DIVE.gzipLayer.slice(7)}`, true);
    expect(expected).toEqual(['README.md']);
    expect(await streamedNames(image)).toEqual([expected]);
    expect(await streamedNames(image)).toEqual([expected]);
  });

  it('reads a zstd layer', async () => {
    const image = await open('dive/zstd:oci');
    expect(image.layers.map((layer) => [layer.digest, layer.diffId, layer.mediaType])).toEqual([
      [DIVE.zstdLayer, DIVE.diffId, 'application/vnd.oci.image.layer.v1.tar+zstd'],
    ]);
    expect(await streamedNames(image)).toEqual([['README.md']]);
  });

  it.each([
    [`dive/gzip@${DIVE.manifest}`, `dive/gzip@${DIVE.manifest}`],
    [`dive/gzip:oci@${DIVE.manifest}`, `dive/gzip:oci@${DIVE.manifest}`],
  ])('opens %s by digest', async (reference, name) => {
    const image = await open(reference);
    expect(image.name).toBe(`${registry.host}/${name}`);
    expect(image.manifest).toEqual({ digest: DIVE.manifest, mediaType: MEDIA.ociManifest });
    expect(image.configDigest).toBe(DIVE.config);
  });

  it('warns when a single-platform image is not the requested platform', async () => {
    const image = await open('dive/gzip:oci', { platform: { os: 'linux', architecture: 'amd64' } });
    expect(image.warnings).toEqual(['the image is linux/arm64, not the requested linux/amd64']);
  });
});

describe('a Docker v2 schema 2 image', () => {
  it('reads manifest, config, layers and diffIDs as the registry holds them', async () => {
    const image = await open('symlinks:v2s2');
    const raw = await skopeoRawManifest(`${registry.host}/symlinks:v2s2`);
    expect(image.manifest).toEqual({ digest: sha256Digest(raw.bytes), mediaType: MEDIA.dockerManifest });
    expect(image.configDigest).toBe(SYMLINKS_IMAGE.config);
    expect(raw.json.config.digest).toBe(SYMLINKS_IMAGE.config);
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.layers.map(({ entries: _entries, ...layer }) => layer)).toEqual(
      raw.json.layers.map((layer, index) => ({
        index,
        digest: layer.digest,
        diffId: SYMLINKS_IMAGE.diffIds[index],
        mediaType: MEDIA.dockerGzipLayer,
        size: layer.size,
        createdBy: SYMLINKS_IMAGE.createdBy[index],
      })),
    );
    expect(raw.json.layers).toHaveLength(2);
  });

  it('streams exactly the files of each source layer', async () => {
    const image = await open('symlinks:v2s2');
    const expected = await Promise.all(SYMLINKS_IMAGE.layerTars.map((member) => tarMemberNames(SYMLINKS, member)));
    expect(expected[1]).toEqual([
      'dir2/',
      'dir2/dir3/',
      'dir2/dir3/absolute-chain-symlink.txt',
      'dir2/dir3/absolute-subfolder-symlink.txt',
      'dir2/dir3/absolute-symlink-inside-root.txt',
      'dir2/dir3/relative-subfolder-symlink.txt',
    ]);
    expect(await streamedNames(image)).toEqual(expected);
  });

  it('ties history records to layers, skipping empty ones', async () => {
    const image = await open('hello:v2s2');
    expect(image.history).toEqual([
      {
        created: '2023-05-02T16:49:27Z',
        createdBy: 'COPY hello / # buildkit',
        comment: 'buildkit.dockerfile.v0',
        emptyLayer: false,
        layerIndex: 0,
      },
      {
        created: '2023-05-02T16:49:27Z',
        createdBy: 'CMD ["/hello"]',
        comment: 'buildkit.dockerfile.v0',
        emptyLayer: true,
      },
    ]);
    expect(image.layers.map((layer) => [layer.diffId, layer.createdBy])).toEqual([
      ['sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43', 'COPY hello / # buildkit'],
    ]);
    expect(await streamedNames(image)).toEqual([['hello']]);
  });
});

describe('multi-platform images', () => {
  it.each([
    ['multi:oci', MEDIA.ociIndex, MEDIA.ociManifest],
    ['multi:list', MEDIA.dockerList, MEDIA.dockerManifest],
  ])('%s picks the image of the requested platform', async (tag, indexType, manifestType) => {
    const raw = await skopeoRawManifest(`${registry.host}/${tag}`);
    expect(raw.json.mediaType).toBe(indexType);
    const entryFor = (architecture: string) =>
      raw.json.manifests.find((entry) => entry.platform.architecture === architecture)?.digest;
    const index = { digest: sha256Digest(raw.bytes), mediaType: indexType };
    if (tag === 'multi:oci') expect(index.digest).toBe(indexDigest);

    // Converting the docker-archive to OCI rewrote its config, so ask the registry which config it holds.
    const amdManifest = await skopeoRawManifest(`${registry.host}/multi@${entryFor('amd64')}`);
    expect(amdManifest.json.config.digest).not.toBe(DIVE.config);

    const amd = await open(tag, { platform: { os: 'linux', architecture: 'amd64' } });
    expect(amd.index).toEqual(index);
    expect(amd.manifest).toEqual({ digest: entryFor('amd64'), mediaType: manifestType });
    expect(amd.configDigest).toBe(amdManifest.json.config.digest);
    expect(amd.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(amd.layers.map((layer) => layer.diffId)).toEqual(SYMLINKS_IMAGE.diffIds);
    expect((await streamedNames(amd))[0]).toEqual(
      await tarMemberNames(SYMLINKS, SYMLINKS_IMAGE.layerTars[0] as string),
    );
    expect(amd.warnings).toEqual([]);

    const arm = await open(tag, { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } });
    expect(arm.index).toEqual(index);
    expect(arm.manifest).toEqual({ digest: entryFor('arm64'), mediaType: manifestType });
    expect(arm.configDigest).toBe(DIVE.config);
    expect(arm.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(arm.layers.map((layer) => layer.diffId)).toEqual([DIVE.diffId]);
    expect(await streamedNames(arm)).toEqual([['README.md']]);
  });

  it('defaults to the host platform', async () => {
    const image = await open('multi:oci');
    expect(image.platform).toEqual({ os: 'linux', architecture: hostPlatform().architecture });
    const expected = hostPlatform().architecture === 'arm64' ? [DIVE.diffId] : SYMLINKS_IMAGE.diffIds;
    expect(image.layers.map((layer) => layer.diffId)).toEqual(expected);
  });

  it('explains which platforms exist when the requested one does not', async () => {
    await expect(open('multi:oci', { platform: { os: 'linux', architecture: 's390x' } })).rejects.toMatchObject({
      code: 'E_PLATFORM_NOT_FOUND',
      message: `${registry.host}/multi:oci (index ${indexDigest}) has no image for platform linux/s390x`,
      hint: 'available platforms: linux/amd64, linux/arm64; choose one with --platform',
    });
  });
});

describe('missing images', () => {
  it.each([
    ['dive/gzip:nope', 'manifest nope was not found in', 'dive/gzip', 'MANIFEST_UNKNOWN: manifest unknown'],
    ['no/such/repo:latest', 'manifest latest was not found in', 'no/such/repo', 'MANIFEST_UNKNOWN: manifest unknown'],
  ])('%s → E_REGISTRY_NOT_FOUND naming the repository', async (reference, prefix, repository, detail) => {
    await expect(open(reference)).rejects.toMatchObject({
      code: 'E_REGISTRY_NOT_FOUND',
      message: `${prefix} ${registry.host}/${repository} (${detail})`,
    });
  });
});
