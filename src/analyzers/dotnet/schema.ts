/**
 * The parts of a .NET `*.deps.json` that the parser reads
 * (https://github.com/dotnet/runtime/blob/main/docs/design/features/host-dependency-resolution.md). Unknown keys are
 * allowed.
 */
import { z } from 'zod';

/** One `libraries` entry, keyed `Name/Version`. */
export const depsLibrarySchema = z.object({
  type: z.string(),
  sha512: z.string().optional(),
});

/** One entry of a target, keyed `Name/Version`: its dependencies by name → version. */
export const depsTargetEntrySchema = z.object({
  dependencies: z.record(z.string(), z.string()).optional(),
  // Reference assemblies needed only to compile (PreserveCompilationContext) are not deployed.
  compileOnly: z.boolean().optional(),
});

/** The top level of a deps.json. */
export const depsJsonSchema = z.object({
  targets: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  libraries: z.record(z.string(), z.unknown()),
});

/** The first issue of a failed validation, for an unknown's reason. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid';
}
