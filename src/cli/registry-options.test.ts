import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addRegistryOptions, registryOptionsFrom } from './registry-options.ts';

function parse(args: string[]): { options: ReturnType<typeof registryOptionsFrom>; source: string | undefined } {
  let source: string | undefined;
  const command = addRegistryOptions(new Command('inspect').argument('<source>').exitOverride()).action((arg) => {
    source = arg;
  });
  command.parse(args, { from: 'user' });
  return { options: registryOptionsFrom(command.opts()), source };
}

describe('registry flags', () => {
  it.each([
    [['img'], {}],
    [
      ['--platform', 'linux/arm64/v8', '--username', 'u', '--password', 'p', 'img'],
      { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, username: 'u', password: 'p' },
    ],
    [['--registry-token', 't0k', 'img'], { registryToken: 't0k' }],
    [['--plain-http', 'a:5000', '--plain-http', 'b,c', 'img'], { plainHttp: ['a:5000', 'b', 'c'] }],
    [['img', '--insecure-skip-tls-verify', 'reg.local'], { insecureSkipTlsVerify: ['reg.local'] }],
    [['--ca-file', '/etc/ca.pem', 'img'], { caFile: '/etc/ca.pem' }],
    [['--registry-timeout', '2.5', 'img'], { connectTimeoutMs: 2500, readTimeoutMs: 2500 }],
  ])('%j', (args, expected) => {
    expect(parse(args)).toEqual({ options: expected, source: 'img' });
  });

  it.each([
    [['--registry-timeout', '0', 'img'], 'invalid --registry-timeout "0"'],
    [['--registry-timeout', 'soon', 'img'], 'invalid --registry-timeout "soon"'],
    [['--platform', 'linux', 'img'], 'invalid platform "linux"'],
  ])('rejects %j', (args, message) => {
    expect(() => parse(args)).toThrow(expect.objectContaining({ code: 'E_USAGE', message }));
  });
});
