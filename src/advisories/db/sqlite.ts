/**
 * Node's built-in SQLite (`node:sqlite`, https://nodejs.org/api/sqlite.html): no native npm module to build. Node 22
 * prints an ExperimentalWarning when the module loads; that one warning is filtered, every other still shows.
 */
import type * as NodeSqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';

let loading: Promise<typeof NodeSqlite> | undefined;

/** Loads `node:sqlite` once, on demand, so commands that never touch the DB don't pay for it. */
export function loadSqlite(): Promise<typeof NodeSqlite> {
  loading ??= importWithoutWarning();
  return loading;
}

/** Opens a database file; read-only handles never create or change the file. */
export async function openSqlite(path: string, options: { readOnly: boolean }): Promise<DatabaseSync> {
  const { DatabaseSync } = await loadSqlite();
  return new DatabaseSync(path, { readOnly: options.readOnly });
}

async function importWithoutWarning(): Promise<typeof NodeSqlite> {
  const emitWarning = process.emitWarning;
  // The warning is emitted while the built-in module loads, so the filter only needs to live during the import.
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (isSqliteWarning(warning, rest[0])) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await import('node:sqlite');
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** True for the one warning `node:sqlite` emits on Node 22 ("SQLite is an experimental feature…"). */
export function isSqliteWarning(warning: string | Error, typeOrOptions: unknown): boolean {
  const text = typeof warning === 'string' ? warning : warning.message;
  const type =
    typeof typeOrOptions === 'string'
      ? typeOrOptions
      : typeof warning !== 'string'
        ? warning.name
        : (typeOrOptions as { type?: unknown } | undefined)?.type;
  return type === 'ExperimentalWarning' && /^SQLite\b/.test(text);
}
