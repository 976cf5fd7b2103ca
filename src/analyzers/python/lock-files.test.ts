import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalyzerResult } from '../analyzer.ts';
import { parsePipfileLock } from './pipfile-lock.ts';
import { parsePoetryLock } from './poetry-lock.ts';
import { parseUvLock } from './uv-lock.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('lock files', () => {
  it.each<[string, (text: string) => AnalyzerResult, AnalyzerResult]>([
    [
      'poetry-1.4.lock',
      parsePoetryLock,
      {
        packages: [
          { type: 'pypi', name: 'certifi', version: '2023.7.22' },
          { type: 'pypi', name: 'iniconfig', version: '2.0.0', dev: true },
          { type: 'pypi', name: 'pytest', version: '7.4.0', dev: true, dependsOn: ['pypi:iniconfig@2.0.0'] },
          {
            type: 'pypi',
            name: 'requests',
            version: '2.31.0',
            dependsOn: ['pypi:certifi@2023.7.22', 'pypi:charset-normalizer@3.2.0'],
          },
          { type: 'pypi', name: 'charset-normalizer', version: '3.2.0' },
        ],
      },
    ],
    [
      'poetry-2.lock',
      parsePoetryLock,
      {
        packages: [
          { type: 'pypi', name: 'click', version: '8.1.7', dependsOn: ['pypi:colorama@0.4.6'] },
          { type: 'pypi', name: 'colorama', version: '0.4.6' },
          { type: 'pypi', name: 'ruff', version: '0.6.9', dev: true },
        ],
        unknowns: ['package #4: version: Invalid input: expected string, received undefined'],
      },
    ],
    [
      'Pipfile.lock',
      parsePipfileLock,
      {
        packages: [
          { type: 'pypi', name: 'certifi', version: '2023.7.22' },
          { type: 'pypi', name: 'django', version: '4.2.5' },
          { type: 'pypi', name: 'zope-interface', version: '6.0', dev: true },
        ],
        unknowns: ['default.mylib: no pinned version'],
      },
    ],
    [
      'uv.lock',
      parseUvLock,
      {
        packages: [
          { type: 'pypi', name: 'certifi', version: '2024.8.30' },
          { type: 'pypi', name: 'iniconfig', version: '2.0.0', dev: true },
          { type: 'pypi', name: 'pysocks', version: '1.7.1' },
          { type: 'pypi', name: 'pytest', version: '8.3.3', dev: true, dependsOn: ['pypi:iniconfig@2.0.0'] },
          {
            type: 'pypi',
            name: 'requests',
            version: '2.32.3',
            dependsOn: ['pypi:certifi@2024.8.30', 'pypi:pysocks@1.7.1'],
          },
        ],
      },
    ],
  ])('%s', (name, parse, expected) => {
    expect(parse(fixture(name))).toEqual(expected);
  });

  it.each<[string, (text: string) => AnalyzerResult, string, string]>([
    ['poetry.lock', parsePoetryLock, '[[package]\nname = ', 'not valid TOML: '],
    ['poetry.lock', parsePoetryLock, 'package = "x"', '`package` is not an array of tables'],
    ['uv.lock', parseUvLock, 'version = 1\n[[package]]\nname = 3\n', 'package #1: name: '],
    ['Pipfile.lock', parsePipfileLock, '{"default": ', 'not valid JSON: '],
    ['Pipfile.lock', parsePipfileLock, '[]', 'not a Pipfile.lock: '],
    ['Pipfile.lock', parsePipfileLock, '{"_meta": {}}', 'no `default` or `develop` section'],
  ])('malformed %s: %j', (_name, parse, text, reason) => {
    const result = parse(text);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toHaveLength(1);
    expect(result.unknowns?.[0]?.startsWith(reason)).toBe(true);
  });

  it('uv: a name locked at two versions resolves through the reference version', () => {
    const text = [
      'version = 1',
      '[[package]]\nname = "app"\nversion = "1"\nsource = { virtual = "." }\ndependencies = [{ name = "b" }]',
      '[[package]]\nname = "a"\nversion = "1.0"\nsource = { registry = "r" }',
      '[[package]]\nname = "a"\nversion = "2.0"\nsource = { registry = "r" }',
      '[[package]]\nname = "b"\nversion = "1.0"\nsource = { registry = "r" }\ndependencies = [{ name = "a", version = "2.0", source = { registry = "r" } }]',
    ].join('\n');
    expect(parseUvLock(text).packages).toEqual([
      { type: 'pypi', name: 'a', version: '1.0' },
      { type: 'pypi', name: 'a', version: '2.0' },
      { type: 'pypi', name: 'b', version: '1.0', dependsOn: ['pypi:a@2.0'] },
    ]);
  });
});
