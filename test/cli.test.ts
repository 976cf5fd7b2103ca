/** The CLI as users run it: output formats, the layer cache, and clear errors for bad input. */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';

const STACK = /\n\s+at /;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lucent-cli-test-'));
}

/** Unpacks an OCI archive into a layout directory we can damage. */
async function layoutCopy(relative: string): Promise<{ dir: string; layerBlob: string }> {
  const dir = await tempDir();
  execFileSync('tar', ['-xf', fixtureImage(relative), '-C', dir]);
  const blobs = await readdir(join(dir, 'blobs/sha256'));
  const sizes = await Promise.all(
    blobs.map(async (name) => [name, (await stat(join(dir, 'blobs/sha256', name))).size] as const),
  );
  const [largest] = [...sizes].sort((a, b) => b[1] - a[1]);
  return { dir, layerBlob: join(dir, 'blobs/sha256', (largest as readonly [string, number])[0]) };
}

describe('lucent CLI', () => {
  it('--help lists the commands and the source kinds', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/inspect \[options\] <source>/);
    expect(result.stdout).toMatch(/files \[options\] <source>/);
    expect(result.stdout).toContain('docker-archive:PATH');
  });

  it('inspect --format json describes manifest, platform, config, history and layers', async () => {
    const result = await runCli(['inspect', fixtureImage('dive/dive-test-oci-zstd-image.tar'), '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(report.layers).toHaveLength(1);
    expect(report.layers[0].mediaType).toBe('application/vnd.oci.image.layer.v1.tar+zstd');
    expect(report.platform).toMatch(/^linux\//);
  });

  it('files --glob lists the squashed filesystem with the layer each file came from', async () => {
    const result = await runCli([
      'files',
      fixtureImage('dive/dive-test-docker-image.tar'),
      '--glob',
      '/root/**',
      '-f',
      'json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((file: { path: string; layer: number }) => `${file.path}@${file.layer}`)).toEqual([
      '/root@13',
      '/root/.data@12',
      '/root/.data/saved.again2.txt@12',
      '/root/.data/tag.sh@10',
      '/root/.data/test.sh@10',
      '/root/.saved.txt@8',
      '/root/saved.txt@13',
    ]);
  });

  it('files prints a table with modes and link targets', async () => {
    const result = await runCli(['files', `dir:${fixtureImage('../dirs/rootfs')}`, '--glob', 'etc/*']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^MODE\s+UID:GID\s+SIZE\s+LAYER\s+PATH$/);
    expect(result.stdout).toMatch(/^lrwxrwxrwx\s+\d+:\d+\s+0\s+0\s+\/etc\/os-release -> \.\.\/usr\/lib\/os-release$/m);
  });

  it('a warm run reads no layer bytes: it succeeds even after the layer blob is destroyed', async () => {
    const cacheDir = await tempDir();
    const { dir, layerBlob } = await layoutCopy('dive/dive-test-oci-gzip-image.tar');
    const cold = await runCli(['--cache-dir', cacheDir, 'files', `oci-dir:${dir}`, '-f', 'json']);
    expect(cold.code).toBe(0);
    await truncate(layerBlob, 10);
    const warm = await runCli(['--cache-dir', cacheDir, 'files', `oci-dir:${dir}`, '-f', 'json']);
    expect(warm.code).toBe(0);
    expect(JSON.parse(warm.stdout).files).toEqual(JSON.parse(cold.stdout).files);
    const info = await runCli(['--cache-dir', cacheDir, 'cache', 'info', '--json']);
    expect(JSON.parse(info.stdout)).toMatchObject({ dir: cacheDir, entries: 1 });
    const uncached = await runCli(['--cache-dir', cacheDir, '--no-cache', 'files', `oci-dir:${dir}`]);
    expect(uncached.code).toBe(1);
    const cleaned = await runCli(['--cache-dir', cacheDir, 'cache', 'clean']);
    expect(cleaned.stdout).toContain('removed 1 layer entries');
  });

  it('a truncated gzip layer is an error that names the layer, without a stack trace', async () => {
    const { dir, layerBlob } = await layoutCopy('dive/dive-test-oci-gzip-image.tar');
    const { size } = await stat(layerBlob);
    await truncate(layerBlob, Math.floor(size / 2));
    const result = await runCli(['--no-cache', 'files', `oci-dir:${dir}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: layer 0 \(sha256:[a-f0-9]{64}\) is corrupt or truncated \(gzip data\)/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it.each([
    [['files', './no/such/image.tar'], 'no such file or directory: ./no/such/image.tar'],
    [['inspect', 'docker-archive:/no/such/archive.tar'], 'no such file or directory: /no/such/archive.tar'],
    [['files', 'tarball:/some/file.tar'], 'unknown source format "tarball:"'],
    [['files', '-i', 'bogus', 'x'], 'unknown source format input type "bogus"'],
    [['files', '--platform', 'linux', 'x'], 'invalid platform "linux"'],
  ])('bad input %j exits 1 with a clear message', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('an unknown format lists the supported ones', async () => {
    const result = await runCli(['files', 'tarball:/some/file.tar']);
    expect(result.stderr).toContain(
      'supported: registry:REF, docker-archive:PATH, oci-archive:PATH, oci-dir:PATH, dir:PATH, file:PATH',
    );
  });

  it('--debug shows the stack trace of a user error', async () => {
    const result = await runCli(['--debug', 'files', './no/such/image.tar']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(STACK);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    const result = await runCli(['--no-cache', 'files', fixtureImage('trivy/alpine-311.tar.gz')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});
