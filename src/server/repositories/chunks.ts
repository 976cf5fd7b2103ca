/** Splitting work into statements of bounded size: SQLite binds at most 32,766 values, PostgreSQL 65,535. */

/** Ids per `IN (…)` list. */
export const IDS_PER_STATEMENT = 500;

/** The items in chunks of at most `size`. */
export function chunksOf<T>(items: readonly T[], size: number = IDS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** Rows per multi-row INSERT, so that rows × columns stays well under both engines' limits. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}
