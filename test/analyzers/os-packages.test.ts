/**
 * The OS package analyzers (dpkg, apk, rpm) end to end: every ground-truth image with dpkg or apk packages gives
 * exactly its packages (type, name, version with epoch, arch, source name and version), the Debian 12 images built by
 * the test tooling give their dpkg-query lists, a whiteout removes a package database, and distroless status.d works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apkAnalyzer } from '../../src/analyzers/apk/index.ts';
import { dpkgAnalyzer } from '../../src/analyzers/dpkg/index.ts';
import { osReleaseAnalyzer } from '../../src/analyzers/os-release/index.ts';
import { rpmAnalyzer } from '../../src/analyzers/rpm/index.ts';
import type { Package } from '../../src/core/package.ts';
import type { Image } from '../../src/image/image.ts';
import { noLayerCache } from '../../src/image/layer-cache.ts';
import { openImage } from '../../src/image/sources/open-image.ts';
import { memoryLayer, type TestEntry, tarBytes } from '../../src/image/testing/test-layers.ts';
import { analyzeImage } from '../../src/pipeline/analyze.ts';
import { ensureDebianImages, missingPrerequisites } from '../support/debian-images.ts';

const ANALYZERS = [osReleaseAnalyzer, dpkgAnalyzer, apkAnalyzer, rpmAnalyzer];
// Package lists of the fixture images, read from their package databases (origins in test/fixtures/README.md).
const GROUND_TRUTH = new URL('../fixtures/ground-truth/images/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/images/', import.meta.url).pathname;

/** `snyk-docker-plugin_X.packages.tsv` → `snyk-docker-plugin/X.tar`; `trivy_X` → `trivy/X.tar.gz`. */
function imageFor(tsv: string): string {
  const [tool, ...rest] = tsv.replace(/\.packages\.tsv$/, '').split('_');
  return join(FIXTURES, tool as string, `${rest.join('_')}${tool === 'trivy' ? '.tar.gz' : '.tar'}`);
}

/** Ground-truth rows with dpkg or apk packages: `type name version arch source_name source_version`. */
function groundTruthRows(tsv: string): string[] {
  return readFileSync(join(GROUND_TRUTH, tsv), 'utf8')
    .split('\n')
    .filter((line) => /^(deb|apk)\t/.test(line))
    .sort();
}

const groundTruthImages = readdirSync(GROUND_TRUTH)
  .filter((name) => name.endsWith('.packages.tsv') && groundTruthRows(name).length > 0)
  .sort();

function rows(packages: readonly Package[]): string[] {
  return packages
    .filter((pkg) => pkg.type === 'deb' || pkg.type === 'apk' || pkg.type === 'rpm')
    .map((pkg) =>
      [
        pkg.type,
        pkg.name,
        pkg.version,
        pkg.qualifiers?.arch ?? '',
        pkg.source?.name ?? '',
        pkg.source?.version ?? '',
      ].join('\t'),
    )
    .sort();
}

async function analyze(source: string | Image) {
  const image = typeof source === 'string' ? await openImage(source) : source;
  try {
    return await analyzeImage(image, { cache: noLayerCache, analyzers: ANALYZERS });
  } finally {
    await image.close();
  }
}

