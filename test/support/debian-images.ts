/**
 * Real Debian 12 images for integration tests, built without Docker and cached between runs: `minbase` is
 * `mmdebstrap --variant=minbase bookworm` as one layer; `tools` is that layer plus a second one that adds a few
 * packages. Each image comes with its ground truth (dpkg-query on the rootfs it was made from), recorded at build
 * time because the mirror's versions move. Needs root, mmdebstrap, umoci, skopeo, rsync and dpkg-query.
 * What it runs, where the cache lives and how to rebuild: docs/test-images.md.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { debianHostSuite, mirrorLines, readAptSources } from './apt-sources.ts';
import { removeStaleWorkDirs, withBuildLock } from './build-lock.ts';
import { type BuildContext, buildImage } from './debian-image-build.ts';
import {
  BUILD_FORMAT,
  type DebianImageName,
  RECIPES,
  type Recipe,
  SOURCE_DATE_EPOCH,
  SUITE,
} from './debian-image-recipes.ts';
import { type GroundTruthPackage, parsePackagesTsv } from './ground-truth.ts';
import { layerDigests } from './oci-layout.ts';
import { readText } from './read-text.ts';
import { onPath } from './run-program.ts';

// The test and tool entry points import everything from here, including what lives in the files beside it.
export { type AptSource, mirrorLines, parseAptSources } from './apt-sources.ts';
export { type DebianImageName, TOOLS_PACKAGES } from './debian-image-recipes.ts';
export { type GroundTruthPackage, parsePackagesTsv } from './ground-truth.ts';

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

const TOOLS_NEEDED = ['mmdebstrap', 'umoci', 'skopeo', 'rsync', 'dpkg-query', 'find', 'touch'];

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
