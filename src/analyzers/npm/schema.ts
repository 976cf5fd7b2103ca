/**
 * Validation of the npm-ecosystem files at the boundary. The top level of each file is checked strictly (a file that
 * is not the format throws); entries are checked one by one, so a single odd entry becomes an unknown and the rest
 * of the file is still read. Unknown fields pass through: these formats grow new ones often.
 */
// The v3 API that zod 4 still ships: it loads 10 modules where zod 4 loads 95 (about 50 ms of CPU at start-up), and
// these schemas are read on the path of every image that holds a Node.js package.
import { z } from 'zod/v3';

const stringMap = z.record(z.string(), z.string());
const licenseObject = z.object({ type: z.string().optional() }).passthrough();

/**
 * `license` and the legacy `licenses` as found in the wild: a string, `{type, url}`, or an array of either.
 * https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license
 */
export const licenseFieldSchema = z.union([z.string(), licenseObject, z.array(z.union([z.string(), licenseObject]))]);

/** An installed package's package.json (only the fields an inventory needs). */
export const installedPackageJsonSchema = z
  .object({
    name: z.string().optional(),
    version: z.string().optional(),
    license: licenseFieldSchema.optional().catch(undefined),
    licenses: licenseFieldSchema.optional().catch(undefined),
  })
  .passthrough();

/** A package-lock v1 `dependencies` entry (recursive through its own `dependencies`). */
export interface LockV1Entry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  bundled?: boolean;
  requires?: Record<string, string>;
  dependencies?: Record<string, unknown>;
}

/** One entry of the v1 `dependencies` tree; nested entries are validated when they are visited. */
export const lockV1EntrySchema: z.ZodType<LockV1Entry> = z
  .object({
    version: z.string().optional(),
    resolved: z.string().optional(),
    integrity: z.string().optional(),
    dev: z.boolean().optional(),
    optional: z.boolean().optional(),
    bundled: z.boolean().optional(),
    requires: stringMap.optional(),
    dependencies: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/** A package-lock v2/v3 `packages` entry. https://docs.npmjs.com/cli/v10/configuring-npm/package-lock-json */
export const lockPackageEntrySchema = z
  .object({
    name: z.string().optional(),
    version: z.string().optional(),
    resolved: z.string().optional(),
    integrity: z.string().optional(),
    link: z.boolean().optional(),
    dev: z.boolean().optional(),
    license: licenseFieldSchema.optional().catch(undefined),
    dependencies: stringMap.optional(),
    optionalDependencies: stringMap.optional(),
    peerDependencies: stringMap.optional(),
  })
  .passthrough();

/** The top level of package-lock.json and npm-shrinkwrap.json, any version. */
export const packageLockSchema = z
  .object({
    lockfileVersion: z.number().int().optional(),
    packages: z.record(z.string(), z.unknown()).optional(),
    dependencies: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/**
 * An entry of a Yarn berry lock file, as `Project.generateLockfile` writes it
 * (https://github.com/yarnpkg/berry/blob/master/packages/yarnpkg-core/sources/Project.ts).
 */
export const berryEntrySchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    resolution: z.string(),
    dependencies: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
    checksum: z.string().optional(),
    languageName: z.string().optional(),
    linkType: z.string().optional(),
  })
  .passthrough();

const pnpmDependencyMap = z.record(z.string(), z.union([z.string(), z.number()]).transform(String));
/** An importer's dependency: `name: version` (v5) or `name: {specifier, version}` (v6+). */
const pnpmImporterDependencies = z.record(
  z.string(),
  z.union([
    z.union([z.string(), z.number()]).transform(String),
    z
      .object({ version: z.union([z.string(), z.number()]).transform(String) })
      .passthrough()
      .transform((dep) => dep.version),
  ]),
);

/** One project of a pnpm workspace (or the top level of a single-project lock file before v9). */
export const pnpmImporterSchema = z
  .object({
    dependencies: pnpmImporterDependencies.optional(),
    optionalDependencies: pnpmImporterDependencies.optional(),
    devDependencies: pnpmImporterDependencies.optional(),
  })
  .passthrough();

/** A `packages:` (metadata) or `snapshots:` (v9 dependency graph) entry. https://github.com/pnpm/spec */
export const pnpmEntrySchema = z
  .object({
    name: z.string().optional(),
    version: z.union([z.string(), z.number()]).transform(String).optional(),
    resolution: z.object({ integrity: z.string().optional() }).passthrough().optional(),
    dev: z.boolean().optional(),
    dependencies: pnpmDependencyMap.optional(),
    optionalDependencies: pnpmDependencyMap.optional(),
  })
  .passthrough();

/** The top level of pnpm-lock.yaml, v5 to v9. */
export const pnpmLockSchema = z
  .object({
    lockfileVersion: z.union([z.string(), z.number()]).transform(String),
    importers: z.record(z.string(), z.unknown()).optional(),
    packages: z.record(z.string(), z.unknown()).nullish(),
    snapshots: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();
