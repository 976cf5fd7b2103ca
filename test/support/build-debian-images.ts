/**
 * Builds (or finds in the cache) the Debian 12 test images and prints where they are.
 * Usage: node test/support/build-debian-images.ts [--rebuild] [--cache-dir DIR] [--json]
 */
import { parseArgs } from 'node:util';
import { type BuiltImage, debianImageCacheDir, ensureDebianImages } from './debian-images.ts';

const USAGE = 'usage: node test/support/build-debian-images.ts [--rebuild] [--cache-dir DIR] [--json]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rebuild: { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`${USAGE}\n\nDefault cache: ${debianImageCacheDir()} (LUCENT_TEST_CACHE, XDG_CACHE_HOME)`);
    return;
  }
  const started = Date.now();
  const images = await ensureDebianImages({
    rebuild: values.rebuild,
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
  });
  if (values.json) {
    console.log(JSON.stringify(Object.values(images).map(summary), null, 2));
  } else {
    for (const image of Object.values(images)) printImage(image);
  }
  console.error(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function summary(image: BuiltImage) {
  const { packages, osRelease, ...paths } = image;
  return { ...paths, packageCount: packages.length };
}

function printImage(image: BuiltImage): void {
  console.log(`${image.name}:`);
  console.log(`  oci layout      ${image.ociLayout}`);
  console.log(`  skopeo ref      ${image.ociRef}`);
  console.log(`  docker archive  ${image.dockerArchive}`);
  console.log(`  layers          ${image.layerCount}`);
  console.log(`  packages        ${image.packages.length}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
