import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGemfileLock } from './gemfile-lock.ts';
import { parseGemspec } from './gemspec.ts';
import { rubyAnalyzer } from './index.ts';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('parseGemspec', () => {
  it.each([
    ['rack-3.0.8.gemspec', { type: 'gem', name: 'rack', version: '3.0.8', licenses: ['MIT'] }],
    [
      'nokogiri-1.15.4-x86_64-linux.gemspec',
      { type: 'gem', name: 'nokogiri', version: '1.15.4', qualifiers: { platform: 'x86_64-linux' }, licenses: ['MIT'] },
    ],
    ['json-2.6.3.gemspec', { type: 'gem', name: 'json', version: '2.6.3', licenses: ['Ruby', 'BSD-2-Clause'] }],
    ['old-style.gemspec', { type: 'gem', name: 'rake', version: '10.0.4', licenses: ['MIT'] }],
  ])('%s', (name, expected) => {
    expect(parseGemspec(fixture(name))).toEqual({ packages: [expected] });
  });

  it('falls back to the stub line', () => {
    expect(parseGemspec('# stub: racc 1.7.1 ruby lib\nGem::Specification.new do |s|\nend\n')).toEqual({
      packages: [{ type: 'gem', name: 'racc', version: '1.7.1' }],
    });
  });

  it.each([
    ['computed.gemspec', 'no literal gem version (only generated gemspecs are read)'],
    ['Gemfile.lock', 'no literal gem name (only generated gemspecs are read)'],
  ])('%s is an unknown', (name, reason) => {
    expect(parseGemspec(fixture(name))).toEqual({ packages: [], unknowns: [reason] });
  });
});

describe('parseGemfileLock', () => {
  it('reads GEM and GIT specs with platforms and dependency edges, without the application itself', () => {
    const linux = { platform: 'x86_64-linux' };
    const darwin = { platform: 'arm64-darwin' };
    expect(parseGemfileLock(fixture('Gemfile.lock'))).toEqual({
      packages: [
        {
          type: 'gem',
          name: 'sinatra',
          version: '4.0.0',
          dependsOn: ['gem:mustermann@3.0.0', 'gem:rack@3.0.8', 'gem:tilt@2.2.0'],
        },
        { type: 'gem', name: 'mustermann', version: '3.0.0', dependsOn: ['gem:ruby2_keywords@0.0.5'] },
        { type: 'gem', name: 'nokogiri', version: '1.15.4', qualifiers: darwin, dependsOn: ['gem:racc@1.7.1'] },
        { type: 'gem', name: 'nokogiri', version: '1.15.4', qualifiers: linux, dependsOn: ['gem:racc@1.7.1'] },
        { type: 'gem', name: 'racc', version: '1.7.1' },
        { type: 'gem', name: 'rack', version: '3.0.8' },
        { type: 'gem', name: 'ruby2_keywords', version: '0.0.5' },
        { type: 'gem', name: 'tilt', version: '2.2.0' },
      ],
    });
  });

  it.each([
    ['GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.8)\n    ??? broken\n', ['rack'], 1],
    ['GEM\n  specs:\n    rack 3.0.8\n', [], 1],
    ['{"not": "a lock"}', [], 1],
    ['GEM\n  remote: https://rubygems.org/\n  specs:\n\nPLATFORMS\n  ruby\n', [], 0],
  ])('%j', (text, names, unknownCount) => {
    const result = parseGemfileLock(text);
    expect(result.packages.map((pkg) => pkg.name)).toEqual(names);
    expect(result.unknowns ?? []).toHaveLength(unknownCount);
  });
});

describe('rubyAnalyzer', () => {
  it.each([
    ['usr/local/lib/ruby/gems/3.2.0/specifications/rack-3.0.8.gemspec', true],
    ['usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.3.gemspec', true],
    ['var/lib/gems/3.1.0/specifications/rake-13.0.6.gemspec', true],
    ['app/Gemfile.lock', true],
    ['Gemfile.lock', true],
    ['app/gems.locked', true],
    ['app/myapp.gemspec', false],
    ['usr/local/bundle/gems/rack-3.0.8/rack.gemspec', false],
    ['app/Gemfile', false],
  ])('required(%j) = %s', (path, expected) => {
    expect(rubyAnalyzer.required(path, { size: 10, mode: 0o644 })).toBe(expected);
  });
});
