/**
 * Real Debian 12 images for integration tests, built without Docker and cached between runs: `minbase` is
 * `mmdebstrap --variant=minbase bookworm` as one layer; `tools` is that layer plus a second one that adds a few
 * packages. Each image comes with its ground truth (dpkg-query on the rootfs it was made from), recorded at build
 * time because the mirror's versions move. Needs root, mmdebstrap, umoci, skopeo, rsync and dpkg-query.
 * What it runs, where the cache lives and how to rebuild: docs/test-images.md.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

export type DebianImageName = 'minbase' | 'tools';

/** One installed package as dpkg-query reported it on the image's rootfs. */
export interface GroundTruthPackage {
  name: string;
  version: string;
  architecture: string;
  sourceName: string;
  sourceVersion: string;
}

/** A built image in the cache, in OCI layout and docker-save form, with what is installed in it. */
export interface BuiltImage {
  name: DebianImageName;
  /** OCI image layout directory holding this one image, tagged with its name. */
  ociLayout: string;
  /** Reference for skopeo, e.g. `oci:/…/debian12/tools/oci:tools` (umoci takes it without `oci:`). */
  ociRef: string;
  /** docker-save style tar (uncompressed layers), tagged `lucent-test/debian12-<name>:latest`. */
  dockerArchive: string;
  packages: GroundTruthPackage[];
  /** Text of the rootfs's os-release (in Debian 12 /etc/os-release → ../usr/lib/os-release). */
  osRelease: string;
  layerCount: number;
}

/** Options of `ensureDebianImages`. */
export interface EnsureDebianImagesOptions {
  /** Directory that holds one `<name>/` per image; defaults to `debianImageCacheDir()`. */
  cacheDir?: string;
  /** Progress lines (a cold build takes about a minute); defaults to stderr. */
  log?: (line: string) => void;
  /** Rebuild both images even when the cache is complete. */
  rebuild?: boolean;
}

/** One `deb` entry of apt's configuration. */
export interface AptSource {
  uri: string;
  suite: string;
  components: string[];
  /** Keyring file from `Signed-By` / `[signed-by=…]`; inline keys are not carried over. */
  signedBy?: string;
}

interface Recipe {
  name: DebianImageName;
  /** Packages on top of the minbase variant. */
  include: string[];
  /** Image whose layers this one starts from; its rootfs diff becomes the new layer. */
  base?: DebianImageName;
  description: string;
}

const RECIPES = {
  minbase: { name: 'minbase', include: [], description: 'Debian 12 minbase variant (mmdebstrap), one layer' },
  tools: {
    name: 'tools',
    include: ['ca-certificates', 'curl', 'openssl', 'python3', 'libxml2', 'zlib1g', 'git'],
    base: 'minbase',
    description: 'Debian 12 minbase plus a layer with ca-certificates curl openssl python3 libxml2 zlib1g git',
  },
} as const satisfies Record<DebianImageName, Recipe>;

/** Packages the `tools` image adds on top of `minbase` (zlib1g is already in minbase: dpkg depends on it). */
export const TOOLS_PACKAGES: readonly string[] = RECIPES.tools.include;

const SUITE = 'bookworm';
/** Bump when the build steps change, so cached images are rebuilt. */
const BUILD_FORMAT = 1;
/** 2025-01-01T00:00:00Z: mtimes are clamped to it and it is the images' `created`, so rebuilds are reproducible. */
const SOURCE_DATE_EPOCH = 1_735_689_600;
const CREATED = new Date(SOURCE_DATE_EPOCH * 1000).toISOString().replace('.000Z', 'Z');
/** Makes bin, sbin, lib, lib64 symlinks into /usr as debootstrap does, so apt picks usr-is-merged, not usrmerge. */
const MERGED_USR_HOOKS = '/usr/share/mmdebstrap/hooks/merged-usr';
// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} syntax (dpkg-query(1) --showformat).
const DPKG_QUERY_FORMAT = '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\n';
/** Debian's archive areas; entries of other repositories that share the suite name (e.g. `stable`) are left out. */
const DEBIAN_COMPONENTS = ['main', 'contrib', 'non-free', 'non-free-firmware'];
const TOOLS_NEEDED = ['mmdebstrap', 'umoci', 'skopeo', 'rsync', 'dpkg-query', 'find', 'touch'];
const LOCK_WAIT_MS = 30 * 60_000;

