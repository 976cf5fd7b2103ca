import { describe, expect, it } from 'vitest';
import { parseChallenges, preferredChallenge } from './challenge.ts';

describe('parseChallenges', () => {
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/alpine:pull',
          },
        },
      ],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['basic', [{ scheme: 'basic', params: {} }]],
    [
      'Bearer realm="https://x/token", scope="repository:a/b:pull,push" , error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://x/token', scope: 'repository:a/b:pull,push', error: 'insufficient_scope' },
        },
      ],
    ],
    [
      'Basic realm="a", Bearer realm="https://t/token",service=reg',
      [
        { scheme: 'basic', params: { realm: 'a' } },
        { scheme: 'bearer', params: { realm: 'https://t/token', service: 'reg' } },
      ],
    ],
    ['Bearer REALM = "q\\"uote\\\\d"', [{ scheme: 'bearer', params: { realm: 'q"uote\\d' } }]],
    [
      'Negotiate abc==, Basic realm="r"',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'basic', params: { realm: 'r' } },
      ],
    ],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });

  it('reads several header lines', () => {
    expect(parseChallenges(['Basic realm="a"', 'Bearer realm="b"'])).toEqual([
      { scheme: 'basic', params: { realm: 'a' } },
      { scheme: 'bearer', params: { realm: 'b' } },
    ]);
    expect(parseChallenges(undefined)).toEqual([]);
  });
});

describe('preferredChallenge', () => {
  it.each([
    ['Basic realm="a", Bearer realm="b"', 'bearer'],
    ['Basic realm="a"', 'basic'],
    ['Negotiate', undefined],
  ])('%s → %s', (header, scheme) => {
    expect(preferredChallenge(parseChallenges(header))?.scheme).toBe(scheme);
  });
});
