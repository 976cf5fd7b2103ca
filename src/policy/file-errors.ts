/** The errors of policy files (ignore file, VEX documents): the file, the field and what is wrong with it. */
import type { z } from 'zod';
import { LucentError } from '../core/errors.ts';

/** `ignore[2].expires`, from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

/** A malformed policy file: the first issues (at most three), each with its field. */
export function invalidFile(file: string, issues: readonly z.core.$ZodIssue[], hint: string): LucentError {
  const lines = issues.slice(0, 3).map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new LucentError('E_POLICY_FILE_INVALID', `invalid ${file}: ${lines.join('; ')}${more}`, { hint });
}

/** A policy file that is not the format it should be (not YAML, not JSON, no known VEX format). */
export function unreadableFile(file: string, problem: string, hint: string, cause?: unknown): LucentError {
  return new LucentError('E_POLICY_FILE_INVALID', `invalid ${file}: ${problem}`, {
    hint,
    ...(cause === undefined ? {} : { cause }),
  });
}
