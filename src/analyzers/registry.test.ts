import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from './registry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory() && name !== 'testing');

describe('analyzer registry', () => {
  it('lists every analyzer folder, once', () => {
    const registered = BUILTIN_ANALYZERS.map((analyzer) => analyzer.name).sort();
    expect(registered).toEqual([...new Set(registered)]);
    // Folder names are analyzer names (one folder per ecosystem, DESIGN §4).
    expect(folders.sort()).toEqual(registered);
  });

  it.each(folders)('%s has the same files as every other analyzer folder', (folder) => {
    const files = readdirSync(join(here, folder));
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'parse.ts', `${folder}.test.ts`]));
  });

  it.each(BUILTIN_ANALYZERS.map((analyzer) => [analyzer.name, analyzer] as const))(
    '%s has a positive integer version and a cheap required()',
    (_name, analyzer) => {
      expect(Number.isInteger(analyzer.version) && analyzer.version > 0).toBe(true);
      expect(analyzer.required('some/unrelated/file.txt', { size: 10, mode: 0o644 })).toBe(false);
    },
  );
});
