/**
 * The Debian 12 test images (test/support/debian-images.ts): built for real on first use, then read from the cache.
 * Each check looks at the images through a different tool than the one that wrote them: skopeo and umoci for the
 * OCI layout, the layer tars themselves, and the docker archive's manifest.json and layer digests.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltImage,
  ensureDebianImages,
  mirrorLines,
  missingPrerequisites,
  parseAptSources,
  parsePackagesTsv,
  TOOLS_PACKAGES,
} from './support/debian-images.ts';

const execFileAsync = promisify(execFile);
const GROUND_TRUTH = new URL('./fixtures/ground-truth/built-debian12', import.meta.url).pathname;

describe('apt sources → mmdebstrap mirror lines', () => {
  const deb822 = [
    'Types: deb deb-src',
    '# a comment',
    'URIs: http://mirror.example/debian',
    'Suites: bookworm bookworm-updates bookworm-backports',
    'Components: main contrib',
    'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
    '',
    'Types: deb',
    'URIs: http://mirror.example/debian-security',
    'Suites: bookworm-security',
    'Components: main',
    '',
    'Types: deb',
    'Enabled: no',
    'URIs: http://disabled.example/debian',
    'Suites: bookworm',
    'Components: main',
  ].join('\n');
  const nodesource = 'Types: deb\nURIs: https://deb.nodesource.example/node_20.x\nSuites: nodistro\nComponents: main\n';
  const oneLine = [
    '# deb http://commented.example/debian bookworm main',
    'deb [arch=amd64 signed-by=/etc/apt/keyrings/m.gpg] http://one.example/debian bookworm main',
    'deb-src http://one.example/debian bookworm main',
    'deb http://other.example/repo bookworm stable',
  ].join('\n');

  it.each([
    {
      case: 'deb822 with updates, backports, security and a disabled stanza',
      sources: parseAptSources(deb822, 'deb822'),
      suite: 'bookworm',
      lines: [
        'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main contrib',
        'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm-updates main contrib',
        'deb http://mirror.example/debian-security bookworm-security main',
      ],
    },
    {
      case: 'one-line with options, deb-src, a comment and a non-Debian repository',
      sources: parseAptSources(oneLine, 'one-line'),
      suite: 'bookworm',
      lines: ['deb [signed-by=/etc/apt/keyrings/m.gpg] http://one.example/debian bookworm main'],
    },
    {
      case: 'a Debian host of another release: its archive URIs with bookworm suite names',
      sources: parseAptSources(`${deb822.replaceAll('bookworm', 'trixie')}\n\n${nodesource}`, 'deb822'),
      suite: 'bookworm',
      hostSuite: 'trixie',
      lines: [
        'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main contrib',
        'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm-updates main contrib',
        'deb http://mirror.example/debian-security bookworm-security main',
      ],
    },
  ])('$case', ({ sources, suite, hostSuite, lines }) => {
    expect(mirrorLines(sources, suite, hostSuite)).toEqual(lines);
  });

  it.each([
    { case: 'a non-Debian host', hostSuite: undefined },
    { case: 'a Debian host with only other repositories', hostSuite: 'trixie' },
  ])('fails on $case without bookworm sources', ({ hostSuite }) => {
    const sources = parseAptSources(nodesource, 'deb822');
    expect(() => mirrorLines(sources, 'bookworm', hostSuite)).toThrow(/no Debian sources/);
  });
});

const missing = await missingPrerequisites();
if (missing.length > 0) console.warn(`skipping the Debian 12 image tests, this host lacks: ${missing.join(', ')}`);

describe.skipIf(missing.length > 0)('Debian 12 test images', () => {
  let minbase: BuiltImage;
  let tools: BuiltImage;

  beforeAll(async () => {
    ({ minbase, tools } = await ensureDebianImages());
  });

  it('is read from the cache on the second call, without building', async () => {
    const lines: string[] = [];
    const started = Date.now();
    const again = await ensureDebianImages({ log: (line) => lines.push(line) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lines).toEqual([]);
    expect(again.tools).toEqual(tools);
  });

  it('has one layer in minbase and two in tools, the first shared, per the layout, skopeo and umoci', async () => {
    expect([minbase.layerCount, tools.layerCount]).toEqual([1, 2]);
    const minbaseLayers = (await ociManifest(minbase)).layers.map((layer) => layer.digest);
    const toolsLayers = (await ociManifest(tools)).layers.map((layer) => layer.digest);
    expect(minbaseLayers).toHaveLength(1);
    expect(toolsLayers).toHaveLength(2);
    expect(toolsLayers[0]).toBe(minbaseLayers[0]);

    const inspected = JSON.parse(await capture('skopeo', ['inspect', tools.ociRef])) as { Layers: string[] };
    expect(inspected.Layers).toEqual(toolsLayers);
    const stat = JSON.parse(await capture('umoci', ['stat', '--json', '--image', `${tools.ociLayout}:tools`])) as {
      history: { created_by: string; empty_layer?: boolean }[];
    };
    expect(stat.history.map((entry) => entry.empty_layer ?? false)).toEqual([false, false]);
    expect(stat.history[0]?.created_by).toMatch(/^mmdebstrap .*--variant=minbase .*bookworm/);
    expect(stat.history[1]?.created_by).toContain(`--include=${TOOLS_PACKAGES.join(',')}`);
  });

  it('records Debian 12 and a minbase package set with dpkg, libc6 and base-files', () => {
    expect(minbase.osRelease).toMatch(/^VERSION_ID="12"$/m);
    expect(minbase.osRelease).toMatch(/^ID=debian$/m);
    expect(minbase.packages.length).toBeGreaterThanOrEqual(80);
    expect(minbase.packages.length).toBeLessThanOrEqual(100);
    expect(names(minbase)).toEqual(expect.arrayContaining(['dpkg', 'libc6', 'base-files', 'usr-is-merged']));
    expect(minbase.packages.find((pkg) => pkg.name === 'libc6')).toMatchObject({ sourceName: 'glibc' });
  });

  it('adds exactly the requested packages (plus their dependencies) in tools', () => {
    const base = new Set(names(minbase));
    expect(names(tools)).toEqual(expect.arrayContaining([...base]));
    expect(names(tools)).toEqual(expect.arrayContaining([...TOOLS_PACKAGES]));
    const extras = names(tools).filter((name) => !base.has(name));
    // zlib1g is requested but already in minbase (dpkg depends on it), so it is no extra.
    expect(TOOLS_PACKAGES.filter((name) => !extras.includes(name))).toEqual(['zlib1g']);
    expect(extras).toEqual(expect.arrayContaining(['perl', 'libcurl4', 'libssl3', 'python3.11', 'git-man']));
    // Packages both images have are the same builds: the tools layer sits on the cached minbase layer.
    const toolsVersions = new Map(tools.packages.map((pkg) => [pkg.name, pkg.version]));
    for (const pkg of minbase.packages) expect(toolsVersions.get(pkg.name), pkg.name).toBe(pkg.version);
  });

  it('matches what dpkg says inside the layers: status files agree with packages.tsv', async () => {
    const [minbaseLayer] = await layerBlobs(minbase);
    const [, toolsLayer] = await layerBlobs(tools);
    for (const [image, layer] of [
      [minbase, minbaseLayer],
      [tools, toolsLayer],
    ] as const) {
      const status = (await readLayerFiles(String(layer), ['var/lib/dpkg/status'])).get('var/lib/dpkg/status');
      const recorded = image.packages.map((pkg) => `${pkg.name}=${pkg.version}`).sort();
      expect(installedFromStatus(String(status))).toEqual(recorded);
    }
  });

  it('puts only what apt changed into the tools layer', async () => {
    const [, toolsLayer] = await layerBlobs(tools);
    const entries = await layerEntries(String(toolsLayer));
    expect(entries.get('usr/bin/curl')).toBe('file');
    expect(entries.get('usr/bin/git')).toBe('file');
    expect(entries.get('var/lib/dpkg/status')).toBe('file');
    expect(entries.get('var/lib/dpkg/info/curl.list')).toBe('file');
    // Files of minbase packages are untouched, so they are not repeated in the second layer.
    expect(entries.has('usr/bin/dpkg')).toBe(false);
    expect(entries.has('var/lib/dpkg/info/dpkg.list')).toBe(false);
    // Nothing of minbase is deleted by installing packages, so there are no whiteouts.
    expect([...entries.keys()].filter((name) => name.includes('.wh.'))).toEqual([]);

    const [minbaseLayer] = await layerBlobs(minbase);
    const base = await layerEntries(String(minbaseLayer));
    expect(base.get('usr/bin/dpkg')).toBe('file');
    expect(base.get('bin')).toBe('symlink');
    expect([...base.keys()].filter((name) => name.startsWith('dev/') && name !== 'dev/')).toEqual([]);
  });

  it.each(['minbase', 'tools'] as const)(
    'writes a docker archive of %s whose manifest lists its layers',
    async (name) => {
      const image = name === 'minbase' ? minbase : tools;
      const archive = await readArchive(image.dockerArchive);
      const manifest = JSON.parse(String(archive.json.get('manifest.json'))) as {
        Config: string;
        RepoTags: string[];
        Layers: string[];
      }[];
      expect(manifest).toHaveLength(1);
      const [entry] = manifest;
      expect(entry?.RepoTags.map((tag) => tag.replace(/^docker\.io\//, ''))).toEqual([
        `lucent-test/debian12-${name}:latest`,
      ]);
      const config = JSON.parse(String(archive.json.get(String(entry?.Config)))) as { rootfs: { diff_ids: string[] } };
      expect(entry?.Layers).toHaveLength(image.layerCount);
      expect(config.rootfs.diff_ids).toHaveLength(image.layerCount);
      // Each layer file is the uncompressed layer: its digest is the diffID the config lists at the same position.
      const digests = entry?.Layers.map((layer) => archive.digests.get(layer));
      expect(digests).toEqual(config.rootfs.diff_ids);
    },
  );

  it.skipIf(!existsSync(GROUND_TRUTH))(
    'has the package names of the recorded snapshot, whatever their versions now',
    async () => {
      for (const image of [minbase, tools]) {
        const snapshot = parsePackagesTsv(await readFile(join(GROUND_TRUTH, image.name, 'packages.tsv'), 'utf8'));
        const now = new Map(image.packages.map((pkg) => [pkg.name, pkg.version]));
        const then = new Map(snapshot.map((pkg) => [pkg.name, pkg.version]));
        const added = [...now.keys()].filter((name) => !then.has(name));
        const removed = [...then.keys()].filter((name) => !now.has(name));
        const moved = [...now].filter(([name, version]) => then.has(name) && then.get(name) !== version);
        const versions = moved.map(([name, version]) => `${name} ${then.get(name)} → ${version}`);
        console.info(
          `${image.name}: ${now.size} packages now, ${then.size} in the snapshot; ` +
            `added [${added.join(' ')}], removed [${removed.join(' ')}], versions changed: ${versions.join(', ')}`,
        );
        // Versions move with the mirror; the set of names should not.
        expect(added.length + removed.length, `${image.name} names differ from the snapshot`).toBeLessThanOrEqual(4);
      }
    },
  );
});

function names(image: BuiltImage): string[] {
  return image.packages.map((pkg) => pkg.name);
}

async function capture(command: string, args: string[]): Promise<string> {
  return (await execFileAsync(command, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

interface Manifest {
  layers: { digest: string; mediaType: string }[];
}

async function ociManifest(image: BuiltImage): Promise<Manifest> {
  const index = JSON.parse(await readFile(join(image.ociLayout, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations?: Record<string, string> }[];
  };
  expect(index.manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name'])).toEqual([image.name]);
  const digest = String(index.manifests[0]?.digest);
  return JSON.parse(await readFile(join(image.ociLayout, 'blobs', ...digest.split(':')), 'utf8')) as Manifest;
}

async function layerBlobs(image: BuiltImage): Promise<string[]> {
  const manifest = await ociManifest(image);
  for (const layer of manifest.layers) expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip');
  return manifest.layers.map((layer) => join(image.ociLayout, 'blobs', ...layer.digest.split(':')));
}

/** Streams a tar (gzipped when `gzip`), calling `onEntry` per entry, which must drain the entry's body. */
async function walkTar(
  path: string,
  gzip: boolean,
  onEntry: (name: string, type: string, body: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    onEntry(header.name.replace(/^\.\//, ''), header.type ?? 'file', stream as AsyncIterable<Buffer>).then(
      () => next(),
      next,
    );
  });
  if (gzip) await pipeline(createReadStream(path), createGunzip(), tar);
  else await pipeline(createReadStream(path), tar);
}