/** `${LUCENT_TEST_CACHE:-${XDG_CACHE_HOME:-~/.cache}/lucent-test}/debian12`: outside the repo, kept between runs. */
export function debianImageCacheDir(): string {
  const root =
    process.env.LUCENT_TEST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lucent-test');
  return resolve(root, 'debian12');
}

/** What stops this host from building the images: missing programs, or not running as root. Empty when none. */
export async function missingPrerequisites(): Promise<string[]> {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root (mmdebstrap root mode, umoci keeping file owners)');
  for (const tool of TOOLS_NEEDED) if (!(await onPath(tool))) missing.push(tool);
  return missing;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Returns both images, building into the cache whatever is missing or was built by an older recipe. */
export function ensureDebianImages(
  options: EnsureDebianImagesOptions = {},
): Promise<{ minbase: BuiltImage; tools: BuiltImage }> {
  const cacheDir = resolve(options.cacheDir ?? debianImageCacheDir());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Calls from one process take turns; calls from other processes wait on the lock directory.
  const previous = inFlight.get(cacheDir) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => ensureInCache(cacheDir, log, options.rebuild === true));
  inFlight.set(cacheDir, next);
  return next;
}

interface BuildContext {
  cacheDir: string;
  log: (line: string) => void;
  mirrors: string[];
}

async function ensureInCache(cacheDir: string, log: (line: string) => void, rebuild: boolean) {
  const ctx: BuildContext = {
    cacheDir,
    log,
    mirrors: mirrorLines(await readAptSources(), SUITE, await debianHostSuite()),
  };
  if (!rebuild) {
    const cached = await loadBoth(ctx);
    if (cached) return cached;
  }
  const missing = await missingPrerequisites();
  if (missing.length > 0) throw new Error(`cannot build the Debian test images, missing: ${missing.join(', ')}`);
  return withBuildLock(ctx, async () => {
    await removeStaleWorkDirs(ctx);
    for (const recipe of [RECIPES.minbase, RECIPES.tools]) {
      const marker = await buildMarker(recipe, ctx);
      if (rebuild || (await readText(join(cacheDir, recipe.name, 'complete'))) !== marker) {
        await buildImage(recipe, marker, ctx);
      }
    }
    const built = await loadBoth(ctx);
    if (!built) throw new Error(`the Debian test images in ${cacheDir} are incomplete right after building them`);
    return built;
  });
}

async function loadBoth(ctx: BuildContext) {
  const minbase = await loadImage(RECIPES.minbase, ctx);
  const tools = minbase && (await loadImage(RECIPES.tools, ctx));
  return minbase && tools ? { minbase, tools } : undefined;
}

/** The image in the cache when its `complete` marker matches the current recipe, else undefined. */
async function loadImage(recipe: Recipe, ctx: BuildContext): Promise<BuiltImage | undefined> {
  const dir = join(ctx.cacheDir, recipe.name);
  if ((await readText(join(dir, 'complete'))) !== (await buildMarker(recipe, ctx))) return undefined;
  const ociLayout = join(dir, 'oci');
  return {
    name: recipe.name,
    ociLayout,
    ociRef: `oci:${ociLayout}:${recipe.name}`,
    dockerArchive: join(dir, 'docker-archive.tar'),
    packages: parsePackagesTsv(await readFile(join(dir, 'packages.tsv'), 'utf8')),
    osRelease: await readFile(join(dir, 'os-release'), 'utf8'),
    layerCount: (await layerDigests(ociLayout, recipe.name)).length,
  };
}

/**
 * The `complete` marker's text: everything the image depends on. A different mirror, recipe or base layer makes the
 * cached image stale (the tools image must sit on exactly the cached minbase layer).
 */
async function buildMarker(recipe: Recipe, ctx: BuildContext): Promise<string> {
  const baseLayers = recipe.base ? await layerDigests(join(ctx.cacheDir, recipe.base, 'oci'), recipe.base) : [];
  const key = { BUILD_FORMAT, name: recipe.name, suite: SUITE, include: recipe.include, SOURCE_DATE_EPOCH };
  return `${JSON.stringify({ ...key, mirrors: ctx.mirrors, baseLayers }, null, 2)}\n`;
}

