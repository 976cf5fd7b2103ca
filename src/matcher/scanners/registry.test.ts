import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCANNER_OPTION, VULNERABILITY_SCANNERS } from './registry.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(join(here, name)).isDirectory() && name !== 'testing');

describe('vulnerability scanner registry', () => {
  it('lists every scanner folder, once', () => {
    const registered = VULNERABILITY_SCANNERS.map((scanner) => scanner.name).sort();
    expect(registered).toEqual([...new Set(registered)]);
    // Folder names are scanner names (one folder per plug-in, DESIGN §11).
    expect(folders.sort()).toEqual(registered);
    expect(registered).not.toContain(BUILTIN_SCANNER_OPTION);
  });

  it.each(folders)('%s has the same files as every other scanner folder', (folder) => {
    const files = readdirSync(join(here, folder));
    expect(files).toEqual(
      expect.arrayContaining(['index.ts', 'schema.ts', 'parse.ts', 'parse.test.ts', '__fixtures__']),
    );
    expect(readdirSync(join(here, folder, '__fixtures__')).length).toBeGreaterThan(0);
  });

  it.each(VULNERABILITY_SCANNERS.map((scanner) => [scanner.name, scanner] as const))(
    '%s has a positive integer version and is unavailable when nothing is configured',
    async (_name, scanner) => {
      expect(Number.isInteger(scanner.version) && (scanner.version ?? 0) > 0).toBe(true);
      const verdict = await scanner.available({ env: { PATH: '' }, timeoutMs: 1000, options: {} });
      expect(verdict).toEqual({ available: false, reason: expect.stringMatching(/\S/) });
    },
  );
});
