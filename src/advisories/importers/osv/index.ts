/** The OSV importer: OSV records in JSON or YAML, one per file (also the entries of OSV's per-ecosystem all.zip). */
import type { FeedImporter } from '../../records.ts';
import { isYamlName, parseOsvFile } from './parse.ts';

const JSON_KEY = (key: string) => new RegExp(`"${key}"\\s*:`);
const YAML_KEY = (key: string) => new RegExp(`^${key}\\s*:`, 'm');
const JSON_KEYS = {
  schema: JSON_KEY('schema_version'),
  id: JSON_KEY('id'),
  more: /"(?:affected|modified)"\s*:/,
  sortedStart: /^\s*\{\s*"affected"\s*:\s*\[/,
};
const YAML_KEYS = {
  schema: YAML_KEY('schema_version'),
  id: YAML_KEY('id'),
  more: /^(?:affected|modified)\s*:/m,
  sortedStart: /^(?:\s*#.*\n)*(?:---\s*\n)?affected\s*:/,
};

/**
 * An OSV record has `schema_version`, or an `id` with `affected` or `modified`; KEV, EPSS, secdb and the Debian
 * tracker have none of these keys at the top of their files. Records with sorted keys (GHSA's export) start with a
 * long `affected` list that can push every other key past the head, so starting with `affected` counts too.
 */
function detect(name: string, head: string): boolean {
  const keys = isYamlName(name) ? YAML_KEYS : /\.json$/i.test(name) ? JSON_KEYS : undefined;
  if (!keys) return false;
  return keys.schema.test(head) || (keys.id.test(head) && keys.more.test(head)) || keys.sortedStart.test(head);
}

/** Reads OSV records. */
export const osvImporter = { feed: 'osv', detect, parse: parseOsvFile } as const satisfies FeedImporter;
