/**
 * Building one image: mmdebstrap a rootfs, record its ground truth, turn it into a layer on top of the base image
 * with umoci, write a docker archive with skopeo, and move the result into the cache.
 */
import { cp, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CacheDirContext, removeWorkDir } from './build-lock.ts';
import { CREATED, type Recipe, SOURCE_DATE_EPOCH, SUITE } from './debian-image-recipes.ts';
import { recordGroundTruth } from './ground-truth.ts';
import { run } from './run-program.ts';

/** Where the images are cached, where progress lines go, and the `deb` lines mmdebstrap builds from. */
export interface BuildContext extends CacheDirContext {
  mirrors: string[];
}

/** Makes bin, sbin, lib, lib64 symlinks into /usr as debootstrap does, so apt picks usr-is-merged, not usrmerge. */
const MERGED_USR_HOOKS = '/usr/share/mmdebstrap/hooks/merged-usr';

/** Builds one image in a work dir inside the cache and renames it into place, so a killed build leaves no image. */
export async function buildImage(recipe: Recipe, marker: string, ctx: BuildContext): Promise<void> {
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
