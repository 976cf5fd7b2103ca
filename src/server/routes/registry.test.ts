import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ROUTE_MODULES } from './registry.ts';

const routesDir = new URL('./', import.meta.url);

describe('route registry', () => {
  it('registers the module of every folder under routes/, each once', async () => {
    const folders = (await readdir(routesDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const exported: string[] = [];
    for (const folder of folders) {
      const files = (await readdir(new URL(`${folder}/`, routesDir))).filter((name) => /routes\.ts$/.test(name));
      expect(files.length, `routes/${folder} has no *routes.ts`).toBeGreaterThan(0);
      for (const file of files) {
        const text = await readFile(new URL(`${folder}/${file}`, routesDir), 'utf8');
        exported.push(
          ...[...text.matchAll(/export const (\w+) = \{\n\s+name: '([^']+)'/g)].map((match) => match[2] ?? ''),
        );
      }
    }
    const registered = ROUTE_MODULES.map((module) => module.name);
    expect(new Set(registered).size).toBe(registered.length);
    for (const name of exported) expect(registered, `route module ${name} is not in ROUTE_MODULES`).toContain(name);
  });

  it('puts the operational endpoints at the root and the API under /api', () => {
    for (const module of ROUTE_MODULES) {
      expect(module.prefix, module.name).toBe(['health', 'metrics'].includes(module.name) ? '' : '/api');
    }
  });
});
