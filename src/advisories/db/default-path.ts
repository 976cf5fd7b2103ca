/** Where the advisory database lives unless `--db` says otherwise. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$LUCENT_DB`, else `$XDG_DATA_HOME/lucent/advisories.db`, else `~/.local/share/lucent/advisories.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LUCENT_DB) return env.LUCENT_DB;
  // XDG Base Directory: data files go to $XDG_DATA_HOME, default ~/.local/share
  // (https://specifications.freedesktop.org/basedir-spec/latest/).
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'lucent', 'advisories.db');
}
