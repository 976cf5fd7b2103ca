/**
 * Opens an image in a registry as an `Image`: manifest (through an index to the wanted platform), config and layers.
 * Only the manifest and config are read here; each layer is streamed from the registry, and verified, every time the
 * walker asks for its entries. Nothing is written to disk.
 */
import { readFile } from 'node:fs/promises';
import { LucentError } from '../../../core/errors.ts';
import { layersFromManifest, parseImageConfig, platformOf } from '../../assemble.ts';
import type { ImageConfig } from '../../config-schema.ts';
import { verifyBytes } from '../../digest.ts';
import type { Image, Platform } from '../../image.ts';
import type { ImageManifest } from '../../manifest-schema.ts';
import { formatPlatform, hostPlatform, platformMatches } from '../../platform.ts';
import { createAuthenticator } from './auth.ts';
import { resolveCredentials } from './credentials.ts';
import { createHttpClient, type HttpClient, proxyFromEnv } from './http-client.ts';
import { METADATA_LIMIT, type ResolvedManifest, resolveManifest } from './manifest.ts';
import { formatReference, type ImageReference, parseReference } from './reference.ts';
import { createRegistryClient, type RegistryClient } from './registry-client.ts';
import { DEFAULT_RETRY_POLICY } from './retry.ts';

/** How to reach a registry and whom to be there. */
export interface RegistryOptions {
  /** The platform to pick from a multi-platform image; the host's when not given. */
  platform?: Platform;
  username?: string;
  password?: string;
  /** A bearer token sent to the registry as is. */
  registryToken?: string;
  /** Hosts (`host` or `host:port`) to reach over plain HTTP; loopback hosts always are. */
  plainHttp?: string[];
  /** Hosts whose TLS certificate is not verified. */
  insecureSkipTlsVerify?: string[];
  /** A PEM file of extra CA certificates to trust. */
  caFile?: string;
  /** The Docker config file to read credentials from, instead of `$DOCKER_CONFIG` or `~/.docker/config.json`. */
  dockerConfigPath?: string;
  connectTimeoutMs?: number;
  /** Longest wait for a response, and longest stall while streaming one. */
  readTimeoutMs?: number;
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** The first retry's backoff (default 500 ms); each later retry doubles it. */
  retryBaseDelayMs?: number;
  /** Environment for credential lookup and helpers (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** Defaults for timeouts: generous, since registries behind proxies can be slow to answer. */
const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_READ_TIMEOUT_MS = 120_000;

/** Opens an image reference (`[host/]repo[:tag][@digest]`) in a registry. */
export async function openRegistryImage(reference: string, options: RegistryOptions): Promise<Image> {
  const parsed = parseReference(reference);
  const name = formatReference(parsed);
  const http = createHttpClient({
    plainHttp: options.plainHttp ?? [],
    insecureSkipTlsVerify: options.insecureSkipTlsVerify ?? [],
    proxy: proxyFromEnv(options.env ?? process.env),
    ...(options.caFile ? { ca: await readCaFile(options.caFile) } : {}),
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    readTimeoutMs: options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS,
    retry: {
      ...DEFAULT_RETRY_POLICY,
      ...(options.maxAttempts !== undefined ? { maxAttempts: Math.max(1, options.maxAttempts) } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { baseDelayMs: options.retryBaseDelayMs } : {}),
    },
  });
  try {
    const client = connect(parsed, http, options);
    const wanted = options.platform ?? hostPlatform();
    const resolved = await resolveManifest(client, parsed, wanted, name);
    const config = await readConfig(client, resolved.manifest, name);
    return assembleImage(reference, name, resolved, config, client, http, options.platform);
  } catch (error) {
    await http.close();
    throw error;
  }
}

function connect(reference: ImageReference, http: HttpClient, options: RegistryOptions): RegistryClient {
  const env = options.env ?? process.env;
  const auth = createAuthenticator(http, () =>
    resolveCredentials(reference.registry, {
      username: options.username,
      password: options.password,
      registryToken: options.registryToken,
      dockerConfigPath: options.dockerConfigPath,
      env,
    }),
  );
  return createRegistryClient(reference, http, auth);
}

async function readConfig(client: RegistryClient, manifest: ImageManifest, name: string): Promise<ImageConfig> {
  const what = `config blob ${manifest.config.digest} of ${name}`;
  const bytes = await client.getBlob(manifest.config, METADATA_LIMIT, what);
  verifyBytes(bytes, manifest.config.digest, what);
  return parseImageConfig(bytes, what);
}

function assembleImage(
  reference: string,
  name: string,
  resolved: ResolvedManifest,
  config: ImageConfig,
  client: RegistryClient,
  http: HttpClient,
  requested: Platform | undefined,
): Image {
  const { manifest } = resolved;
  const { layers, history } = layersFromManifest({
    manifest,
    config,
    what: `manifest ${resolved.digest} of ${name}`,
    hint: 'the image was pushed broken; rebuild and push it again',
    open: (descriptor, describe) => client.openBlob(descriptor, `${describe} of ${name}`),
    strict: true,
  });

  const platform = platformOf(config);
  const image: Image = {
    source: { kind: 'registry', reference },
    name,
    manifest: { digest: resolved.digest, mediaType: resolved.mediaType },
    configDigest: manifest.config.digest,
    config,
    history,
    layers,
    repoTags: [],
    warnings: platformWarnings(resolved, platform, requested),
    close: () => http.close(),
  };
  if (resolved.index) image.index = { digest: resolved.index.digest, mediaType: resolved.index.mediaType };
  if (platform) image.platform = platform;
  const madeLayers = history.filter((entry) => !entry.emptyLayer).length;
  if (history.length > 0 && madeLayers !== layers.length) {
    image.warnings.push(`the config's history records ${madeLayers} layers but the image has ${layers.length}`);
  }
  return image;
}

function platformWarnings(
  resolved: ResolvedManifest,
  platform: Platform | undefined,
  requested: Platform | undefined,
): string[] {
  if (!platform) return [];
  const declared = resolved.index?.platform;
  if (declared && !platformMatches(platform, declared)) {
    return [
      `the index lists this image as ${formatPlatform(declared)} but its config says ${formatPlatform(platform)}`,
    ];
  }
  // A single-platform image is read whatever the request, but the user should know it is not what they asked for.
  if (!declared && requested && !platformMatches(platform, requested)) {
    return [`the image is ${formatPlatform(platform)}, not the requested ${formatPlatform(requested)}`];
  }
  return [];
}

async function readCaFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LucentError('E_USAGE', `cannot read the CA file ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new LucentError('E_USAGE', `the CA file ${path} holds no PEM certificate`, {
      hint: 'give a file with one or more "-----BEGIN CERTIFICATE-----" blocks',
    });
  }
  return text;
}
