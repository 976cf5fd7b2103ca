/**
 * The Alpine secdb importer: `v3.11/main.yaml` from the old repository, `v3.11/main.json` from secdb.alpinelinux.org.
 */
import type { FeedImporter } from '../../records.ts';
import { parseAlpineSecdb } from './parse.ts';

/** Both secdb encodings open with the branch (`distroversion`) near the top. */
const HEAD_PATTERN = /(^|[\s{,])"?distroversion"?\s*:/m;

/** Alpine secdb YAML and JSON → OSV records (`Alpine:v3.11` ecosystems, origin package names). */
export const alpineSecdbImporter = {
  feed: 'alpine-secdb',
  detect: (name, head) => /\.(ya?ml|json)$/i.test(name) && HEAD_PATTERN.test(head),
  parse: (_name, content) => parseAlpineSecdb(new TextDecoder().decode(content)),
} satisfies FeedImporter;
