import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEndProblem } from './zip-check.ts';

const ZIP = zipSync({
  'GO-2020-0001.json': new TextEncoder().encode('{"id":"GO-2020-0001"}'),
  'b.json': new Uint8Array(300),
});

async function file(bytes: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'lucent-zip-')), 'all.zip');
  await writeFile(path, bytes);
  return path;
}

describe('zipEndProblem', () => {
  it.each([
    ['a whole archive', ZIP, undefined],
    ['an empty archive', zipSync({}), undefined],
    [
      'an archive with a comment after its end record',
      new Uint8Array([...ZIP.subarray(0, ZIP.length - 2), 5, 0, ...new TextEncoder().encode('hello')]),
      undefined,
    ],
    [
      'an archive cut before its end record',
      ZIP.subarray(0, ZIP.length - 30),
      'the archive is incomplete: its end-of-central-directory record is missing (a truncated download?)',
    ],
    [
      'an archive cut inside its central directory',
      ZIP.subarray(0, ZIP.length - 60),
      'the archive is incomplete: its end-of-central-directory record is missing (a truncated download?)',
    ],
    [
      'an HTML error page',
      new TextEncoder().encode('<html>\n<body>Access denied</body></html>'),
      'it is not a zip archive; it starts with "<html> <body>Access denied</body></html>"',
    ],
    ['an empty file', new Uint8Array(), 'it is not a zip archive; it starts with nothing (the file is empty)'],
  ])('%s', async (_label, bytes, expected) => {
    expect(await zipEndProblem(await file(bytes))).toBe(expected);
  });
});
