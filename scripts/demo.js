#!/usr/bin/env node
// `npm run demo`: the main job on the embedded defaults, offline, on bundled SAMPLES (never mixed into real results):
// inspect and analyze a sample image, import sample advisories into a separate sample database, and scan with it.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'samples/images/debian10-nginx-sample.tar';
const work = mkdtempSync(join(tmpdir(), 'lucent-demo-'));
const sampleDb = join(work, 'sample-advisories.db');
const lucent = (...args) => {
  console.log(`\n$ lucent ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['bin/lucent.js', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.log('Lucent demo on bundled SAMPLES (a trimmed Debian 10 image and an April 2023 snapshot of the Debian');
console.log('security tracker). The advisories go into a separate sample database; these are not your results.');
lucent('inspect', sample);
lucent('analyze', sample, '--format', 'table');
const lists = [];
for (const name of ['DSA-list.txt', 'DLA-list.txt']) {
  const target = join(work, name);
  await pipeline(
    createReadStream(join(root, 'samples/advisories', `${name}.gz`)),
    createGunzip(),
    createWriteStream(target),
  );
  lists.push(target);
}
lucent('db', 'import', ...lists, '--db', sampleDb);
lucent('scan', sample, '--db', sampleDb);
console.log('\nNext: `npx lucent db import <OSV/secdb/tracker files>` into your own database, then');
console.log(
  '`npx lucent scan registry:debian:12 --fail-on high`, or `npx lucent analyze your-image.tar -o sbom.cdx.json`.',
);
