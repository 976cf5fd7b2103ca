import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dotnetAnalyzer } from './index.ts';
import { parseDepsJson } from './parse.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseDepsJson', () => {
  it('reports package libraries with edges and nupkg hashes; skips projects, runtime packs and compile-only', () => {
    expect(parseDepsJson(fixture('App.deps.json'))).toEqual({
      packages: [
        { type: 'nuget', name: 'Microsoft.Extensions.DependencyInjection.Abstractions', version: '8.0.0' },
        {
          type: 'nuget',
          name: 'Microsoft.Extensions.Logging.Abstractions',
          version: '8.0.0',
          dependsOn: ['nuget:Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0'],
        },
        {
          type: 'nuget',
          name: 'Newtonsoft.Json',
          version: '13.0.3',
          hashes: [
            {
              algorithm: 'SHA-512',
              value:
                '1eb0b9057765d3420ff73795fb467ce3c4163c0a02afd3f76c311982e23e8242dc04a00ec62c7fb4b1000070be52f0cd3efe1ad9dd7c94e45e1cc39a80f6becd',
            },
          ],
        },
      ],
    });
  });

  it.each([
    ['{"libraries": ', 'not valid JSON: '],
    ['{"targets": {}}', 'not a deps.json: libraries: '],
    ['{"libraries": {"NoVersion": {"type": "package"}}}', 'libraries.NoVersion: not a Name/Version key'],
    ['{"libraries": {"A/1.0": {"sha512": ""}}}', 'libraries.A/1.0: type: '],
    ['{"targets": {"t": {"A/1.0": {"dependencies": []}}}, "libraries": {}}', 'targets.t.A/1.0: dependencies: '],
  ])('%j is an unknown', (text, reason) => {
    const result = parseDepsJson(text);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toHaveLength(1);
    expect(result.unknowns?.[0]?.startsWith(reason)).toBe(true);
  });

  it('keeps the good libraries next to a broken one', () => {
    const text = '{"libraries": {"A/1.0": {"type": "package"}, "B/2.0": 7}}';
    expect(parseDepsJson(text)).toEqual({
      packages: [{ type: 'nuget', name: 'A', version: '1.0' }],
      unknowns: ['libraries.B/2.0: entry: Invalid input: expected object, received number'],
    });
  });
});

describe('dotnetAnalyzer', () => {
  it.each([
    ['app/App.deps.json', true],
    ['usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.0/Microsoft.NETCore.App.deps.json', true],
    ['app/App.runtimeconfig.json', false],
    ['app/.deps.json', false],
    ['app/deps.json', false],
  ])('required(%j) = %s', (path, expected) => {
    expect(dotnetAnalyzer.required(path, { size: 10, mode: 0o644 })).toBe(expected);
  });
});
