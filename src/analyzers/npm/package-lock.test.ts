import { describe, expect, it } from 'vitest';
import { fixture, summarize } from './__fixtures__/summarize.ts';
import { nameFromInstallPath, parsePackageLock } from './package-lock.ts';

describe('parsePackageLock', () => {
  it.each([
    [
      'package-lock-v1.json',
      [
        '@babel/code-frame@7.12.13 dev -> npm:js-tokens@4.0.0',
        'debug@2.6.9 -> npm:ms@2.0.0',
        'js-tokens@4.0.0 dev',
        'ms@2.0.0',
        'ms@2.1.1',
        'ms@2.1.3',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'send@0.17.1 -> npm:debug@2.6.9 npm:ms@2.1.1',
        'some-git@git+https://github.com/user/some-git.git#0123456789abcdef0123456789abcdef01234567',
      ],
    ],
    [
      'package-lock-v2.json',
      [
        '@types/node@18.19.3 dev -> npm:undici-types@5.26.5',
        'debug@4.3.4 -> npm:ms@2.1.2',
        'ms@2.0.0',
        'ms@2.1.2',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'undici-types@5.26.5 dev',
      ],
    ],
    [
      'package-lock-v3.json',
      [
        'chokidar@3.5.3 dev -> npm:fsevents@2.3.3',
        'debug@2.6.9 -> npm:ms@2.0.0',
        'fsevents@2.3.3 dev',
        'ms@2.0.0',
        'ms@2.1.1',
        'ms@2.1.3',
        'send@0.17.1 -> npm:debug@2.6.9 npm:ms@2.1.1',
        'some-git@1.0.0 -> npm:ms@2.1.3',
      ],
    ],
  ])('%s', (name, expected) => {
    const result = parsePackageLock(fixture(name));
    expect(summarize(result.packages)).toEqual(expected);
    expect(result.unknowns).toBeUndefined();
  });

  it('splits scopes, keeps v2 licenses and integrity hashes', () => {
    const packages = parsePackageLock(fixture('package-lock-v2.json')).packages;
    expect(packages.find((pkg) => pkg.name === 'node')).toMatchObject({ type: 'npm', namespace: '@types' });
    expect(packages.find((pkg) => pkg.name === 'repeat-string')?.licenses).toEqual(['MIT']);
    expect(packages.find((pkg) => pkg.name === 'ms' && pkg.version === '2.1.2')?.hashes).toEqual([
      {
        algorithm: 'SHA-512',
        value: Buffer.from(
          'sPSQ7YPIO+S7u2y1o8yW2rOmB6YPWyWWkVJaUPfj8B23hijaE2d3WPcgokr/zDI1TTMCPARp31tt1ILsYUlQAg==',
          'base64',
        ).toString('hex'),
      },
    ]);
  });

  it('reports odd entries and reads the rest', () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'app' },
        'node_modules/a': { version: '1.0.0' },
        'node_modules/b': {},
        'node_modules/c': 7,
        'node_modules/d': { resolved: '../d', link: true },
        'node_modules/t': { version: '2.0.0', resolved: 'file:vendor/t-2.0.0.tgz' },
      },
    });
    const result = parsePackageLock(text);
    // A linked folder is the project's own code; a local tarball is unpacked like any package.
    expect(summarize(result.packages)).toEqual(['a@1.0.0', 't@2.0.0']);
    expect(result.unknowns).toEqual([
      'packages["node_modules/c"]: Expected object, received number',
      'packages["node_modules/b"]: no version',
    ]);
  });

  it('throws on a file that is not a lock file', () => {
    expect(() => parsePackageLock('{"packages": []}')).toThrow();
    expect(() => parsePackageLock('not json')).toThrow();
  });

  it.each([
    ['node_modules/a', 'a'],
    ['node_modules/@s/a', '@s/a'],
    ['node_modules/a/node_modules/@s/b', '@s/b'],
    ['packages/w/node_modules/x', 'x'],
    ['packages/w', undefined],
    ['', undefined],
  ])('installed name of %j is %j', (path, name) => {
    expect(nameFromInstallPath(path)).toBe(name);
  });
});
