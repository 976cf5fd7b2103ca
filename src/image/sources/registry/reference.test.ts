import { describe, expect, it } from 'vitest';
import { formatReference, hostnameOf, isLoopbackHost, manifestReference, parseReference } from './reference.ts';

const DIGEST = 'sha256:7d255e9e3d216a9a92a5c1ce0563a5ddd92f28a34a9df025d3cf8dfa5ea08366';

describe('parseReference', () => {
  it.each([
    ['alpine', 'docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', undefined],
    ['alpine:3.20', 'docker.io', 'registry-1.docker.io', 'library/alpine', '3.20', undefined],
    ['bitnami/redis:7', 'docker.io', 'registry-1.docker.io', 'bitnami/redis', '7', undefined],
    ['docker.io/alpine', 'docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', undefined],
    ['index.docker.io/library/alpine', 'docker.io', 'registry-1.docker.io', 'library/alpine', 'latest', undefined],
    ['registry-1.docker.io/foo/bar', 'docker.io', 'registry-1.docker.io', 'foo/bar', 'latest', undefined],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io', 'ghcr.io', 'org/team/app', 'v1.2.3', undefined],
    ['ghcr.io/app', 'ghcr.io', 'ghcr.io', 'app', 'latest', undefined],
    ['localhost/app', 'localhost', 'localhost', 'app', 'latest', undefined],
    ['localhost:5000/app:dev', 'localhost:5000', 'localhost:5000', 'app', 'dev', undefined],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000', '127.0.0.1:5000', 'a/b', 'latest', undefined],
    ['[::1]:5000/app:1', '[::1]:5000', '[::1]:5000', 'app', '1', undefined],
    ['Registry/app', 'Registry', 'Registry', 'app', 'latest', undefined],
    [`alpine@${DIGEST}`, 'docker.io', 'registry-1.docker.io', 'library/alpine', undefined, DIGEST],
    [`quay.io/a/b:1.0@${DIGEST}`, 'quay.io', 'quay.io', 'a/b', '1.0', DIGEST],
    [
      'my-registry.example.com:443/a__b/c-d.e:T_ag-1.x',
      'my-registry.example.com:443',
      'my-registry.example.com:443',
      'a__b/c-d.e',
      'T_ag-1.x',
      undefined,
    ],
    ['localhost:5000', 'docker.io', 'registry-1.docker.io', 'library/localhost', '5000', undefined],
  ])('%s', (text, registry, apiHost, repository, tag, digest) => {
    const expected: Record<string, string> = { registry, apiHost, repository };
    if (tag !== undefined) expected.tag = tag;
    if (digest !== undefined) expected.digest = digest;
    expect(parseReference(text)).toEqual(expected);
  });

  it.each([
    ['', 'the reference is empty'],
    ['Alpine', 'repository names must be lowercase'],
    ['ghcr.io/Org/app', 'repository names must be lowercase'],
    ['alpine:', '"" is not a valid tag'],
    ['alpine:-x', '"-x" is not a valid tag'],
    [`alpine:${'a'.repeat(129)}`, `"${'a'.repeat(129)}" is not a valid tag`],
    ['alpine@sha256:abc', '"sha256:abc" is not a valid digest'],
    ['alpine@latest', '"latest" is not a valid digest'],
    ['a//b', '"a//b" is not a valid repository name'],
    ['ghcr.io/a-/b', '"a-/b" is not a valid repository name'],
    ['-bad.io/app', '"-bad.io" is not a valid registry host'],
    ['a'.repeat(64).replace(/a/g, 'f'), 'a bare 64-character hex string is an image ID, not a reference'],
    [`ghcr.io/${'a'.repeat(250)}`, 'the repository name is longer than 255 characters'],
  ])('rejects %j', (text, reason) => {
    expect(() => parseReference(text)).toThrow(
      expect.objectContaining({ code: 'E_USAGE', message: `invalid image reference "${text}": ${reason}` }),
    );
  });
});

describe('formatReference and manifestReference', () => {
  it.each([
    ['alpine', 'docker.io/library/alpine:latest', 'latest'],
    ['localhost:5000/app:dev', 'localhost:5000/app:dev', 'dev'],
    [`alpine@${DIGEST}`, `docker.io/library/alpine@${DIGEST}`, DIGEST],
    [`ghcr.io/a:1@${DIGEST}`, `ghcr.io/a:1@${DIGEST}`, DIGEST],
  ])('%s', (text, formatted, requested) => {
    const reference = parseReference(text);
    expect(formatReference(reference)).toBe(formatted);
    expect(manifestReference(reference)).toBe(requested);
  });
});

describe('hosts', () => {
  it.each([
    ['localhost', true, 'localhost'],
    ['localhost:5000', true, 'localhost'],
    ['127.0.0.1:39999', true, '127.0.0.1'],
    ['[::1]:5000', true, '[::1]'],
    ['[::1]', true, '[::1]'],
    ['127.0.0.2:5000', false, '127.0.0.2'],
    ['ghcr.io', false, 'ghcr.io'],
    ['localhost.example.com:5000', false, 'localhost.example.com'],
  ])('%s', (host, loopback, hostname) => {
    expect(isLoopbackHost(host)).toBe(loopback);
    expect(hostnameOf(host)).toBe(hostname);
  });
});