async function layerEntries(path: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  await walkTar(path, true, async (name, type, body) => {
    entries.set(name, type);
    await collect(body, false);
  });
  return entries;
}

async function readLayerFiles(path: string, wanted: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await walkTar(path, true, async (name, _type, body) => {
    const bytes = await collect(body, wanted.includes(name));
    if (wanted.includes(name)) files.set(name, bytes.toString('utf8'));
  });
  return files;
}

interface DockerArchive {
  /** The archive's JSON files (manifest.json, the config), parsed later. */
  json: Map<string, string>;
  /** sha256 of every other regular file, by name. */
  digests: Map<string, string>;
}

async function readArchive(path: string): Promise<DockerArchive> {
  const archive: DockerArchive = { json: new Map(), digests: new Map() };
  await walkTar(path, false, async (name, type, body) => {
    const hash = createHash('sha256');
    const bytes = await collect(body, name.endsWith('.json'), hash);
    if (name.endsWith('.json')) archive.json.set(name, bytes.toString('utf8'));
    else if (type === 'file') archive.digests.set(name, `sha256:${hash.digest('hex')}`);
  });
  return archive;
}

/** Drains a tar entry's body, hashing it when asked and keeping its bytes only when `keep`. */
async function collect(
  body: AsyncIterable<Buffer>,
  keep: boolean,
  hash?: ReturnType<typeof createHash>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash?.update(chunk);
    if (keep) chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** `name=version` of each installed package in a dpkg status file, sorted. */
function installedFromStatus(status: string): string[] {
  return status
    .split(/\n\n+/)
    .filter((stanza) => /^Status: install ok installed$/m.test(stanza))
    .map((stanza) => `${/^Package: (.+)$/m.exec(stanza)?.[1]}=${/^Version: (.+)$/m.exec(stanza)?.[1]}`)
    .sort();
}
