/**
 * The parts of Python lock files that the parsers read, validated per entry so that one odd entry does not hide the
 * others. Unknown keys are allowed: lock formats grow fields.
 */
import { z } from 'zod';

/** A `[[package]]` entry of poetry.lock (https://python-poetry.org/docs/basic-usage/#installing-with-poetrylock). */
export const poetryPackageSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  // Poetry < 1.5 wrote `category = "dev"`; Poetry 2 writes the dependency groups that need the package.
  category: z.string().optional(),
  groups: z.array(z.string()).optional(),
  dependencies: z.record(z.string(), z.unknown()).optional(),
});

/** A poetry.lock package. */
export type PoetryPackage = z.infer<typeof poetryPackageSchema>;

/** One section (`default`, `develop`) entry of Pipfile.lock (https://pipenv.pypa.io/en/latest/pipfile.html). */
export const pipfileEntrySchema = z.object({ version: z.string().optional() });

/** The top level of Pipfile.lock. */
export const pipfileLockSchema = z.object({
  default: z.record(z.string(), z.unknown()).optional(),
  develop: z.record(z.string(), z.unknown()).optional(),
});

/** A dependency reference inside uv.lock: a name, with version and source only when the name is ambiguous. */
const uvDependencySchema = z.object({ name: z.string().min(1), version: z.string().optional() });

/** A `[[package]]` entry of uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile). */
export const uvPackageSchema = z.object({
  name: z.string().min(1),
  // Workspace members with a dynamic version have none.
  version: z.string().min(1).optional(),
  source: z.record(z.string(), z.unknown()).optional(),
  dependencies: z.array(uvDependencySchema).optional(),
  'optional-dependencies': z.record(z.string(), z.array(uvDependencySchema)).optional(),
  'dev-dependencies': z.record(z.string(), z.array(uvDependencySchema)).optional(),
});

/** A uv.lock package. */
export type UvPackage = z.infer<typeof uvPackageSchema>;

/** The first issue of a failed validation, for an unknown's reason. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid';
}
