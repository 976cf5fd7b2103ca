import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSIONING_SCHEMES } from './registry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory() && name !== 'testing');

describe('versioning registry', () => {
  it('lists every scheme folder, once', () => {
    const registered = VERSIONING_SCHEMES.map((scheme) => scheme.name).sort();
    expect(registered).toEqual([...new Set(registered)]);
    expect([...folders].sort()).toEqual(registered);
  });

  it.each(folders.map((folder) => [folder]))('%s has index.ts and its test', (folder) => {
    expect(readdirSync(join(here, folder))).toEqual(expect.arrayContaining(['index.ts', `${folder}.test.ts`]));
  });
});
