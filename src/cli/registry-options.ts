/** The flags that say how to reach a registry, and their translation into `RegistryOptions`. */
import type { Command } from 'commander';
import { LucentError } from '../core/errors.ts';
import { parsePlatform } from '../image/platform.ts';
import type { RegistryOptions } from '../image/sources/registry/index.ts';

/**
 * Adds the registry flags to a command. Host lists are repeatable flags (or comma-separated) rather than variadic
 * ones, because a variadic flag would swallow the SOURCE argument that follows it.
 */
export function addRegistryOptions(command: Command): Command {
  return command
    .option('--platform <os/arch[/variant]>', 'platform to pick from a multi-platform image (default: this host)')
    .option('--username <name>', 'registry username (or LUCENT_REGISTRY_USERNAME)')
    .option('--password <secret>', 'registry password (prefer LUCENT_REGISTRY_PASSWORD: flags show up in ps)')
    .option('--registry-token <token>', 'bearer token sent to the registry as is (or LUCENT_REGISTRY_TOKEN)')
    .option('--plain-http <host>', 'talk plain HTTP to this registry host[:port]; repeatable', collectHosts)
    .option(
      '--insecure-skip-tls-verify <host>',
      "don't verify this registry host's TLS certificate; repeatable",
      collectHosts,
    )
    .option('--ca-file <path>', 'PEM file of extra CA certificates to trust for registries')
    .option('--registry-timeout <seconds>', 'connect and read timeout for registry requests (default: 30 / 120)');
}

/** Reads the registry flags parsed by commander (`command.opts()`) into `RegistryOptions`. */
export function registryOptionsFrom(flags: Record<string, unknown>): RegistryOptions {
  const options: RegistryOptions = {};
  if (typeof flags.platform === 'string') options.platform = parsePlatform(flags.platform);
  if (typeof flags.username === 'string') options.username = flags.username;
  if (typeof flags.password === 'string') options.password = flags.password;
  if (typeof flags.registryToken === 'string') options.registryToken = flags.registryToken;
  if (Array.isArray(flags.plainHttp)) options.plainHttp = flags.plainHttp as string[];
  if (Array.isArray(flags.insecureSkipTlsVerify))
    options.insecureSkipTlsVerify = flags.insecureSkipTlsVerify as string[];
  if (typeof flags.caFile === 'string') options.caFile = flags.caFile;
  if (flags.registryTimeout !== undefined) {
    const milliseconds = parseSeconds(String(flags.registryTimeout)) * 1000;
    options.connectTimeoutMs = milliseconds;
    options.readTimeoutMs = milliseconds;
  }
  return options;
}

function collectHosts(value: string, previous: string[] | undefined): string[] {
  const hosts = value
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  return [...(previous ?? []), ...hosts];
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0)) {
    throw new LucentError('E_USAGE', `invalid --registry-timeout "${text}"`, {
      hint: 'give a number of seconds greater than 0, e.g. --registry-timeout 60',
    });
  }
  return seconds;
}
