/** Parses the text of an ignore file (`.lucent.yaml`) into ignore rules; errors name the file and the field. */
import { parseDocument } from 'yaml';
import { invalidFile, unreadableFile } from '../file-errors.ts';
import type { IgnoreRule } from '../ignore-rules.ts';
import { ignoreFileSchema } from './schema.ts';

const HINT = 'see docs/policy.md for the format of .lucent.yaml';

/** Parses an ignore file; `name` is how messages and rule origins name the file. Empty files hold no rules. */
export function parseIgnoreFile(text: string, name: string): IgnoreRule[] {
  const document = parseDocument(text, { prettyErrors: true });
  const [error] = document.errors;
  if (error) throw unreadableFile(name, `not valid YAML: ${error.message.split('\n')[0]}`, HINT, error);
  const data = document.toJS() ?? {};
  const result = ignoreFileSchema.safeParse(data);
  if (!result.success) throw invalidFile(name, result.error.issues, HINT);
  return result.data.ignore.map((entry, index) => ({
    ...(entry.id !== undefined ? { id: entry.id } : {}),
    ...(entry.package !== undefined ? { package: entry.package } : {}),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    origin: `${name} ignore[${index}]`,
  }));
}
