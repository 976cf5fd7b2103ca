#!/usr/bin/env node
// `npm run demo`: the main job on the embedded defaults, offline: inspect the bundled SAMPLE image, list part of its
// filesystem as the analyzers see it, and analyze it into an SBOM.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'samples/images/alpine-3.11-sample.tar.gz';
const lucent = (...args) => {
  console.log(`\n$ lucent ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['bin/lucent.js', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.log(`Lucent demo on a bundled SAMPLE image (${sample}); these are sample results, not your images.`);
lucent('inspect', sample);
lucent('files', sample, '--glob', 'etc/*-release', 'lib/apk/db/*');
lucent('analyze', sample, '--format', 'table');
console.log(
  '\nNext: `npx lucent analyze registry:alpine:3.20 -o sbom.cdx.json` or `npx lucent analyze your-image.tar -f spdx-json`.',
);
