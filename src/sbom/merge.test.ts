import { describe, expect, it } from 'vitest';
import type { Package } from '../core/package.ts';
import { canonicalPurl, mergePackages, purlMatchKey } from './merge.ts';

function pkg(purl: string, extra: Partial<Package> = {}): Package {
  return { type: 'deb', name: 'x', version: '1', purl, foundBy: ['a'], locations: [], ...extra };
}

describe('canonicalPurl', () => {
  it.each([
    ['pkg:NPM/%40scope/name@1.0.0', 'pkg:npm/%40scope/name@1.0.0'],
    [
      'pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?distro=debian-12&arch=amd64',
      'pkg:deb/debian/curl@7.88.1-10+deb12u5?arch=amd64&distro=debian-12',
    ],
    ['pkg:pypi/Django_Rest@3.0', 'pkg:pypi/django-rest@3.0'],
    ['not a purl', 'not a purl'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPurl(input)).toBe(expected);
  });
});

describe('purlMatchKey', () => {
  it.each([
    // Tools disagree on the distro qualifier and namespace of OS packages: both are dropped.
    ['pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=alpine-3.11', 'pkg:apk/musl@1.1.24-r2', 'x86_64'],
    ['pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5', 'pkg:apk/musl@1.1.24-r2', 'x86_64'],
    ['pkg:rpm/redhat/bash@5.1.8-6.el9?arch=x86_64&distro=rhel-9.2', 'pkg:rpm/bash@5.1.8-6.el9', 'x86_64'],
    // An epoch qualifier is folded into the version, whichever way the tool wrote it.
    ['pkg:deb/debian/attr@2.5.1-4?arch=amd64&epoch=1', 'pkg:deb/attr@1:2.5.1-4', 'amd64'],
    [
      'pkg:deb/debian/attr@1:2.5.1-4?arch=amd64&distro=debian-12&distro_name=bookworm&epoch=1',
      'pkg:deb/attr@1:2.5.1-4',
      'amd64',
    ],
    // Language ecosystems keep their namespace; a Maven classifier is identity, a type is not.
    ['pkg:maven/org.example/lib@2.0?type=jar', 'pkg:maven/org.example/lib@2.0', undefined],
    ['pkg:maven/org.example/lib@2.0?classifier=sources', 'pkg:maven/org.example/lib@2.0?classifier=sources', undefined],
    ['pkg:golang/github.com/foo/bar@v1.2.3?type=module', 'pkg:golang/github.com/foo/bar@v1.2.3', undefined],
    ['pkg:pypi/Foo.Bar@1.0', 'pkg:pypi/foo-bar@1.0', undefined],
  ])('%s → %s (arch %s)', (purl, key, arch) => {
    expect(purlMatchKey(purl)).toEqual(arch ? { key, arch } : { key });
  });

  it('never keys by bare name and version: the same name in two ecosystems differs', () => {
    expect(purlMatchKey('pkg:npm/ms@2.1.3')?.key).not.toBe(purlMatchKey('pkg:pypi/ms@2.1.3')?.key);
  });
});

describe('mergePackages', () => {
  it('unions foundBy, locations, licenses, hashes and keeps the first identity', () => {
    const builtin = pkg('pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=alpine-3.11', {
      foundBy: ['apk'],
      licenses: ['MIT'],
      locations: [{ path: '/lib/apk/db/installed', layerDiffId: 'sha256:l0', layerIndex: 0 }],
    });
    const trivy = pkg('pkg:apk/alpine/musl@1.1.24-r2?arch=x86_64&distro=3.11.5', {
      foundBy: ['trivy'],
      licenses: ['MIT', 'BSD'],
      hashes: [{ algorithm: 'SHA-1', value: 'ab' }],
      // Trivy names only the layer of an OS package: the same place as the built-in location.
      locations: [{ path: '', layerDiffId: 'sha256:l0' }],
    });
    expect(mergePackages([[builtin], [trivy]])).toEqual([
      {
        ...builtin,
        foundBy: ['apk', 'trivy'],
        licenses: ['MIT', 'BSD'],
        hashes: [{ algorithm: 'SHA-1', value: 'ab' }],
      },
    ]);
  });

  it('keeps packages of different arches apart, and merges an arch-less one only when unambiguous', () => {
    const amd64 = pkg('pkg:deb/debian/libc6@2.36?arch=amd64', { foundBy: ['dpkg'] });
    const i386 = pkg('pkg:deb/debian/libc6@2.36?arch=i386', { foundBy: ['dpkg'] });
    const noArch = pkg('pkg:deb/debian/libc6@2.36', { foundBy: ['other'] });
    expect(mergePackages([[amd64, i386], [noArch]]).map((p) => [p.purl, p.foundBy])).toEqual([
      ['pkg:deb/debian/libc6@2.36', ['other']],
      ['pkg:deb/debian/libc6@2.36?arch=amd64', ['dpkg']],
      ['pkg:deb/debian/libc6@2.36?arch=i386', ['dpkg']],
    ]);
    expect(mergePackages([[amd64], [noArch]]).map((p) => [p.purl, p.foundBy])).toEqual([
      ['pkg:deb/debian/libc6@2.36?arch=amd64', ['dpkg', 'other']],
    ]);
  });

  it('keeps a package dev-only only when every source says so, and remaps dependency edges', () => {
    const a = pkg('pkg:npm/a@1', { type: 'npm', name: 'a', dev: true, dependsOn: ['npm:b@1'] });
    const b = pkg('pkg:npm/b@1', { type: 'npm', name: 'b' });
    const aAgain = pkg('pkg:npm/a@1', { type: 'npm', name: 'a', foundBy: ['syft'] });
    const merged = mergePackages([[a, b], [aAgain]]);
    expect(merged.map((p) => [p.purl, p.dev, p.dependsOn, p.foundBy])).toEqual([
      ['pkg:npm/a@1', undefined, ['npm:b@1'], ['a', 'syft']],
      ['pkg:npm/b@1', undefined, undefined, ['a']],
    ]);
  });

  it('remaps edges of decoded OS packages (namespaced keys) onto built-in packages', () => {
    const busybox = pkg('pkg:apk/alpine/busybox@1?arch=x86_64&distro=alpine-3.11', { type: 'apk', name: 'busybox' });
    const musl = pkg('pkg:apk/alpine/musl@1?arch=x86_64&distro=alpine-3.11', { type: 'apk', name: 'musl' });
    const decodedBusybox = pkg('pkg:apk/alpine/busybox@1?arch=x86_64&distro=3.11.5', {
      type: 'apk',
      namespace: 'alpine',
      name: 'busybox',
      dependsOn: ['apk:alpine/musl@1'],
    });
    const decodedMusl = pkg('pkg:apk/alpine/musl@1?arch=x86_64&distro=3.11.5', {
      type: 'apk',
      namespace: 'alpine',
      name: 'musl',
    });
    const merged = mergePackages([
      [busybox, musl],
      [decodedBusybox, decodedMusl],
    ]);
    expect(merged.map((p) => p.dependsOn)).toEqual([['apk:musl@1'], undefined]);
  });

  it('does not modify its inputs', () => {
    const a = pkg('pkg:npm/a@1', { foundBy: ['x'] });
    const b = pkg('pkg:npm/a@1', { foundBy: ['y'] });
    mergePackages([[a], [b]]);
    expect(a.foundBy).toEqual(['x']);
  });
});