/** Builds one image in a work dir inside the cache and renames it into place, so a killed build leaves no image. */
async function buildImage(recipe: Recipe, marker: string, ctx: BuildContext): Promise<void> {
  const started = Date.now();
  const log = (line: string) => ctx.log(`[debian12/${recipe.name}] ${line}`);
  const work = await mkdtemp(join(ctx.cacheDir, `.work-${recipe.name}-`));
  const out = join(work, 'out');
  const layout = join(out, 'oci');
  try {
    await mkdir(out);
    const rootfs = await bootstrapRootfs(recipe, work, ctx.mirrors, log);
    await recordGroundTruth(rootfs, out, log);
    const bundle = await unpackBase(recipe, layout, work, ctx, log);
    await replaceRootfs(rootfs, join(bundle, 'rootfs'), log);
    await rm(rootfs, { recursive: true });
    await repackLayer(recipe, layout, bundle, log);
    await writeDockerArchive(recipe, layout, join(out, 'docker-archive.tar'), log);
    await writeFile(join(out, 'complete'), marker);
    await publish(out, join(ctx.cacheDir, recipe.name));
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    await removeWorkDir(work, ctx.log);
  }
}

/** mmdebstrap into `<work>/rootfs`, then an empty /dev (the runtime provides it) and mtimes clamped to the epoch. */
async function bootstrapRootfs(recipe: Recipe, work: string, mirrors: string[], log: (line: string) => void) {
  const rootfs = join(work, 'rootfs');
  log(`mmdebstrap ${SUITE} from ${mirrors.join(' | ')}`);
  await run('mmdebstrap', mmdebstrapArgs(recipe, rootfs, mirrors), {
    // Its own I:/W:/E: lines only; hook and dpkg chatter stays in the error text when the build fails.
    log: (line) => /^[IWE]: /.test(line) && log(`mmdebstrap ${line}`),
  });
  for (const entry of await readdir(join(rootfs, 'dev'))) await rm(join(rootfs, 'dev', entry), { recursive: true });
  // mmdebstrap clamps mtimes only when it writes a tarball; clamping the directory too means that files the two
  // rootfs trees share are byte- and metadata-identical, so the tools layer holds only what apt really changed.
  await run('find', [
    rootfs,
    '-newermt',
    `@${SOURCE_DATE_EPOCH}`,
    '-exec',
    'touch',
    '--no-dereference',
    `--date=@${SOURCE_DATE_EPOCH}`,
    '{}',
    '+',
  ]);
  return rootfs;
}

/** The mmdebstrap command line; also shown as the layer's history `created_by` (without the mirrors). */
function mmdebstrapArgs(recipe: Recipe, target: string, mirrors: string[]): string[] {
  return [
    '--mode=root',
    '--variant=minbase',
    `--hook-dir=${MERGED_USR_HOOKS}`,
    ...(recipe.include.length > 0 ? [`--include=${recipe.include.join(',')}`] : []),
    // Copied from the host for the build; removed so the result does not depend on the build machine.
    '--customize-hook=rm -f "$1/etc/resolv.conf" "$1/etc/hostname"',
    SUITE,
    target,
    ...mirrors,
  ];
}

/** packages.tsv (dpkg-query on the rootfs, before it is packed) and the rootfs's os-release text. */
async function recordGroundTruth(rootfs: string, out: string, log: (line: string) => void): Promise<void> {
  const tsv = await run('dpkg-query', [`--admindir=${join(rootfs, 'var/lib/dpkg')}`, '-W', '-f', DPKG_QUERY_FORMAT]);
  await writeFile(join(out, 'packages.tsv'), tsv);
  await writeFile(join(out, 'os-release'), await readOsRelease(rootfs));
  log(`${parsePackagesTsv(tsv).length} packages recorded in packages.tsv`);
}

/** A bundle unpacked from the base image, or from a new empty image for the first layer. */
async function unpackBase(
  recipe: Recipe,
  layout: string,
  work: string,
  ctx: BuildContext,
  log: (line: string) => void,
) {
  const baseTag = recipe.base ?? recipe.name;
  if (recipe.base) {
    await cp(join(ctx.cacheDir, recipe.base, 'oci'), layout, { recursive: true, preserveTimestamps: true });
  } else {
    await run('umoci', ['init', '--layout', layout]);
    await run('umoci', ['new', '--image', `${layout}:${baseTag}`]);
    const env = '--config.env=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    await run('umoci', [
      'config',
      '--image',
      `${layout}:${baseTag}`,
      '--no-history',
      `--created=${CREATED}`,
      env,
      '--config.cmd=bash',
    ]);
  }
  const bundle = join(work, 'bundle');
  log(`umoci unpack ${baseTag}`);
  await run('umoci', ['unpack', '--image', `${layout}:${baseTag}`, bundle]);
  return bundle;
}

