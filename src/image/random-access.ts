/**
 * Random access to a range of a host file (a member of an uncompressed layer, a file of a directory source): only the
 * bytes asked for are read, so an analyzer that needs the section table of a 50 MB executable reads a few kilobytes.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { RandomAccessFile } from './image.ts';

/**
 * Opens `size` bytes of the file at `path` starting at `start`. `noFollow` refuses a symlink (O_NOFOLLOW): a file of a
 * directory source that became a link after it was listed must not be read through.
 */
export async function openFileRange(
  path: string,
  start: number,
  size: number,
  options: { noFollow?: boolean } = {},
): Promise<RandomAccessFile> {
  const handle = await open(path, constants.O_RDONLY | (options.noFollow ? constants.O_NOFOLLOW : 0));
  return {
    size,
    read: (offset, length) => readRange(handle, start, size, offset, length),
    close: () => handle.close(),
  };
}

/**
 * Random access to `size` bytes at `start` of a file someone else opened and closes (a layer being walked):
 * `close()` leaves the file open.
 */
export function fileRange(handle: FileHandle, start: number, size: number): RandomAccessFile {
  return {
    size,
    read: (offset, length) => readRange(handle, start, size, offset, length),
    close: async () => undefined,
  };
}

/** Up to `length` bytes at `offset` of the `size` bytes at `start` of a file: fewer at its end, none past it. */
export async function readRange(
  handle: FileHandle,
  start: number,
  size: number,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  const from = Math.max(0, Math.min(offset, size));
  const wanted = Math.max(0, Math.min(length, size - from));
  const out = Buffer.allocUnsafe(wanted);
  let done = 0;
  while (done < wanted) {
    const { bytesRead } = await handle.read(out, done, wanted - done, start + from + done);
    // The file shrank after it was listed: give what is there.
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === wanted ? out : out.subarray(0, done);
}
