/**
 * Generates web/src/shared/api/schema.d.ts (the dashboard's API types) from the server's OpenAPI document, built
 * in-process from `buildApp()` with an in-memory store: no network, no running server. Run with
 * `npm --prefix web/codegen run generate` after changing a route schema; test/e2e/api-types.test.ts fails while the
 * committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../../src/server/app.ts';
import { defaultServerConfig } from '../../src/server/config.ts';
import { openStore } from '../../src/server/store/open-store.ts';

/** Where the generated types go. */
export const SCHEMA_FILE = fileURLToPath(new URL('../src/shared/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * Types of the Lucent REST API, generated from the server's OpenAPI document by web/codegen/generate.ts
 * (openapi-typescript). Do not edit: change the route schemas and run \`npm --prefix web/codegen run generate\`.
 */
`;

/** The server's OpenAPI document, from an app built in-process. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = await openStore('sqlite::memory:');
  try {
    const config = { ...defaultServerConfig({}), webDir: fileURLToPath(new URL('./no-web-build/', import.meta.url)) };
    const app = await buildApp(config, { store });
    try {
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}

/** The text of schema.d.ts for the current route schemas. */
export async function generateSchemaTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${HEADER}${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await generateSchemaTypes());
  console.log(`wrote ${SCHEMA_FILE}`);
}