/** Makes the bundle's rootfs identical to the built one; umoci repack then writes the difference as a layer. */
async function replaceRootfs(from: string, to: string, log: (line: string) => void): Promise<void> {
  log('rsync the rootfs into the bundle');
  // --checksum: both trees have clamped mtimes, so size+mtime alone could miss a changed file.
  const flags = ['--archive', '--hard-links', '--acls', '--xattrs', '--numeric-ids', '--checksum', '--delete'];
  await run('rsync', [...flags, `${from}/`, `${to}/`]);
}

/** umoci repack (the new layer and its history line), then labels, and only this image's tag left in the layout. */
async function repackLayer(recipe: Recipe, layout: string, bundle: string, log: (line: string) => void) {
  const image = `${layout}:${recipe.name}`;
  const createdBy = ['mmdebstrap', ...mmdebstrapArgs(recipe, '<rootfs>', [])].join(' ');
  const diffNote = recipe.base ? `; layer = rootfs diff against debian12-${recipe.base} (umoci repack)` : '';
  log(`umoci repack ${recipe.name}`);
  await run('umoci', [
    'repack',
    '--image',
    image,
    `--history.created=${CREATED}`,
    `--history.created_by=${createdBy}${diffNote}`,
    bundle,
  ]);
  const labels = {
    'org.opencontainers.image.title': `debian12-${recipe.name}`,
    'org.opencontainers.image.description': recipe.description,
    ...(recipe.base ? { 'org.opencontainers.image.base.name': `lucent-test/debian12-${recipe.base}:latest` } : {}),
  };
  const labelFlags = Object.entries(labels).map(([key, value]) => `--config.label=${key}=${value}`);
  await run('umoci', ['config', '--image', image, '--no-history', ...labelFlags]);
  if (recipe.base) await run('umoci', ['rm', '--image', `${layout}:${recipe.base}`]);
  await run('umoci', ['gc', '--layout', layout]);
}

async function writeDockerArchive(recipe: Recipe, layout: string, path: string, log: (line: string) => void) {
  log('skopeo copy to docker-archive');
  // Both ends are local files, so there is no signature to check; this also ignores a strict host policy.json.
  const target = `docker-archive:${path}:lucent-test/debian12-${recipe.name}:latest`;
  await run('skopeo', ['--insecure-policy', 'copy', '--quiet', `oci:${layout}:${recipe.name}`, target]);
}

/** Moves a finished image into place, replacing an older one. */
async function publish(from: string, to: string): Promise<void> {
  const old = `${from}-replaced`;
  const hadOld = await rename(to, old).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  await rename(from, to);
  if (hadOld) await rm(old, { recursive: true });
}

