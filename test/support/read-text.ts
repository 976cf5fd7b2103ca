/** Reading a file that may not be there. */
import { readFile } from 'node:fs/promises';

/** A file's text, or undefined when it (or a directory on its path) does not exist. */
export async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}
