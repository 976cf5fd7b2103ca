/**
 * The dashboard's first page must stay small (issue budget: at most 350 KB gzipped for the initial route). From the
 * Vite manifest: index.html's entry, its CSS, the dashboard route's lazy chunk and everything they import statically,
 * each gzipped as a server would send it. The figures are printed for the docs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, WEB_DIST } from './support/web-build.ts';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const BUDGET = 350 * 1024;
let manifest: Record<string, Chunk>;

/** Every file a chunk loads before it runs: itself, its static imports (recursively) and their CSS. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

function gzipped(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
  return total;
}

function routeChunk(path: string): string {
  const key = Object.keys(manifest).find((candidate) => candidate.endsWith(path));
  if (!key) throw new Error(`no chunk for ${path} in the manifest`);
  return key;
}

describe('dashboard bundle', () => {
  beforeAll(() => {
    ensureWebBuilt();
    manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  });

  it('loads the dashboard in at most 350 KB gzipped', () => {
    const entry = closure('index.html');
    const dashboard = closure(routeChunk('features/dashboard/routes/dashboard-page.tsx'), new Set(entry));
    const login = closure(routeChunk('features/auth/routes/login-page.tsx'), new Set(entry));
    const sizes = { entry: gzipped(entry), dashboard: gzipped(dashboard), login: gzipped(login) };
    console.log(
      `initial route, gzipped: shell ${(sizes.entry / 1024).toFixed(1)} KB; with the dashboard ${(sizes.dashboard / 1024).toFixed(1)} KB; with the login page ${(sizes.login / 1024).toFixed(1)} KB`,
    );
    expect(sizes.dashboard).toBeLessThanOrEqual(BUDGET);
    expect(sizes.login).toBeLessThanOrEqual(BUDGET);
    expect(sizes.entry).toBeLessThan(sizes.dashboard);
  });
});
