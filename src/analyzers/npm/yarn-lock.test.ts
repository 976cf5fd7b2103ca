import { describe, expect, it } from 'vitest';
import { fixture, summarize } from './__fixtures__/summarize.ts';
import { parseClassicSyntax, parseYarnLock, splitSpecifier } from './yarn-lock.ts';

describe('parseYarnLock', () => {
  it.each([
    [
      'yarn-v1.lock',
      [
        '@babel/code-frame@7.12.13 -> npm:js-tokens@4.0.0',
        'chokidar@3.5.3 -> npm:fsevents@2.3.3',
        'debug@2.6.9 -> npm:ms@2.0.0',
        'debug@4.3.4 -> npm:ms@2.1.2',
        'fsevents@2.3.3',
        'js-tokens@4.0.0',
        'ms@2.0.0',
        'ms@2.1.2',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'some-git@1.0.0',
      ],
    ],
    [
      'yarn-berry.lock',
      [
        '@types/node@18.19.3 -> npm:undici-types@5.26.5',
        'debug@4.3.4 -> npm:ms@2.1.2',
        'is-core-module@2.13.1',
        'ms@2.1.2',
        'pad-left@2.1.0 -> npm:repeat-string@1.6.1',
        'repeat-string@1.6.1',
        'resolve@1.22.8 -> npm:is-core-module@2.13.1',
        'some-git@1.0.0 -> npm:resolve@1.22.8',
        'undici-types@5.26.5',
      ],
    ],
  ])('%s: installed packages, no workspaces or local folders, no dev flags', (name, expected) => {
    const result = parseYarnLock(fixture(name));
    expect(summarize(result.packages)).toEqual(expected);
    expect(result.packages.some((pkg) => 'dev' in pkg)).toBe(false);
    expect(result.unknowns).toBeUndefined();
  });

  it('keeps classic integrity as hashes, sha1 included', () => {
    const packages = parseYarnLock(fixture('yarn-v1.lock')).packages;
    expect(packages.find((pkg) => pkg.name === 'repeat-string')?.hashes).toEqual([
      { algorithm: 'SHA-1', value: '8dcae470e1c88abc2d600fff4a776286da75e637' },
    ]);
  });

  it('reads berry 3 locks, whose dependency ranges have no protocol and may look like numbers', () => {
    const text = [
      '__metadata:',
      '  version: 6',
      '  cacheKey: 8',
      '',
      '"debug@npm:^4.3.4":',
      '  version: 4.3.4',
      '  resolution: "debug@npm:4.3.4"',
      '  dependencies:',
      '    ms: 2.1.2',
      '    tiny: 1.10',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"ms@npm:2.1.2":',
      '  version: 2.1.2',
      '  resolution: "ms@npm:2.1.2"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"tiny@npm:1.10":',
      '  version: 1.10.0',
      '  resolution: "tiny@npm:1.10.0"',
      '',
    ].join('\n');
    expect(summarize(parseYarnLock(text).packages)).toEqual([
      'debug@4.3.4 -> npm:ms@2.1.2 npm:tiny@1.10.0',
      'ms@2.1.2',
      'tiny@1.10.0',
    ]);
  });

  it('reports a berry entry without resolution and reads the rest', () => {
    const text =
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: 1.0.0\n\n"b@npm:2":\n  version: 2.0.0\n  resolution: "b@npm:2.0.0"\n';
    const result = parseYarnLock(text);
    expect(summarize(result.packages)).toEqual(['b@2.0.0']);
    expect(result.unknowns).toEqual(['a@npm:1: Required']);
  });

  it('reports classic entries without a version and lines it cannot read', () => {
    const result = parseYarnLock('a@^1:\n  resolved "x"\n\nb@^2:\n  version "2.0.0"\n  oops\n');
    expect(summarize(result.packages)).toEqual(['b@2.0.0']);
    expect(result.unknowns).toEqual(['line 6: cannot read "oops"', 'a@^1: no version']);
  });
});

describe('parseClassicSyntax', () => {
  it('nests blocks by indentation and unquotes keys and values', () => {
    const { entries } = parseClassicSyntax(
      '"@a/b@^1", c@2:\n  version "1.0.0"\n  dependencies:\n    "@x/y" "^3"\n    z "4"\n',
    );
    expect(Object.fromEntries(entries)).toEqual({
      '"@a/b@^1", c@2': { version: '1.0.0', dependencies: { '@x/y': '^3', z: '4' } },
    });
  });
});

describe('splitSpecifier', () => {
  it.each([
    ['ms@^2.1.2', { name: 'ms', range: '^2.1.2' }],
    ['@babel/core@npm:7.0.0', { name: '@babel/core', range: 'npm:7.0.0' }],
    ['left-pad@npm:pad-left@^2', { name: 'left-pad', range: 'npm:pad-left@^2' }],
  ])('%s', (specifier, expected) => {
    expect(splitSpecifier(specifier)).toEqual(expected);
  });
});
