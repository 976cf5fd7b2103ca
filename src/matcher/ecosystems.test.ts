import { describe, expect, it } from 'vitest';
import { ecosystemsOf, osEcosystem } from './ecosystems.ts';

describe('osEcosystem', () => {
  it.each([
    [{ id: 'debian', versionId: '12' }, 'Debian:12'],
    [{ id: 'debian', versionId: '10.13' }, 'Debian:10'],
    [{ id: 'alpine', versionId: '3.11.5' }, 'Alpine:v3.11'],
    // OSV spells LTS releases `Ubuntu:22.04:LTS`: from PRETTY_NAME, or from the release number when it is missing.
    [{ id: 'ubuntu', versionId: '22.04', prettyName: 'Ubuntu 22.04.4 LTS' }, 'Ubuntu:22.04:LTS'],
    [{ id: 'ubuntu', versionId: '24.04' }, 'Ubuntu:24.04:LTS'],
    [{ id: 'ubuntu', versionId: '14.04' }, 'Ubuntu:14.04:LTS'],
    [{ id: 'ubuntu', versionId: '6.06' }, 'Ubuntu:6.06:LTS'],
    [{ id: 'ubuntu', versionId: '24.10', prettyName: 'Ubuntu 24.10' }, 'Ubuntu:24.10'],
    [{ id: 'ubuntu', versionId: '23.04' }, 'Ubuntu:23.04'],
    [{ id: 'ubuntu', versionId: '25.04', prettyName: 'Ubuntu 25.04' }, 'Ubuntu:25.04'],
    [{ id: 'ubuntu' }, undefined],
    [{ id: 'fedora', versionId: '40' }, undefined],
  ])('%j → %s', (os, ecosystem) => {
    expect(osEcosystem(os)).toBe(ecosystem);
  });
});

describe('ecosystemsOf', () => {
  it('looks an Ubuntu package up in its release and in that release’s Ubuntu Pro stream', () => {
    expect(ecosystemsOf({ type: 'deb' }, { id: 'ubuntu', versionId: '16.04' })).toEqual([
      'Ubuntu:16.04:LTS',
      'Ubuntu:Pro:16.04:LTS',
    ]);
    expect(ecosystemsOf({ type: 'deb' }, { id: 'debian', versionId: '12' })).toEqual(['Debian:12']);
    expect(ecosystemsOf({ type: 'pypi' }, { id: 'ubuntu', versionId: '22.04' })).toEqual(['PyPI']);
    expect(ecosystemsOf({ type: 'deb' }, undefined)).toEqual([]);
  });
});
