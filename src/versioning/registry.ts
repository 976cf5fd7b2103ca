/**
 * Every versioning scheme, as an explicit list (STYLE rule 3), and the ecosystems that use each. `registry.test.ts`
 * fails when a folder under src/versioning/ is missing here.
 */
import { apkVersioning } from './apk/index.ts';
import { composerVersioning } from './composer/index.ts';
import { debVersioning } from './deb/index.ts';
import { gemVersioning } from './gem/index.ts';
import { goVersioning } from './go/index.ts';
import { mavenVersioning } from './maven/index.ts';
import { nugetVersioning } from './nuget/index.ts';
import { pep440Versioning } from './pep440/index.ts';
import { rpmVersioning } from './rpm/index.ts';
import type { VersioningScheme } from './scheme.ts';
import { semverVersioning } from './semver/index.ts';

/** The versioning schemes, by name. */
export const VERSIONING_SCHEMES: readonly VersioningScheme[] = [
  apkVersioning,
  composerVersioning,
  debVersioning,
  gemVersioning,
  goVersioning,
  mavenVersioning,
  nugetVersioning,
  pep440Versioning,
  rpmVersioning,
  semverVersioning,
];

/** Looks a scheme up by name. */
export function versioningScheme(name: string): VersioningScheme | undefined {
  return VERSIONING_SCHEMES.find((scheme) => scheme.name === name);
}
