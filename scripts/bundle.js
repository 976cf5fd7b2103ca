#!/usr/bin/env node
// `npm run build`, after tsc: bundles the compiled CLI (dist/cli/main.js and everything of ours it imports) into a few
// ES modules in dist/bundle/, which bin/lucent.js runs. Loading ~200 small modules one by one is a large part of a cold
// one-shot command; a bundle cuts it. Code splitting keeps each lazy `import()` (analyzers, formats, server) lazy.
// Packages in node_modules stay external: bundling a library can load it twice (a copy inlined here, another through
// a package that requires it), which broke CycloneDX output when tried.
import { rmSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist`;
const OUT = `${DIST}/bundle`;

/**
 * A bundled module's `import.meta.url` is its chunk's, not the compiled file's. Code of ours resolves files next to it
 * (package.json, web/dist, the SQLite checkpoint worker): each module keeps the URL of its compiled file in dist/, which
 * stays in place, so those paths need no change.
 */
const compiledFileUrl = {
  name: 'lucent-compiled-file-url',
  transform(code, id) {
    if (!code.includes('import.meta.url')) return null;
    const fromChunk = relative(OUT, id).split(sep).join('/');
    return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`) };
  },
};

rmSync(OUT, { recursive: true, force: true });
await build({
  input: { main: `${DIST}/cli/main.js` },
  platform: 'node',
  // A bare import (a package or a node: builtin) stays an import; only our own relative imports are bundled.
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
  plugins: [compiledFileUrl],
  logLevel: 'warn',
  output: {
    dir: OUT,
    format: 'esm',
    // Flat: every chunk sits in dist/bundle/, so the relative URLs above hold for all of them.
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
  },
});
