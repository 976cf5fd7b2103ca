/**
 * Every fixture image, read through the same path the CLI uses: sources → layers → squashed filesystem. Assertions
 * are on exact files, layers and warnings.
 */
import { createReadStream, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Image, Layer } from '../src/image/image.ts';
import { noLayerCache } from '../src/image/layer-cache.ts';
import { tarLayerEntries } from '../src/image/layer-stream.ts';
import { openImage } from '../src/image/sources/open-image.ts';
import { SquashedFs } from '../src/image/walker/squashed-fs.ts';
import { walkLayer } from '../src/image/walker/walk-layer.ts';
import { inspectImage } from '../src/pipeline/inspect-image.ts';
import { type FilesReport, listFiles } from '../src/pipeline/list-files.ts';
import { fixtureImage } from './support/fixtures.ts';

async function read(relative: string, source = fixtureImage(relative)): Promise<{ image: Image; report: FilesReport }> {
  const image = await openImage(source);
  try {
    return { image, report: await listFiles(image, { cache: noLayerCache }) };
  } finally {
    await image.close();
  }
}

const pathsOf = (report: FilesReport) => report.files.map((file) => file.path);
const fileAt = (report: FilesReport, path: string) => report.files.find((file) => file.path === path);

describe('docker save archives', () => {
  it('dive: 14 layers, files deleted in later layers are absent, re-added ones come from their layer', async () => {
    const { image, report } = await read('dive/dive-test-docker-image.tar');
    expect(image.source.kind).toBe('docker-archive');
    expect(image.layers).toHaveLength(14);
    const paths = pathsOf(report);
    expect(paths.filter((path) => path.startsWith('/root/example'))).toEqual([]);
    expect(fileAt(report, '/root/saved.txt')?.layer).toBe(13);
    expect(fileAt(report, '/somefile.txt')?.layer).toBe(1);
    expect(paths).toEqual(expect.arrayContaining(['/root/.saved.txt', '/root/.data/tag.sh', '/tmp/saved.again1.txt']));
    expect(report.warnings).toEqual([]);
  });

  it('go-containerregistry whiteout image: the whited-out file is gone', async () => {
    const { report } = await read('go-containerregistry/whiteout_image.tar');
    expect(pathsOf(report)).toEqual(['/bar.txt']);
  });

  it('Docker 25 layout with an empty OCI index falls back to manifest.json', async () => {
    const { image, report } = await read('go-containerregistry/hello-world-v25.tar');
    expect(image.layers.map((layer) => layer.diffId)).toEqual([
      'sha256:12660636fe55438cc3ae7424da7ac56e845cdb52493ff9cf949c47a7f57f8b43',
    ]);
    expect(pathsOf(report)).toEqual(['/hello']);
  });

  it('newer docker save (index.json + manifest.json) is read as an OCI layout with its manifest digest', async () => {
    const { image, report } = await read('snyk-docker-plugin/docker-save_hello-world.tar');
    expect(image.source.kind).toBe('oci-archive');
    expect(image.manifest?.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(pathsOf(report)).toEqual(['/hello']);
  });

  it('containerd ctr export: Alpine 3.14 with its apk database', async () => {
    const { image, report } = await read('snyk-docker-plugin/containerd-archives_alpine.tar');
    expect(image.platform).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(image.manifest?.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(pathsOf(report)).toEqual(expect.arrayContaining(['/lib/apk/db/installed', '/etc/alpine-release']));
    expect(report.warnings).toEqual([]);
  });

  it('gzipped docker save (trivy alpine 3.10)', async () => {
    const { image, report } = await read('trivy/alpine-310.tar.gz');
    expect(image.layers).toHaveLength(1);
    expect(image.repoTags).toEqual(expect.arrayContaining([expect.stringContaining('alpine')]));
    expect(fileAt(report, '/etc/os-release')?.type).toBe('file');
    expect(report.files.length).toBeGreaterThan(400);
  });

  it('skopeo docker-archive (its layers are stored uncompressed, whatever the name says)', async () => {
    const { image, report } = await read('snyk-docker-plugin/skopeo-copy_nginx-compressed-layers.tar');
    expect(image.layers[0]?.mediaType).toBe('application/vnd.docker.image.rootfs.diff.tar');
    expect(pathsOf(report)).toContain('/var/lib/dpkg/status');
  });

  it('trimmed dockergoof (4 layers, 9 diffIDs): a documented warning, layers read in manifest order', async () => {
    const { image, report } = await read('snyk-docker-plugin/docker-save_dockergoof.tar');
    expect(image.layers).toHaveLength(4);
    expect(image.warnings).toEqual([
      expect.stringContaining('manifest.json lists 4 layers but the config lists 9 diffIDs'),
    ]);
    expect(image.layers.every((layer) => /^sha256:[a-f0-9]{64}$/.test(layer.diffId))).toBe(true);
    expect(fileAt(report, '/var/lib/dpkg/status')?.layer).toBe(3);
    expect(pathsOf(report)).toContain('/usr/lib/os-release');
  });

  it('an archive edited after export is read for what it holds, with an integrity warning', async () => {
    const { report } = await read('snyk-docker-plugin/docker-save_java.tar');
    expect(pathsOf(report)).toEqual(
      expect.arrayContaining(['/app/activation-1.1.1.jar', '/libs/audience-annotations-0.5.0.jar']),
    );
    expect(report.warnings).toEqual([
      expect.stringMatching(/^digest mismatch for uncompressed content \(diffID\) of layer 0/),
    ]);
  });
});

describe('OCI archives', () => {
  const formats = ['gzip', 'zstd', 'estargz', 'uncompressed'] as const;

  it.each(formats)('dive %s layers give the same filesystem', async (format) => {
    const { image, report } = await read(`dive/dive-test-oci-${format}-image.tar`);
    expect(image.source.kind).toBe('oci-archive');
    expect(image.manifest?.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(report.files.map((file) => [file.path, file.size])).toEqual([['/README.md', 11189]]);
  });

  it('multi-layer OCI archives (npm app on Alpine, pnpm v9 lock)', async () => {
    const npm = await read('snyk-docker-plugin/npm_npm7-with-package-lock-file.tar');
    expect(npm.image.layers).toHaveLength(4);
    expect(pathsOf(npm.report)).toContain('/lib/apk/db/installed');
    const pnpm = await read('snyk-docker-plugin/pnpm_pnpmlockv9.tar');
    expect(pnpm.image.layers).toHaveLength(3);
    expect(pathsOf(pnpm.report).some((path) => path.endsWith('pnpm-lock.yaml'))).toBe(true);
  });

  it('busybox has no package database but every file is listed', async () => {
    const { report } = await read('snyk-docker-plugin/oci-archives_busybox-1.31.1.tar');
    expect(fileAt(report, '/bin/[')).toMatchObject({ type: 'file', size: 1132800 });
    expect(fileAt(report, '/bin/busybox')).toMatchObject({ type: 'hardlink', linkTarget: '/bin/[', size: 1132800 });
    expect(fileAt(report, '/bin/sh')).toMatchObject({ type: 'hardlink', linkTarget: '/bin/[' });
  });
});

describe('hostile archives', () => {
  it('symlinks resolve inside the image root; attacks end at missing paths inside it', async () => {
    const image = await openImage(fixtureImage('osv-scalibr/symlinks.tar'));
    const report = await listFiles(image, { cache: noLayerCache });
    const fs = SquashedFs.merge(
      (await Promise.all(image.layers.map((layer) => walkLayer(layer)))).map((walked) => walked.index),
    );
    await image.close();
    expect(report.files).toHaveLength(14);
    expect(fs.resolve('dir2/dir3/relative-subfolder-symlink.txt')).toMatchObject({
      found: true,
      path: 'dir1/sample.txt',
    });
    expect(fs.resolve('dir2/dir3/absolute-chain-symlink.txt')).toMatchObject({ found: true, path: 'dir1/sample.txt' });
    expect(fs.resolve('dir1/attack-symlink.txt')).toEqual({ found: false, path: 'secret.txt', reason: 'missing' });
    expect(fs.resolve('dir1/attack-symlink-absolute.txt')).toEqual({
      found: false,
      path: 'secret.txt',
      reason: 'missing',
    });
  });

  it('a symlink cycle ends', async () => {
    const image = await openImage(fixtureImage('osv-scalibr/symlink-cycle.tar'));
    const walked = await walkLayer(image.layers[0] as Layer);
    await image.close();
    const fs = SquashedFs.merge([walked.index]);
    expect(fs.resolve('dir1/sample.txt')).toMatchObject({ found: false, reason: 'loop' });
  });

  it('escape.tar (a layer tar with trampoline symlinks to /tmp) writes and reads nothing outside the sandbox', async () => {
    const hostPoc = '/tmp/poc.txt';
    const existedBefore = existsSync(hostPoc);
    const path = fixtureImage('osv-scalibr/escape.tar');
    const layer: Layer = {
      index: 0,
      digest: 'escape',
      diffId: 'escape',
      mediaType: 'test',
      size: -1,
      entries: (options) => tarLayerEntries(async () => createReadStream(path), { describe: 'escape.tar' }, options),
    };
    const walked = await walkLayer(layer, { wants: () => true });
    const fs = SquashedFs.merge([walked.index]);
    expect(existsSync(hostPoc)).toBe(existedBefore);
    // …/trampoline/../../../tmp clamps at the image root: the lookup ends at the image's own (absent) /tmp.
    expect(fs.resolve('usr/share/doc/c/copyright')).toEqual({ found: false, path: 'tmp', reason: 'missing' });
    expect(fs.resolve('usr/share/doc/b/copyright')).toEqual({ found: false, path: 'tmp', reason: 'missing' });
    expect(fs.resolve('usr/share/doc/a/copyright')).toMatchObject({ found: true, path: '' });
    expect(fs.get('escape')?.type).toBe('symlink');
    expect(fs.get('escape/poc.txt')).toBeUndefined();
  });
});

describe('dir and file sources', () => {
  it('reads a directory without following its symlinks on the host', async () => {
    const { report } = await read('', `dir:${fixtureImage('../dirs/rootfs')}`);
    expect(report.files.map((file) => [file.path, file.type, file.linkTarget])).toEqual([
      ['/etc', 'directory', null],
      ['/etc/os-release', 'symlink', '../usr/lib/os-release'],
      ['/outside', 'symlink', '/etc/passwd'],
      ['/usr', 'directory', null],
      ['/usr/lib', 'directory', null],
      ['/usr/lib/os-release', 'file', null],
    ]);
  });

  it('reads a single file', async () => {
    const { image, report } = await read('', `file:${fixtureImage('../dirs/rootfs/usr/lib/os-release')}`);
    expect(image.source.kind).toBe('file');
    expect(pathsOf(report)).toEqual(['/os-release']);
  });

  it('inspect reports config, history and layers without reading layers', async () => {
    const image = await openImage(fixtureImage('trivy/alpine-311.tar.gz'));
    const report = inspectImage(image);
    await image.close();
    expect(report.platform).toBe('linux/amd64');
    expect(report.config.cmd).toEqual(['/bin/sh']);
    expect(report.layers).toHaveLength(1);
    expect(report.history.map((entry) => entry.layer)).toEqual([0, null]);
    expect(report.layers[0]?.createdBy).toMatch(/ADD file:/);
  });
});
