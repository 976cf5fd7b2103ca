/**
 * `lucent db import`: reads files, folders and zips, hands each file to the first importer that recognises it, and
 * writes every batch into a new version of the database in one transaction, swapped in atomically (db/build.ts).
 * Errors in data never stop an import: broken records and unknown files are counted and reported.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { LucentError } from '../core/errors.ts';
import { type BuildStart, rebuildDatabase } from './db/build.ts';
import { createBatchWriter, type FeedImportSummary } from './db/write.ts';
import { FEED_IMPORTERS, importerFor } from './importers/registry.ts';
import { type InputFile, type InputProblem, readInputFiles } from './input-files.ts';
import type { FeedBatch, FeedImporter } from './records.ts';

/** Progress after each file: how far the import is. */
export interface ImportProgress {
  file: string;
  files: number;
  records: number;
}

/** Options of an import. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** The importers to try, in order; the registry's by default. */
  importers?: readonly FeedImporter[];
  /** The import's timestamp, recorded in `feeds`. */
  now?: Date;
}

/** What an import did. */
export interface ImportSummary {
  dbPath: string;
  /** Whether the new file started from a copy of the old one, from nothing, or replaced an older schema. */
  start: BuildStart;
  files: number;
  /** Records, KEV entries and EPSS scores written. */
  written: number;
  feeds: FeedImportSummary[];
  /** Broken records and unreadable files or archives, each with its reason; the rest was imported. */
  problems: InputProblem[];
  /** Files no importer recognised. */
  unknown: string[];
}

/** Imports `paths` into the database at `dbPath`; a path that does not exist stops the import before it starts. */
export async function importPaths(
  paths: string[],
  dbPath: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const inputs = await checkInputs(paths);
  const importers = options.importers ?? FEED_IMPORTERS.map((entry) => entry.importer);
  const { result, start } = await rebuildDatabase(dbPath, (db) => importInto(db, inputs, importers, options));
  return { dbPath, start, ...result };
}

interface Input {
  path: string;
  isDirectory: boolean;
}

async function checkInputs(paths: string[]): Promise<Input[]> {
  if (paths.length === 0) throw new LucentError('E_USAGE', 'nothing to import: name at least one file or folder');
  return Promise.all(
    paths.map(async (path) => {
      const info = await stat(path).catch(() => undefined);
      if (!info) {
        throw new LucentError('E_IMPORT_PATH_NOT_FOUND', `${path} does not exist`, {
          hint: 'name OSV files, folders of them, or all.zip archives',
        });
      }
      return { path: resolve(path), isDirectory: info.isDirectory() };
    }),
  );
}

async function importInto(
  db: DatabaseSync,
  inputs: Input[],
  importers: readonly FeedImporter[],
  options: ImportOptions,
): Promise<Omit<ImportSummary, 'dbPath' | 'start'>> {
  const writer = createBatchWriter(db);
  const problems: InputProblem[] = [];
  const unknown: string[] = [];
  let files = 0;
  let written = 0;
  for (const input of inputs) {
    for await (const file of readInputFiles(input.path, input.isDirectory, (problem) => problems.push(problem))) {
      files += 1;
      const batch = parseFile(file, importers);
      if (!batch) unknown.push(file.name);
      else {
        writer.write(batch, input.path);
        written += (batch.records?.length ?? 0) + (batch.kev?.length ?? 0) + (batch.epss?.length ?? 0);
        for (const reason of batch.problems) problems.push({ name: file.name, reason });
      }
      options.onProgress?.({ file: file.name, files, records: written });
    }
  }
  return { files, written, feeds: writer.finish(options.now ?? new Date()), problems, unknown };
}

/** How much of a file `detect` sees: enough for the top-level keys of any feed's format. */
const HEAD_BYTES = 16 * 1024;

/** The file's batch, or undefined when no importer recognises it. An importer that throws is a problem of the file. */
function parseFile(file: InputFile, importers: readonly FeedImporter[]): FeedBatch | undefined {
  const head = new TextDecoder().decode(file.content.subarray(0, HEAD_BYTES));
  const importer = importerFor(file.name, head, importers);
  if (!importer) return undefined;
  try {
    return importer.parse(file.name, file.content);
  } catch (error) {
    return { feed: importer.feed, problems: [`the ${importer.feed} importer failed: ${(error as Error).message}`] };
  }
}
