/** Which files the dpkg analyzer reads: string tests only, so the registry can load it cheaply. */

/** dpkg's status database. */
export const STATUS = 'var/lib/dpkg/status';
const STATUS_D = 'var/lib/dpkg/status.d/';

/** Whether a path is a distroless status.d entry (its `*.md5sums` companions list file hashes, not packages). */
export function isStatusD(path: string): boolean {
  return (
    path.startsWith(STATUS_D) &&
    !path.endsWith('.md5sums') &&
    path.length > STATUS_D.length &&
    !path.slice(STATUS_D.length).includes('/')
  );
}

/** `usr/share/doc/<package>/copyright` → the package name, else undefined. */
export function copyrightPackage(path: string): string | undefined {
  const match = /^usr\/share\/doc\/([^/]+)\/copyright$/.exec(path);
  return match?.[1];
}
