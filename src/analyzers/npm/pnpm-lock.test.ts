import { describe, expect, it } from 'vitest';
import { fixture, summarize } from './__fixtures__/summarize.ts';
import { depPathOf, identityOf, parsePnpmLock, withoutPeers } from './pnpm-lock.ts';

describe('parsePnpmLock', () => {
  it.each([
    [
      'pnpm-lock-v5.yaml',
      [
        '@types/node@18.19.3 dev -> npm:undici-types@5.26.5',
        'debug@4.3.4 -> npm:ms@2.1.2 npm:supports-color@8.1.1',
        'has-flag@4.0.0',
        'ms@2.1.2',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'some-git@1.0.0 -> npm:ms@2.1.2',
        'supports-color@8.1.1 -> npm:has-flag@4.0.0',
        'typescript@4.9.5 dev',
        'undici-types@5.26.5 dev',
      ],
    ],
    [
      'pnpm-lock-v6.yaml',
      [
        '@types/node@18.19.3 dev -> npm:undici-types@5.26.5',
        // One copy for nodemon (dev) and one with its peer for the app: needed at run time.
        'debug@4.3.4 -> npm:ms@2.1.2 npm:supports-color@8.1.1',
        'has-flag@4.0.0',
        'ms@2.1.2',
        'nodemon@3.0.1 dev -> npm:debug@4.3.4',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'supports-color@8.1.1 -> npm:has-flag@4.0.0',
        'undici-types@5.26.5 dev',
      ],
    ],
    [
      'pnpm-lock-v9.yaml',
      [
        '@types/node@18.19.3 dev -> npm:undici-types@5.26.5',
        'debug@4.3.4 -> npm:ms@2.1.2 npm:supports-color@8.1.1',
        'has-flag@4.0.0',
        'ms@2.1.2',
        'ms@2.1.3',
        'nodemon@3.0.1 dev -> npm:debug@4.3.4',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'some-git@1.0.0 -> npm:ms@2.1.2',
        'supports-color@8.1.1 -> npm:has-flag@4.0.0',
        'undici-types@5.26.5 dev',
      ],
    ],
  ])('%s', (name, expected) => {
    const result = parsePnpmLock(fixture(name));
    expect(summarize(result.packages)).toEqual(expected);
    expect(result.unknowns).toBeUndefined();
  });

  it('v9: development-only from the importers, since the lock has no dev flags', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    devDependencies:',
      '      a: {specifier: ^1, version: 1.0.0}',
      'packages:',
      '  a@1.0.0: {resolution: {integrity: sha1-AAAA}}',
      '  b@1.0.0: {resolution: {integrity: sha1-AAAA}}',
      'snapshots:',
      '  a@1.0.0: {dependencies: {b: 1.0.0}}',
      '  b@1.0.0: {}',
    ].join('\n');
    expect(summarize(parsePnpmLock(text).packages)).toEqual(['a@1.0.0 dev -> npm:b@1.0.0', 'b@1.0.0 dev']);
  });

  it('rejects a lockfileVersion it does not know', () => {
    expect(() => parsePnpmLock("lockfileVersion: '3.0'\npackages: {}\n")).toThrow(/unsupported lockfileVersion 3.0/);
  });
});

describe('pnpm dependency paths', () => {
  it.each([
    ['/debug/4.3.4_supports-color@8.1.1', 5, '/debug/4.3.4'],
    ['/@babel/core/7.0.0_@types+node@18.19.3', 5, '/@babel/core/7.0.0'],
    ['/debug@4.3.4(supports-color@8.1.1)', 6, '/debug@4.3.4'],
    ['debug@4.3.4(supports-color@8.1.1)(other@1.0.0)', 9, 'debug@4.3.4'],
  ] as const)('%s without peers', (path, major, expected) => {
    expect(withoutPeers(path, major)).toBe(expected);
  });

  it.each([
    ['/@babel/core/7.0.0_x@1', 5, { fullName: '@babel/core', version: '7.0.0' }],
    ['/@babel/core@7.0.0(x@1)', 6, { fullName: '@babel/core', version: '7.0.0' }],
    ['@babel/core@7.0.0(x@1)', 9, { fullName: '@babel/core', version: '7.0.0' }],
    ['file:packages/utils', 6, undefined],
    ['utils@file:packages/utils', 9, undefined],
  ] as const)('%s is %j', (path, major, expected) => {
    expect(identityOf(path, undefined, major)).toEqual(expected);
  });

  it.each([
    ['ms', '2.1.2', 5, '/ms/2.1.2'],
    ['left-pad', '/pad-left/2.1.0', 5, '/pad-left/2.1.0'],
    ['debug', '4.3.4(supports-color@8.1.1)', 6, '/debug@4.3.4(supports-color@8.1.1)'],
    ['left-pad', '/pad-left@2.1.0', 6, '/pad-left@2.1.0'],
    ['debug', '4.3.4(supports-color@8.1.1)', 9, 'debug@4.3.4(supports-color@8.1.1)'],
    ['left-pad', 'pad-left@2.1.0', 9, 'pad-left@2.1.0'],
    ['x', '@scope/y@1.0.0', 9, '@scope/y@1.0.0'],
    ['g', 'https://codeload.github.com/u/g/tar.gz/abc', 9, 'g@https://codeload.github.com/u/g/tar.gz/abc'],
    ['utils', 'link:packages/utils', 9, undefined],
  ] as const)('%s: %s (v%d) → %s', (name, ref, major, expected) => {
    expect(depPathOf(name, ref, major)).toBe(expected);
  });
});