/** Holds `<cacheDir>/.lock` (mkdir is atomic) while building; a lock whose owner process is gone is taken over. */
async function withBuildLock<T>(ctx: BuildContext, body: () => Promise<T>): Promise<T> {
  const lock = join(ctx.cacheDir, '.lock');
  await mkdir(ctx.cacheDir, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let lastNotice = 0;
  for (;;) {
    const taken = await mkdir(lock).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    if (taken) break;
    const owner = await readText(join(lock, 'owner'));
    if (await isStaleLock(lock, owner)) {
      ctx.log(`[debian12] taking over the lock of a build that is gone (${owner?.trim() || 'no owner'})`);
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${lock} (held by ${owner?.trim()})`);
    if (Date.now() - lastNotice > 30_000) {
      ctx.log(`[debian12] waiting for another build to finish (${lock}, ${owner?.trim() || 'starting'})`);
      lastNotice = Date.now();
    }
    await sleep(2000);
  }
  try {
    await writeFile(join(lock, 'owner'), `pid ${process.pid} on ${hostname()}\n`);
    return await body();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function isStaleLock(lock: string, owner: string | undefined): Promise<boolean> {
  const match = owner && /^pid (\d+) on (\S+)/.exec(owner);
  if (match) return match[2] === hostname() && !isAlive(Number(match[1]));
  // No owner yet: the holder is between mkdir and writeFile, unless that was long ago.
  const since = await lstat(lock).then(
    (s) => s.mtimeMs,
    () => Date.now(),
  );
  return Date.now() - since > 60_000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Work dirs left by killed builds; called with the lock held, so none of them is in use. */
async function removeStaleWorkDirs(ctx: BuildContext): Promise<void> {
  for (const entry of await readdir(ctx.cacheDir)) {
    if (entry.startsWith('.work-')) await removeWorkDir(join(ctx.cacheDir, entry), ctx.log);
  }
}

/**
 * Deletes a work dir. A killed mmdebstrap leaves /proc, /sys, /dev/pts and /dev/shm mounted in its chroot; they are
 * detached first (deepest first, lazily), and the dir is left alone if any remain, since deleting through them
 * would reach the host.
 */
async function removeWorkDir(workDir: string, log: (line: string) => void): Promise<void> {
  const dir = await realpath(workDir).catch(() => workDir);
  for (const point of (await mountsUnder(dir)).reverse()) {
    log(`[debian12] unmounting ${point}, left by an interrupted build`);
    await run('umount', ['--lazy', point]).catch((error: Error) => log(error.message));
  }
  const left = await mountsUnder(dir);
  if (left.length > 0) {
    log(`[debian12] leaving ${dir}: still mounted inside it: ${left.join(', ')}; unmount them and delete it`);
    return;
  }
  await rm(dir, { recursive: true, force: true });
}

/** Mount points at or below `dir`, in mount order (proc(5), /proc/self/mountinfo field 5, octal escapes). */
async function mountsUnder(dir: string): Promise<string[]> {
  const mountinfo = (await readText('/proc/self/mountinfo')) ?? '';
  return mountinfo
    .split('\n')
    .map((line) =>
      line
        .split(' ')[4]
        ?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8))),
    )
    .filter((point): point is string => point !== undefined && (point === dir || point.startsWith(`${dir}/`)));
}

/** Layer digests of the image tagged `tag` in an OCI layout (empty when there is no such layout or tag). */
async function layerDigests(layout: string, tag: string): Promise<string[]> {
  const indexText = await readText(join(layout, 'index.json'));
  if (indexText === undefined) return [];
  const index = OciIndexSchema.parse(JSON.parse(indexText));
  const descriptor = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!descriptor) return [];
  const manifestText = await readFile(join(layout, 'blobs', ...descriptor.digest.split(':')), 'utf8');
  return OciManifestSchema.parse(JSON.parse(manifestText)).layers.map((layer) => layer.digest);
}

const DescriptorSchema = z.object({
  mediaType: z.string().optional(),
  digest: z.string().regex(/^[a-z0-9]+:[a-f0-9]+$/),
  size: z.number(),
  annotations: z.record(z.string(), z.string()).optional(),
});
const OciIndexSchema = z.object({ schemaVersion: z.literal(2), manifests: z.array(DescriptorSchema) });
const OciManifestSchema = z.object({
  schemaVersion: z.literal(2),
  config: DescriptorSchema,
  layers: z.array(DescriptorSchema),
});

/** Parses packages.tsv: one package a line, the five dpkg-query fields separated by tabs; `#` lines are comments. */
export function parsePackagesTsv(text: string): GroundTruthPackage[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [name, version, architecture, sourceName, sourceVersion] = line.split('\t');
      if (!name || !version || !architecture || !sourceName || !sourceVersion) {
        throw new Error(`packages.tsv line is not name, version, arch, source name, source version: ${line}`);
      }
      return { name, version, architecture, sourceName, sourceVersion };
    });
}

/** os-release(5): /etc/os-release, else /usr/lib/os-release; a symlink is followed inside the rootfs only. */
async function readOsRelease(rootfs: string): Promise<string> {
  for (const path of ['etc/os-release', 'usr/lib/os-release']) {
    const full = join(rootfs, path);
    const info = await lstat(full).catch(() => undefined);
    if (!info) continue;
    if (!info.isSymbolicLink()) return readFile(full, 'utf8');
    const target = await readlink(full);
    return readFile(target.startsWith('/') ? join(rootfs, target) : join(rootfs, path, '..', target), 'utf8');
  }
  throw new Error(`no os-release in ${rootfs}`);
}

/** apt's `deb` sources: /etc/apt/sources.list and sources.list.d/*.list (one-line), sources.list.d/*.sources (deb822). */
async function readAptSources(aptDir = '/etc/apt'): Promise<AptSource[]> {
  const files = [join(aptDir, 'sources.list')];
  const partsDir = join(aptDir, 'sources.list.d');
  for (const entry of (await readdir(partsDir).catch(() => [])).sort()) files.push(join(partsDir, entry));
  const sources: AptSource[] = [];
  for (const file of files) {
    if (!file.endsWith('.list') && !file.endsWith('.sources')) continue;
    const text = await readText(file);
    if (text !== undefined) sources.push(...parseAptSources(text, file.endsWith('.sources') ? 'deb822' : 'one-line'));
  }
  return sources;
}

/** Parses apt sources, one-line or deb822 format (sources.list(5)); only enabled `deb` entries are kept. */
export function parseAptSources(text: string, format: 'one-line' | 'deb822'): AptSource[] {
  return format === 'deb822' ? parseDeb822Sources(text) : parseOneLineSources(text);
}

function parseOneLineSources(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, options = '', uri = '', suite = '', components = ''] = match;
    const signedBy = /(?:^|\s)signed-by=(\S+)/.exec(options)?.[1];
    sources.push({
      uri,
      suite,
      components: components.split(/\s+/).filter(Boolean),
      ...(signedBy ? { signedBy } : {}),
    });
  }
  return sources;
}

