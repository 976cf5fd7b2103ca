import { describe, expect, it } from 'vitest';
import { fixture, summarize } from './__fixtures__/summarize.ts';
import { npmAnalyzer } from './index.ts';
import { integrityHashes, NpmPackageSet, readLicenses, splitNpmName } from './package-set.ts';
import { npmFileKind, parseInstalledPackageJson } from './parse.ts';

const layer = { index: 0, diffId: 'sha256:0' };
const info = { size: 100, mode: 0o644 };

describe('npmFileKind', () => {
  it.each([
    ['app/node_modules/express/package.json', 'installed'],
    ['node_modules/express/package.json', 'installed'],
    ['usr/local/lib/node_modules/npm/package.json', 'installed'],
    ['app/node_modules/@babel/code-frame/package.json', 'installed'],
    ['app/node_modules/send/node_modules/ms/package.json', 'installed'],
    ['app/node_modules/.pnpm/debug@4.3.4/node_modules/debug/package.json', 'installed'],
    ['app/node_modules/express/lib/package.json', undefined],
    ['app/node_modules/@babel/package.json', undefined],
    ['app/node_modules/.bin/package.json', undefined],
    ['app/node_modules/.pnpm/package.json', undefined],
    ['app/package.json', undefined],
    ['package.json', undefined],
    ['app/package-lock.json', 'package-lock'],
    ['package-lock.json', 'package-lock'],
    ['app/npm-shrinkwrap.json', 'package-lock'],
    ['app/yarn.lock', 'yarn-lock'],
    ['app/pnpm-lock.yaml', 'pnpm-lock'],
    ['app/node_modules/.package-lock.json', undefined],
    ['app/node_modules/some-lib/package-lock.json', undefined],
    ['app/node_modules/some-lib/yarn.lock', undefined],
    ['app/node_modules/.pnpm/lock.yaml', undefined],
    ['app/my-package-lock.json', undefined],
    ['app/yarn.lock.bak', undefined],
  ])('%s → %s', (path, kind) => {
    expect(npmFileKind(path)).toBe(kind);
    expect(npmAnalyzer.required(path, info)).toBe(kind !== undefined);
  });
});

describe('installed package.json', () => {
  it.each([
    ['express.json', { type: 'npm', name: 'express', version: '4.18.2', licenses: ['MIT'] }],
    [
      'babel-code-frame.json',
      { type: 'npm', namespace: '@babel', name: 'code-frame', version: '7.12.13', licenses: ['MIT'] },
    ],
    ['legacy-licenses.json', { type: 'npm', name: 'buffer-crc32', version: '0.2.13', licenses: ['MIT', 'Apache-2.0'] }],
  ])('%s', (name, expected) => {
    expect(parseInstalledPackageJson(fixture(`installed/${name}`))).toEqual({ packages: [expected] });
  });

  it('a package.json without name or version is an unknown, not a package', () => {
    expect(parseInstalledPackageJson(fixture('installed/no-version.json'))).toEqual({
      packages: [],
      unknowns: ['package.json without name or version'],
    });
  });

  it('ignores a license field of an unexpected shape', () => {
    expect(parseInstalledPackageJson('{"name":"a","version":"1.0.0","license":42}')).toEqual({
      packages: [{ type: 'npm', name: 'a', version: '1.0.0' }],
    });
  });
});

describe('npmAnalyzer', () => {
  it('dispatches by file name and reads a byte order mark', async () => {
    const content = Buffer.from(`\uFEFF${fixture('package-lock-v3.json')}`);
    const result = await npmAnalyzer.analyze({ path: 'srv/package-lock.json', content, layer });
    expect(summarize(result.packages)).toContain('send@0.17.1 -> npm:debug@2.6.9 npm:ms@2.1.1');
  });

  it.each([
    ['app/package-lock.json', '{"lockfileVersion": 3, "packages": '],
    ['app/pnpm-lock.yaml', 'lockfileVersion: [unclosed'],
    ['app/node_modules/a/package.json', '{"name": 1}'],
  ])('throws on a broken %s (the pipeline records it as an unknown)', async (path, text) => {
    await expect(async () => npmAnalyzer.analyze({ path, content: Buffer.from(text), layer })).rejects.toThrow();
  });
});

describe('shared helpers', () => {
  it.each([
    ['express', { name: 'express' }],
    ['@babel/core', { namespace: '@babel', name: 'core' }],
    ['@odd', { name: '@odd' }],
  ])('splitNpmName(%s)', (full, expected) => {
    expect(splitNpmName(full)).toEqual(expected);
  });

  it.each([
    [['MIT'], ['MIT']],
    [[{ type: 'ISC', url: 'x' }], ['ISC']],
    [[[{ type: 'MIT' }, 'Apache-2.0']], ['MIT', 'Apache-2.0']],
    [
      ['(MIT OR Apache-2.0)', [{ type: 'MIT' }]],
      ['(MIT OR Apache-2.0)', 'MIT'],
    ],
    [[undefined, ' '], []],
  ])('readLicenses(%j) → %j', (fields, expected) => {
    expect(readLicenses(...(fields as Parameters<typeof readLicenses>))).toEqual(expected);
  });

  it('integrityHashes reads SRI strings (sha512 of the empty string)', () => {
    const empty =
      'sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg== md5-xyz';
    expect(integrityHashes(empty)).toEqual([
      {
        algorithm: 'SHA-512',
        value:
          'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
      },
    ]);
  });

  it.each([
    [[true, true], ' dev'],
    [[true, false], ''],
    [[true, undefined], ''],
    [[undefined, undefined], ''],
  ])('NpmPackageSet merges dev flags %j', (flags, suffix) => {
    const set = new NpmPackageSet();
    for (const dev of flags) set.add({ fullName: 'a', version: '1.0.0', ...(dev === undefined ? {} : { dev }) });
    expect(summarize(set.packages())).toEqual([`a@1.0.0${suffix}`]);
  });

  it('NpmPackageSet unions edges, drops self edges and edges to packages it does not hold', () => {
    const set = new NpmPackageSet();
    set.add({ fullName: 'b', version: '1.0.0' });
    set.add({ fullName: 'a', version: '1.0.0', dependsOn: ['npm:b@1.0.0', 'npm:a@1.0.0'] });
    set.add({ fullName: 'a', version: '1.0.0', dependsOn: ['npm:c@9.9.9', 'npm:b@1.0.0'] });
    expect(summarize(set.packages())).toEqual(['a@1.0.0 -> npm:b@1.0.0', 'b@1.0.0']);
  });
});
