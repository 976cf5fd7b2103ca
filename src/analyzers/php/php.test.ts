import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FoundPackage } from '../../core/package.ts';
import type { AnalyzerResult } from '../analyzer.ts';
import type { PhpFileKind } from './file-kind.ts';
import { phpAnalyzer } from './index.ts';
import { parsePhpFile } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const composer = (
  namespace: string,
  name: string,
  version: string,
  extra: Partial<FoundPackage> = {},
): FoundPackage => ({
  type: 'composer',
  namespace,
  name,
  version,
  ...extra,
});

describe('parsePhpFile', () => {
  it.each<[string, PhpFileKind, AnalyzerResult]>([
    [
      'composer.lock',
      'composer-lock',
      {
        packages: [
          composer('monolog', 'monolog', '3.4.0', { licenses: ['MIT'], dependsOn: ['composer:psr/log@3.0.0'] }),
          composer('psr', 'log', '3.0.0', { licenses: ['MIT'] }),
          composer('symfony', 'polyfill-mbstring', 'v1.28.0', { licenses: ['MIT'] }),
          composer('phpunit', 'phpunit', '10.3.2', {
            licenses: ['BSD-3-Clause'],
            dev: true,
            dependsOn: ['composer:sebastian/diff@5.0.3'],
          }),
          composer('sebastian', 'diff', '5.0.3', { licenses: ['BSD-3-Clause'], dev: true }),
        ],
        unknowns: ['packages-dev #3: name: expected vendor/package'],
      },
    ],
    [
      'installed-v2.json',
      'installed-json',
      {
        packages: [
          composer('guzzlehttp', 'guzzle', '7.8.0', {
            licenses: ['MIT'],
            dependsOn: ['composer:guzzlehttp/promises@2.0.1'],
          }),
          composer('guzzlehttp', 'promises', '2.0.1', { licenses: ['MIT'] }),
          composer('mockery', 'mockery', '1.6.6', { licenses: ['BSD-3-Clause'], dev: true }),
        ],
      },
    ],
    [
      'installed-v1.json',
      'installed-json',
      {
        packages: [
          composer('laravel', 'framework', 'v5.8.38', {
            licenses: ['MIT'],
            dependsOn: ['composer:doctrine/inflector@1.3.1'],
          }),
          composer('doctrine', 'inflector', '1.3.1', { licenses: ['MIT'] }),
        ],
        unknowns: ['packages #3: version: Invalid input: expected string, received undefined'],
      },
    ],
  ])('%s', (name, kind, expected) => {
    expect(parsePhpFile(kind, fixture(name))).toEqual(expected);
  });

  it.each<[PhpFileKind, string, string]>([
    ['composer-lock', '{"packages": [', 'not valid JSON: '],
    ['composer-lock', '{"packages": {}}', 'not a composer.lock: packages: '],
    ['installed-json', '"text"', 'not an installed.json: '],
    ['installed-json', '[42]', 'packages #1: '],
  ])('%s %j is an unknown', (kind, text, reason) => {
    const result = parsePhpFile(kind, text);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toHaveLength(1);
    expect(result.unknowns?.[0]?.startsWith(reason)).toBe(true);
  });
});

describe('phpAnalyzer', () => {
  it.each([
    ['app/vendor/composer/installed.json', true],
    ['vendor/composer/installed.json', true],
    ['app/composer.lock', true],
    ['composer.lock', true],
    ['app/composer.json', false],
    ['app/vendor/composer/installed.php', false],
    ['app/vendor/acme/installed.json', false],
  ])('required(%j) = %s', (path, expected) => {
    expect(phpAnalyzer.required(path, { size: 10, mode: 0o644 })).toBe(expected);
  });
});
