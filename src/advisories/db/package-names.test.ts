import { describe, expect, it } from 'vitest';
import { baseEcosystem, normalisePackageName } from './package-names.ts';

describe('normalisePackageName', () => {
  it.each([
    ['PyPI', 'Django', 'django'],
    ['PyPI', 'zope.interface', 'zope-interface'],
    ['PyPI', 'Foo__Bar-._baz', 'foo-bar-baz'],
    ['npm', '@Scope/Pkg', '@Scope/Pkg'],
    ['Go', 'github.com/BurntSushi/toml', 'github.com/BurntSushi/toml'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', 'org.apache.logging.log4j:log4j-core'],
    ['crates.io', 'serde_json', 'serde_json'],
    ['NuGet', 'Newtonsoft.Json', 'newtonsoft.json'],
    ['Packagist', 'Symfony/HTTP-Kernel', 'symfony/http-kernel'],
    ['Debian:12', 'openssl', 'openssl'],
    ['PyPI', ' requests ', 'requests'],
  ])('%s %s → %s', (ecosystem, name, expected) => {
    expect(normalisePackageName(ecosystem, name)).toBe(expected);
  });

  it.each([
    ['Debian:10', 'Debian'],
    ['Alpine:v3.11', 'Alpine'],
    ['Ubuntu:22.04:LTS', 'Ubuntu'],
    ['PyPI', 'PyPI'],
  ])('base ecosystem of %s is %s', (ecosystem, expected) => {
    expect(baseEcosystem(ecosystem)).toBe(expected);
  });
});
