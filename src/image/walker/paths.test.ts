import { describe, expect, it } from 'vitest';
import { normalisePath, resolveLinkTarget } from './paths.ts';

describe('normalisePath', () => {
  it.each([
    ['etc/os-release', 'etc/os-release'],
    ['./etc/os-release', 'etc/os-release'],
    ['/etc//os-release/', 'etc/os-release'],
    ['usr/lib/../lib64/./x', 'usr/lib64/x'],
    ['../../secret.txt', 'secret.txt'],
    ['/../../../etc/passwd', 'etc/passwd'],
    ['.', ''],
    ['/', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalisePath(input)).toBe(expected);
  });
});

describe('resolveLinkTarget', () => {
  it.each([
    ['etc/os-release', '../usr/lib/os-release', 'usr/lib/os-release'],
    ['bin', 'usr/bin', 'usr/bin'],
    ['a/b/c', '/x/y', 'x/y'],
    ['a/b', '../../../../tmp', 'tmp'],
  ])('%s -> %s resolves to %s', (link, target, expected) => {
    expect(resolveLinkTarget(link, target)).toBe(expected);
  });
});

describe('normalisePath fast path agrees with the general rule', () => {
  it.each([
    'a/b/c',
    'a/b/',
    'a/./b',
    'a/../b',
    'a/b/..',
    'a/b/.',
    '..a/b',
    '.hidden/x',
    'a/.../b',
    'x..',
    './a',
    '../a',
    'a//b',
  ])('%s', (name) => {
    const slow = name
      .split('/')
      .reduce<string[]>((out, part) => {
        if (part === '' || part === '.') return out;
        if (part === '..') return out.slice(0, -1);
        out.push(part);
        return out;
      }, [])
      .join('/');
    expect(normalisePath(name)).toBe(slow);
  });
});
