/**
 * Paths inside an image. They are kept relative to the image root without a leading slash (`etc/os-release`), and
 * `..` can never climb above the root: a hostile entry name such as `../../etc/passwd` stays inside the image.
 */

/** Names that need no work: no leading `/` or `./`, no empty, `.` or `..` segments (most tar entries). */
const ALREADY_NORMAL = /^(?!\.{1,2}(?:\/|$))(?:[^/]+\/)*[^/]+\/?$/;

/** Normalises an archive entry name or link target to a root-relative path ('' is the root itself). */
export function normalisePath(name: string): string {
  if (ALREADY_NORMAL.test(name) && !name.includes('/./') && !name.includes('/../') && !/\/\.{1,2}\/?$/.test(name)) {
    return name.endsWith('/') ? name.slice(0, -1) : name;
  }
  const out: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The parent directory of a normalised path ('' for top-level entries). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The last component of a normalised path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins a normalised directory and a relative path, clamping at the root. */
export function joinPath(dir: string, relative: string): string {
  return normalisePath(dir === '' ? relative : `${dir}/${relative}`);
}

/** Resolves a symlink target found at `linkPath`: absolute targets start at the image root. */
export function resolveLinkTarget(linkPath: string, target: string): string {
  return target.startsWith('/') ? normalisePath(target) : joinPath(parentOf(linkPath), target);
}

/** Formats a normalised path for people: `/etc/os-release`. */
export function displayPath(path: string): string {
  return `/${path}`;
}

/** Whiteout markers (OCI image spec, "Representing Changes" › whiteouts). */
export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';
