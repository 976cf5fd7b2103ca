/**
 * The files an import reads: a file, every file under a folder (recursively, in name order), or every entry of a
 * `.zip` archive (OSV publishes one `all.zip` per ecosystem). Zips are streamed entry by entry with fflate, so memory
 * holds one read chunk and the entries it completed, never the whole archive. Importers get bytes and never open
 * files themselves (STYLE rule 1).
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { type AsyncFlateStreamHandler, type FlateError, Unzip, type UnzipDecoder, UnzipPassThrough } from 'fflate';

/** One file to import: its display name (a path, or `archive.zip!/entry`) and its bytes. */
export interface InputFile {
  name: string;
  content: Uint8Array;
}

/** Something at an input path that could not be read as a whole; the import goes on with the next path. */
export interface InputProblem {
  name: string;
  reason: string;
}

/** Yields the files under `path` (a file, folder or zip); unreadable archives are reported through `onProblem`. */
export async function* readInputFiles(
  path: string,
  isDirectory: boolean,
  onProblem: (problem: InputProblem) => void,
): AsyncGenerator<InputFile> {
  if (isDirectory) {
    for (const file of await filesUnder(path)) yield* readInputFiles(file, false, onProblem);
  } else if (/\.zip$/i.test(path)) {
    yield* zipEntries(path, onProblem);
  } else {
    yield { name: path, content: await readFile(path) };
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Streams the entries of a zip file; a corrupt archive stops at the damage, keeping the entries read before it. */
export async function* zipEntries(path: string, onProblem: (problem: InputProblem) => void): AsyncGenerator<InputFile> {
  const done: InputFile[] = [];
  let failure: Error | undefined;
  let entries = 0;
  const unzip = new Unzip((file) => {
    if (file.name.endsWith('/')) return; // a folder entry
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      chunks.push(data);
      if (final) done.push({ name: `${path}!/${file.name}`, content: concatenate(chunks) });
    };
    try {
      file.start();
    } catch (error) {
      // An entry compressed with something other than deflate or store: report it, read the rest.
      onProblem({ name: `${path}!/${file.name}`, reason: (error as Error).message });
    }
  });
  unzip.register(NativeInflate);
  unzip.register(UnzipPassThrough);
  try {
    // 64 KiB chunks: fflate's Unzip recurses once per entry that ends inside a pushed chunk, so a chunk holding
    // thousands of small records (4 MiB of OSV records does) overflows the stack.
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      unzip.push(chunk as Buffer);
      entries += done.length;
      yield* done.splice(0);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure ??= error as Error;
  }
  entries += done.length;
  yield* done.splice(0);
  if (failure) onProblem({ name: path, reason: `not a readable zip archive: ${failure.message}` });
  else if (entries === 0) onProblem({ name: path, reason: 'no files found in the zip archive' });
}

/**
 * Deflate through Node's zlib instead of fflate's JavaScript inflater: 4× faster on OSV's small entries and less
 * garbage. fflate still parses the archive; one entry's compressed bytes are held until it ends.
 */
class NativeInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private chunks: Uint8Array[] = [];

  push(chunk: Uint8Array, final: boolean): void {
    this.chunks.push(chunk.slice()); // fflate may hand us a view of a buffer it goes on using
    if (!final) return;
    const compressed = concatenate(this.chunks);
    this.chunks = [];
    let inflated: Uint8Array<ArrayBuffer>;
    try {
      inflated = new Uint8Array(inflateRawSync(compressed));
    } catch (error) {
      this.ondata(error as FlateError, new Uint8Array(0), true);
      return;
    }
    this.ondata(null, inflated, true);
  }
}

function concatenate(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
