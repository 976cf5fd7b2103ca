/**
 * Paths inside an image. They are kept relative to the image root without a leading slash (`etc/os-release`), and
 * `..` can never climb above the root: a hostile entry name such as `../../etc/passwd` stays inside the image.
 */

/** Normalises an archive entry name or link target to a root-relative path ('' is the root itself). */
export function normalisePath(name: string): string {
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
