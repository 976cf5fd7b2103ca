/**
 * The identity of an archive file, for cache keys of what it holds: its real path, device, inode, size, modification
 * and change times. A file rewritten in any way, even with its old modification time put back, gets a new change
 * time and a new identity.
 */
import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';

/** A string that changes whenever the file at `path` is replaced or modified. */
export async function archiveIdentity(path: string): Promise<string> {
  const [real, info] = await Promise.all([realpath(path), stat(path, { bigint: true })]);
  const fields = [real, info.dev, info.ino, info.size, info.mtimeNs, info.ctimeNs].join('\0');
  return `sha256:${createHash('sha256').update(fields).digest('hex')}`;
}
