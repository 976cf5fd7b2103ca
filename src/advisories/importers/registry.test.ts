import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FEED_IMPORTERS, importerFor } from './registry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory());

describe('importer registry', () => {
  it('lists every importer folder, once', () => {
    const registered = FEED_IMPORTERS.map((entry) => entry.folder).sort();
    expect(registered).toEqual([...new Set(registered)]);
    expect([...folders].sort()).toEqual(registered);
  });

  it.each(folders.map((folder) => [folder]))('%s has index.ts and its test', (folder) => {
    expect(readdirSync(join(here, folder))).toEqual(expect.arrayContaining(['index.ts', `${folder}.test.ts`]));
  });

  it('hands an OSV record to the OSV importer and an unknown file to none', () => {
    expect(importerFor('GO-2020-0001.json', '{"schema_version": "1.3.1", "id": "GO-2020-0001"')?.feed).toBe('osv');
    expect(importerFor('notes.txt', 'hello')).toBeUndefined();
  });
});
