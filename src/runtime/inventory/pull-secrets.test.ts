import { describe, expect, it } from 'vitest';
import type { Secret } from './kube-schema.ts';
import { credentialsFor, parsePullSecret } from './pull-secrets.ts';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const secret = (type: string, data: Record<string, string>): Secret => ({
  metadata: { name: 's', namespace: 'ns' },
  type,
  data,
});

describe('parsePullSecret', () => {
  it('reads dockerconfigjson and drops credential helpers (they would run on the scanner host)', () => {
    const parsed = parsePullSecret(
      secret('kubernetes.io/dockerconfigjson', {
        '.dockerconfigjson': b64({
          auths: { 'r.io': { auth: b64('u:p:w') } },
          credsStore: 'evil',
          credHelpers: { x: 'y' },
        }),
      }),
    );
    expect(parsed).toEqual({ key: 'ns/s', config: { auths: { 'r.io': { auth: b64('u:p:w') } } } });
    if (!('config' in parsed)) throw new Error('not parsed');
    expect(credentialsFor('r.io', [parsed]).credentials).toEqual([
      { kind: 'basic', username: 'u', password: 'p:w', source: 'pull secret ns/s (auths["r.io"])' },
    ]);
  });

  it('reads the legacy dockercfg map', () => {
    const parsed = parsePullSecret(
      secret('kubernetes.io/dockercfg', {
        '.dockercfg': b64({ 'https://r.io/v1/': { username: 'a', password: 'b' } }),
      }),
    );
    if (!('config' in parsed)) throw new Error('not parsed');
    expect(credentialsFor('r.io', [parsed]).credentials).toEqual([
      { kind: 'basic', username: 'a', password: 'b', source: 'pull secret ns/s (auths["https://r.io/v1/"])' },
    ]);
    expect(credentialsFor('other.io', [parsed])).toEqual({ credentials: [], problems: [] });
  });

  it.each([
    ['Opaque', {}, 'secret ns/s is of type "Opaque", not a pull secret; ignored'],
    ['kubernetes.io/dockerconfigjson', {}, 'secret ns/s has no ".dockerconfigjson" entry; ignored'],
    [
      'kubernetes.io/dockerconfigjson',
      { '.dockerconfigjson': b64('{') },
      `secret ns/s: ".dockerconfigjson" is not JSON (Expected property name or '}' in JSON at position 1 (line 1 column 2)); ignored`,
    ],
  ])('reports a %s secret it cannot use', (type, data, problem) => {
    expect(parsePullSecret(secret(type, data))).toEqual({ key: 'ns/s', problem });
  });

  it('reports identity tokens and bad auth fields as problems, and keeps going', () => {
    const parsed = parsePullSecret(
      secret('kubernetes.io/dockerconfigjson', {
        '.dockerconfigjson': b64({ auths: { 'r.io': { identitytoken: 'refresh' } } }),
      }),
    );
    const bad = parsePullSecret(
      secret('kubernetes.io/dockerconfigjson', {
        '.dockerconfigjson': b64({ auths: { 'r.io': { auth: b64('nocolon') } } }),
      }),
    );
    if (!('config' in parsed) || !('config' in bad)) throw new Error('not parsed');
    const result = credentialsFor('r.io', [parsed, bad]);
    expect(result.credentials).toEqual([]);
    expect(result.problems).toEqual([
      'pull secret ns/s (auths["r.io"]) holds an identity token (OAuth refresh token), which is not supported; ignored',
      'secret ns/s: auths["r.io"].auth is not base64 of "username:password"',
    ]);
  });
});
