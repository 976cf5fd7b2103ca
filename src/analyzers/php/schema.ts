/**
 * The parts of Composer's files that the parser reads (https://getcomposer.org/doc/04-schema.md), validated per
 * package so that one odd entry does not hide the others. Unknown keys are allowed.
 */
import { z } from 'zod';

/** One package in composer.lock or vendor/composer/installed.json. */
export const composerPackageSchema = z.object({
  name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected vendor/package'),
  version: z.string().min(1),
  // The schema allows one string or a list ("or" between them).
  license: z.union([z.string(), z.array(z.string())]).optional(),
  require: z.record(z.string(), z.unknown()).optional(),
});

/** A Composer package entry. */
export type ComposerPackage = z.infer<typeof composerPackageSchema>;

/** composer.lock: runtime and dev packages. */
export const composerLockSchema = z.object({
  packages: z.array(z.unknown()).optional(),
  'packages-dev': z.array(z.unknown()).nullish(),
});

/** installed.json: Composer 1 writes the package array; Composer 2 an object that also names the dev packages. */
export const installedJsonSchema = z.union([
  z.array(z.unknown()),
  z.object({ packages: z.array(z.unknown()), 'dev-package-names': z.array(z.string()).optional() }),
]);

/** The first issue of a failed validation, for an unknown's reason. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid';
}