function parseDeb822Sources(text: string): AptSource[] {
  const sources: AptSource[] = [];
  const lines = text.split('\n').filter((line) => !line.startsWith('#'));
  for (const stanza of lines.join('\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let current = '';
    for (const line of stanza.split('\n')) {
      const field = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (field?.[1] !== undefined) {
        current = field[1].toLowerCase();
        fields.set(current, field[2] ?? '');
      } else if (/^\s/.test(line) && current) {
        fields.set(current, `${fields.get(current)}\n${line.trim()}`);
      }
    }
    const list = (name: string) => (fields.get(name) ?? '').split(/\s+/).filter(Boolean);
    if (!list('types').includes('deb') || fields.get('enabled')?.trim().toLowerCase() === 'no') continue;
    const keyring = fields.get('signed-by')?.trim();
    const signedBy = keyring && !keyring.includes('\n') ? keyring : undefined;
    for (const uri of list('uris')) {
      for (const suite of list('suites')) {
        sources.push({ uri, suite, components: list('components'), ...(signedBy ? { signedBy } : {}) });
      }
    }
  }
  return sources;
}

/**
 * The `deb` lines for mmdebstrap: apt's entries for `suite`, `suite-updates` and `suite-security`. On a Debian host of
 * another release (`hostSuite`, e.g. trixie), the URIs of its own archive and security entries with `suite`'s names.
 */
export function mirrorLines(sources: AptSource[], suite: string, hostSuite?: string): string[] {
  const renamed = (from: string): [string, string][] => [
    [from, suite],
    [`${from}-updates`, `${suite}-updates`],
    [`${from}-security`, `${suite}-security`],
  ];
  const suiteMap = new Map(renamed(suite));
  const hasSuite = sources.some((source) => suiteMap.has(source.suite));
  if (!hasSuite && hostSuite) {
    for (const [from, to] of renamed(hostSuite)) suiteMap.set(from, to);
  }
  const lines = sources.flatMap((source) => {
    const mapped = suiteMap.get(source.suite);
    const components = source.components.filter((component) => DEBIAN_COMPONENTS.includes(component));
    if (!mapped || components.length === 0) return [];
    const options = source.signedBy ? `[signed-by=${source.signedBy}] ` : '';
    return [`deb ${options}${source.uri} ${mapped} ${components.join(' ')}`];
  });
  if (lines.length === 0) throw new Error(`apt has no Debian sources to build ${suite} from (/etc/apt/sources.list*)`);
  return [...new Set(lines)];
}

/** The host's codename when it is Debian (its apt entries are then the Debian archive), from os-release(5). */
async function debianHostSuite(): Promise<string | undefined> {
  const osRelease = (await readText('/etc/os-release')) ?? (await readText('/usr/lib/os-release')) ?? '';
  if (!/^ID="?debian"?$/m.test(osRelease)) return undefined;
  return /^VERSION_CODENAME="?([a-z]+)"?$/m.exec(osRelease)?.[1];
}

async function onPath(program: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (
      dir &&
      (await access(join(dir, program), constants.X_OK).then(
        () => true,
        () => false,
      ))
    )
      return true;
  }
  return false;
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}

/** Runs a program; resolves with its stdout, streams its stderr lines to `log`, rejects with its last lines. */
function run(command: string, args: string[], options: { log?: (line: string) => void } = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH), LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const tail: string[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        options.log?.(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (partial) tail.push(partial);
      if (code === 0) resolvePromise(Buffer.concat(stdout).toString('utf8'));
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail.join('\n')}`));
    });
  });
}
