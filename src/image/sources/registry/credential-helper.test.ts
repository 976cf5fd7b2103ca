import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCredentialHelper } from './credential-helper.ts';

let bin: string;
let env: NodeJS.ProcessEnv;

/** Writes `docker-credential-NAME` as a shell script that sees the server URL as $server. */
async function helper(name: string, body: string): Promise<void> {
  const path = join(bin, `docker-credential-${name}`);
  await writeFile(path, `#!/bin/sh\nread -r server\n${body}\n`);
  await chmod(path, 0o755);
}

beforeAll(async () => {
  bin = await mkdtemp(join(tmpdir(), 'lucent-helpers-'));
  env = { PATH: `${bin}:${process.env.PATH}` };
  await helper('basic', `printf '{"ServerURL":"%s","Username":"u-%s","Secret":"p:w"}' "$server" "$server"`);
  await helper('identity', `printf '{"Username":"<token>","Secret":"refresh"}'`);
  await helper('empty', `printf '{"Username":"","Secret":""}'`);
  await helper('notfound', 'echo "credentials not found in native keychain"; exit 1');
  await helper('failing', 'echo "dbus: no session" >&2; exit 4');
  await helper('garbage', 'echo "hello"');
  await helper('shape', `printf '{"user":"x"}'`);
});
afterAll(async () => {
  await rm(bin, { recursive: true, force: true });
});

describe('runCredentialHelper', () => {
  it.each([
    ['basic', { kind: 'basic', username: 'u-reg.example:5000', password: 'p:w' }],
    ['identity', { kind: 'identity-token', token: 'refresh' }],
    ['empty', undefined],
    ['notfound', undefined],
  ])('%s', async (name, expected) => {
    expect(await runCredentialHelper(name, 'reg.example:5000', env)).toEqual(expected);
  });

  it.each([
    [
      'failing',
      'credential helper "failing" failed: docker-credential-failing get exited with code 4: dbus: no session',
    ],
    ['garbage', 'credential helper "garbage" failed: docker-credential-garbage get printed something that is not JSON'],
    ['shape', 'credential helper "shape" failed: docker-credential-shape get did not print {"Username", "Secret"}'],
    ['absent', 'credential helper "absent" failed: docker-credential-absent was not found on PATH'],
    ['../evil', 'credential helper "../evil" failed: "../evil" is not a valid helper name'],
  ])('%s → E_CREDENTIAL_HELPER', async (name, message) => {
    await expect(runCredentialHelper(name, 'reg.example', env)).rejects.toMatchObject({
      code: 'E_CREDENTIAL_HELPER',
      message,
    });
  });
});
