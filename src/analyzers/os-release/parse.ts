/**
 * os-release and its fallbacks. Format: https://www.freedesktop.org/software/systemd/man/latest/os-release.html
 * (shell-style `KEY=value` lines, values optionally quoted, with backslash escapes inside double quotes).
 */
import type { OsInfo } from '../../core/package.ts';

/** Parses an os-release file into its variables. */
export function parseOsReleaseVariables(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    let value = line.slice(equals + 1).trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\(["\\$`])/g, '$1');
    }
    out[key] = value;
  }
  return out;
}

/** The OS an os-release file describes, or undefined when it has no ID. */
export function parseOsRelease(text: string): OsInfo | undefined {
  const vars = parseOsReleaseVariables(text);
  if (!vars.ID) return undefined;
  const os: OsInfo = { id: vars.ID.toLowerCase() };
  if (vars.VERSION_ID) os.versionId = vars.VERSION_ID;
  if (vars.VERSION_CODENAME) os.versionCodename = vars.VERSION_CODENAME;
  if (vars.PRETTY_NAME) os.prettyName = vars.PRETTY_NAME;
  if (vars.ID_LIKE) os.idLike = vars.ID_LIKE.split(/\s+/).filter(Boolean);
  return os;
}

/** `/etc/alpine-release` holds the full version, e.g. `3.11.5`. */
export function parseAlpineRelease(text: string): OsInfo | undefined {
  const version = text.trim().split('\n')[0]?.trim();
  return version ? { id: 'alpine', versionId: version, prettyName: `Alpine Linux v${version}` } : undefined;
}

/**
 * `/etc/debian_version` holds `12.5` on releases and a codename like `bookworm/sid` on testing; only a leading number
 * becomes a VERSION_ID (the major version, as Debian's os-release has it).
 */
export function parseDebianVersion(text: string): OsInfo | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const major = /^(\d+)/.exec(value)?.[1];
  return major ? { id: 'debian', versionId: major, prettyName: `Debian GNU/Linux ${major}` } : { id: 'debian' };
}