describe('OS packages of the ground-truth images', () => {
  it('covers every ground-truth image with dpkg or apk packages', () => {
    expect(groundTruthImages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(groundTruthImages)('%s', async (tsv) => {
    const { inventory } = await analyze(`docker-archive:${imageFor(tsv)}`);
    expect(rows(inventory.packages)).toEqual(groundTruthRows(tsv));
    expect(inventory.unknowns.filter((unknown) => ANALYZERS.some((a) => a.name === unknown.analyzer))).toEqual([]);
  });
});

const missing = await missingPrerequisites();

describe.skipIf(missing.length > 0)('OS packages of the Debian 12 images', () => {
  it.each(['minbase', 'tools'] as const)('%s: every dpkg-query package, exactly', async (name) => {
    const built = (await ensureDebianImages())[name];
    const { inventory } = await analyze(`docker-archive:${built.dockerArchive}`);
    const expected = built.packages
      .map((pkg) => ['deb', pkg.name, pkg.version, pkg.architecture, pkg.sourceName, pkg.sourceVersion].join('\t'))
      .sort();
    expect(expected.length).toBe(name === 'minbase' ? 88 : 133);
    expect(rows(inventory.packages)).toEqual(expected);
    expect(inventory.os?.id).toBe('debian');
    const dpkg = inventory.packages.find((pkg) => pkg.name === 'dpkg');
    expect(dpkg?.purl).toMatch(/^pkg:deb\/debian\/dpkg@[^?]+\?arch=amd64&distro=debian-12$/);
    // Debian 12's dpkg ships a DEP-5 copyright file that names GPL-2+ among others.
    expect(dpkg?.licenses).toContain('GPL-2.0-or-later');
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

const OS_RELEASE = { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\n' };
const STANZA = (name: string, version: string) =>
  `Package: ${name}\nVersion: ${version}\nArchitecture: amd64\nStatus: install ok installed\n`;

describe('layers', () => {
  it('a package database deleted by a whiteout in an upper layer gives no packages', async () => {
    const { inventory } = await analyze(
      await memoryImage([
        [OS_RELEASE, { name: 'var/lib/dpkg/status', content: STANZA('bash', '5.2.15-2+b2') }],
        [{ name: 'var/lib/dpkg/.wh.status' }],
      ]),
    );
    expect(inventory.packages).toEqual([]);
  });

  it('an upper status file replaces the lower one, and keeps the layer that added each package', async () => {
    const { inventory } = await analyze(
      await memoryImage([
        [OS_RELEASE, { name: 'var/lib/dpkg/status', content: STANZA('bash', '5.2.15-2+b2') }],
        [{ name: 'var/lib/dpkg/status', content: `${STANZA('bash', '5.2.15-2+b2')}\n${STANZA('curl', '7.88.1-10')}` }],
      ]),
    );
    expect(inventory.packages.map((pkg) => [pkg.purl, pkg.locations[0]?.layerIndex])).toEqual([
      ['pkg:deb/debian/bash@5.2.15-2+b2?arch=amd64&distro=debian-12', 0],
      ['pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12', 1],
    ]);
  });

  it('reads distroless status.d files (no Status field) and skips their md5sums', async () => {
    const { inventory } = await analyze(
      await memoryImage([
        [
          OS_RELEASE,
          {
            name: 'var/lib/dpkg/status.d/base',
            content: 'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n',
          },
          {
            name: 'var/lib/dpkg/status.d/libc6',
            content: 'Package: libc6\nVersion: 2.36-9+deb12u4\nArchitecture: amd64\nSource: glibc\n',
          },
          { name: 'var/lib/dpkg/status.d/libc6.md5sums', content: 'd41d8cd98f00b204e9800998ecf8427e  lib/x\n' },
        ],
        [{ name: 'var/lib/dpkg/status.d/.wh.base' }],
      ]),
    );
    expect(rows(inventory.packages)).toEqual(['deb\tlibc6\t2.36-9+deb12u4\tamd64\tglibc\t2.36-9+deb12u4']);
    expect(inventory.unknowns).toEqual([]);
  });

  it('reads an rpm database at its /usr/lib/sysimage home, with the epoch as a purl qualifier', async () => {
    const sqlite = readFileSync(new URL('../fixtures/rpm/sqlite/rpmdb.sqlite', import.meta.url));
    const { inventory } = await analyze(
      await memoryImage([
        [
          { name: 'etc/os-release', content: 'ID="rhel"\nVERSION_ID="9.4"\n' },
          { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', content: sqlite },
        ],
      ]),
    );
    expect(inventory.packages.map((pkg) => [pkg.purl, pkg.licenses, pkg.foundBy])).toEqual([
      [
        'pkg:rpm/rhel/lucent-hello@1.2.3-4.fixture?arch=noarch&distro=rhel-9.4&epoch=2',
        ['MIT AND (Apache-2.0 OR GPL-2.0-or-later)'],
        ['rpm'],
      ],
      ['pkg:rpm/rhel/lucent-world@0.9-1?arch=x86_64&distro=rhel-9.4', ['BSD-3-Clause'], ['rpm']],
    ]);
  });
});
