/** Golden-file assertions for the SBOM encoders; `UPDATE_GOLDEN=1` rewrites the files instead of comparing. */
import { readFile, writeFile } from 'node:fs/promises';
import { expect } from 'vitest';

/** Compares output with a golden file, or rewrites the file when `UPDATE_GOLDEN=1`. */
export async function expectGolden(path: URL, actual: string): Promise<void> {
  if (process.env.UPDATE_GOLDEN === '1') {
    await writeFile(path, actual);
    return;
  }
  const expected = await readFile(path, 'utf8');
  expect(actual).toBe(expected);
}
