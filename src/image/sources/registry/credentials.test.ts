import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CredentialOptions, resolveCredentials } from './credentials.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64');
// Made at load time, so the tables below can name the path.
const home = mkdtempSync(join(tmpdir(), 'lucent-creds-'));
const configPath = join(home, 'config.json');
writeFileSync(configPath, JSON.stringify({ auths: { 'reg.example': { auth: b64('file-user:file-pass') } } }));

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('resolveCredentials', () => {
  const env = (extra: Record<string, string> = {}) => ({ HOME: home, ...extra });
  const FLAGS = 'flags --username/--password';
  const ENV_PAIR = 'environment variables LUCENT_REGISTRY_USERNAME/LUCENT_REGISTRY_PASSWORD';

  it.each<[string, Omit<CredentialOptions, 'dockerConfigPath'>, string, unknown]>([
    [
      'flags first',
      { username: 'f', password: 'fp', env: env({ LUCENT_REGISTRY_USERNAME: 'e', LUCENT_REGISTRY_PASSWORD: 'ep' }) },
      'reg.example',
      { kind: 'basic', username: 'f', password: 'fp', source: FLAGS },
    ],
    [
      'token flag',
      { registryToken: 't', env: env() },
      'reg.example',
      { kind: 'registry-token', token: 't', source: 'flag --registry-token' },
    ],
    [
      'environment next',
      { env: env({ LUCENT_REGISTRY_USERNAME: 'e', LUCENT_REGISTRY_PASSWORD: 'ep' }) },
      'reg.example',
      { kind: 'basic', username: 'e', password: 'ep', source: ENV_PAIR },
    ],
    [
      'environment token',
      { env: env({ LUCENT_REGISTRY_TOKEN: 'et' }) },
      'reg.example',
      { kind: 'registry-token', token: 'et', source: 'environment variable LUCENT_REGISTRY_TOKEN' },
    ],
    [
      'Docker config last',
      { env: env() },
      'reg.example',
      {
        kind: 'basic',
        username: 'file-user',
        password: 'file-pass',
        source: `Docker config ${configPath} (auths["reg.example"])`,
      },
    ],
    [
      'anonymous',
      { env: env() },
      'other.example',
      {
        kind: 'anonymous',
        source: `no credentials (checked --username/--password, --registry-token, LUCENT_REGISTRY_* and ${configPath})`,
      },
    ],
  ])('%s', async (_name, options, registry, expected) => {
    expect(await resolveCredentials(registry, { ...options, dockerConfigPath: configPath })).toEqual(expected);
  });

  it.each<[string, Partial<CredentialOptions>, string]>([
    ['a username alone', { username: 'u' }, `a registry password is missing (${FLAGS})`],
    ['a password alone', { password: 'p' }, `a registry username is missing (${FLAGS})`],
    [
      'a pair and a token',
      { username: 'u', password: 'p', registryToken: 't' },
      `both a username/password and a registry token were given (${FLAGS}, flag --registry-token)`,
    ],
    [
      'half a pair in the environment',
      { env: { LUCENT_REGISTRY_USERNAME: 'u' } },
      `a registry password is missing (${ENV_PAIR})`,
    ],
  ])('rejects %s', async (_name, options, message) => {
    await expect(
      resolveCredentials('reg.example', { env: { HOME: home }, dockerConfigPath: configPath, ...options }),
    ).rejects.toMatchObject({ code: 'E_USAGE', message });
  });
});
