/** The version Lucent reports, read once from its package.json. */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** Lucent's version. */
export function version(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cached;
}
