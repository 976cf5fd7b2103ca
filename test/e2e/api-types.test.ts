/**
 * The dashboard's API types (web/src/shared/api/schema.d.ts) must match the server's route schemas: regenerating
 * them from `buildApp()` must give the committed file. Skipped, saying why, when the codegen package (openapi-typescript
 * with TypeScript 5, kept apart from the root's TypeScript 7) is not installed; .ci/run installs it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const CODEGEN = fileURLToPath(new URL('../../web/codegen/', import.meta.url));
const installed = existsSync(`${CODEGEN}node_modules/openapi-typescript/package.json`);

describe.skipIf(!installed)('dashboard API types', () => {
  it('schema.d.ts is generated from the current route schemas', async () => {
    // A computed specifier: the root type-check must not follow it into the optional codegen package.
    const generator = (await import(pathToFileURL(`${CODEGEN}generate.ts`).href)) as {
      SCHEMA_FILE: string;
      generateSchemaTypes: () => Promise<string>;
    };
    const expected = await generator.generateSchemaTypes();
    const committed = readFileSync(generator.SCHEMA_FILE, 'utf8');
    expect(committed === expected, 'schema.d.ts is stale: run `npm --prefix web/codegen run generate`').toBe(true);
  });
});

if (!installed) {
  console.warn(
    'api-types.test.ts skipped: web/codegen is not installed (npx -y npm@10.9.4 ci --prefix web/codegen installs it)',
  );
}
