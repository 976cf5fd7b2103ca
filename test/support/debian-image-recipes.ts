/**
 * What the Debian 12 test images are made of: the two recipes, the suite, and the fixed epoch that makes rebuilds
 * reproducible. A change to any of them makes the cached images stale (see `buildMarker` in debian-images.ts).
 */

/** The two test images: `minbase`, and `tools` on top of it. */
export type DebianImageName = 'minbase' | 'tools';

/** How one image is built: packages on top of minbase, and the image it is layered on. */
export interface Recipe {
  name: DebianImageName;
  /** Packages on top of the minbase variant. */
  include: string[];
  /** Image whose layers this one starts from; its rootfs diff becomes the new layer. */
  base?: DebianImageName;
  description: string;
}

/** The recipes, by image name; `minbase` is built first, since `tools` starts from its layers. */
export const RECIPES = {
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

/** Debian release the images are built from. */
export const SUITE = 'bookworm';
/** Bump when the build steps change, so cached images are rebuilt. */
export const BUILD_FORMAT = 1;
/** 2025-01-01T00:00:00Z: mtimes are clamped to it and it is the images' `created`, so rebuilds are reproducible. */
export const SOURCE_DATE_EPOCH = 1_735_689_600;
/** `SOURCE_DATE_EPOCH` as an RFC 3339 timestamp, for the image config and history entries. */
export const CREATED = new Date(SOURCE_DATE_EPOCH * 1000).toISOString().replace('.000Z', 'Z');
