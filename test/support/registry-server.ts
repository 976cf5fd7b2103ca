/**
 * Real registries for tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 at a free port, with its
 * own config and storage in a temp dir, open or behind htpasswd or token auth, optionally over TLS; `skopeo copy`
 * to push images into it; and a multi-platform OCI layout builder. The fault proxy lives beside it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hashSync } from 'bcryptjs';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './registry-token-server.ts';

export { type FaultProxy, type FaultRule, startFaultProxy } from './registry-fault-proxy.ts';

const run = promisify(execFile);
const REGISTRY_BINARY = '/usr/bin/docker-registry';

/** How to run the registry. */
export interface StartRegistryOptions {
  auth?: 'htpasswd' | 'token';
  /** username → password for htpasswd and token auth (default: one user, `lucent` / `s3cret-pass`). */
  users?: Record<string, string>;
  /** Serve HTTPS with a fresh self-signed certificate for `address`. */
  tls?: boolean;
  /** Loopback address to bind (default 127.0.0.1; TLS tests use 127.0.0.2, which the client does not treat as local). */
  address?: string;
  /** Extra token server settings. */
  token?: Partial<Pick<TokenServerOptions, 'refreshTokens' | 'tokenField' | 'expiresInSeconds'>>;
}

/** A running registry. */
export interface RegistryServer {
  /** `ADDRESS:PORT`, to use in image references. */
  host: string;
  users: Record<string, string>;
  /** The token server, in token mode. */
  tokenServer?: TokenServer;
  /** The registry's self-signed certificate, in TLS mode. */
  caFile?: string;
  /** What the registry process printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/** Token-mode names; the registry checks both in every JWT. */
export const TOKEN_SERVICE = 'lucent-test-registry';
const TOKEN_ISSUER = 'lucent-test-issuer';

/** Starts `docker-registry serve` and waits until `/v2/` answers. */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<RegistryServer> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-registry-'));
  const users = options.users ?? { lucent: 's3cret-pass' };
  const address = options.address ?? '127.0.0.1';
  let tokenServer: TokenServer | undefined;
  try {
    const auth = await authConfig(options, dir, users, (server) => {
      tokenServer = server;
    });
    const tls = options.tls ? await selfSignedCertificate(dir, address) : undefined;
    // The port is free when we look and taken by the time the registry binds it only if another process races us:
    // then the registry exits at once, and we try another port.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort(address);
      const host = `${address}:${port}`;
      const config = {
        version: '0.1',
        log: { level: 'warn', accesslog: { disabled: true } },
        storage: {
          filesystem: { rootdirectory: join(dir, 'data') },
          delete: { enabled: true },
          maintenance: { uploadpurging: { enabled: false } },
        },
        http: {
          addr: host,
          secret: randomBytes(16).toString('hex'),
          ...(tls ? { tls: { certificate: tls.certificate, key: tls.key } } : {}),
        },
        health: { storagedriver: { enabled: false } },
        ...(auth ? { auth } : {}),
      };
      // YAML is a superset of JSON, so the registry reads this as its config.yml.
      const configPath = join(dir, 'config.yml');
      await writeFile(configPath, JSON.stringify(config, null, 2));
      const child = spawn(REGISTRY_BINARY, ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output = captureOutput(child);
      const ready = await waitUntilServing(child, host, Boolean(tls));
      if (!ready) {
        await stopProcess(child);
        if (attempt < 3 && /address already in use/i.test(output())) continue;
        throw new Error(`docker-registry did not start on ${host}:\n${output()}`);
      }
      return {
        host,
        users,
        ...(tokenServer ? { tokenServer } : {}),
        ...(tls ? { caFile: tls.certificate } : {}),
        logs: output,
        async stop() {
          await stopProcess(child);
          await tokenServer?.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    await tokenServer?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function authConfig(
  options: StartRegistryOptions,
  dir: string,
  users: Record<string, string>,
  onTokenServer: (server: TokenServer) => void,
): Promise<Record<string, unknown> | undefined> {
  if (options.auth === 'htpasswd') {
    const path = join(dir, 'htpasswd');
    // The registry reads bcrypt entries only; cost 4 (the minimum) keeps tests fast.
    const lines = Object.entries(users).map(([user, password]) => `${user}:${hashSync(password, 4)}`);
    await writeFile(path, `${lines.join('\n')}\n`);
    return { htpasswd: { realm: 'lucent-test', path } };
  }
  if (options.auth === 'token') {
    const server = await startTokenServer({
      dir,
      users,
      service: TOKEN_SERVICE,
      issuer: TOKEN_ISSUER,
      ...options.token,
    });
    onTokenServer(server);
    return {
      token: {
        realm: server.realm,
        service: TOKEN_SERVICE,
        issuer: TOKEN_ISSUER,
        rootcertbundle: server.certificatePath,
      },
    };
  }
  return undefined;
}

/** Pushes an image with `skopeo copy`; `dest` is a registry reference, with or without `docker://`. */
export async function pushImage(
  src: string,
  dest: string,
  options: { format?: 'oci' | 'v2s2'; all?: boolean; creds?: string; srcCreds?: string } = {},
): Promise<void> {
  const args = ['copy', '--quiet', '--insecure-policy', '--dest-tls-verify=false'];
  if (src.startsWith('docker://')) args.push('--src-tls-verify=false');
  if (options.format) args.push('--format', options.format);
  if (options.all) args.push('--all');
  if (options.creds) args.push('--dest-creds', options.creds);
  if (options.srcCreds) args.push('--src-creds', options.srcCreds);
  args.push(src, dest.startsWith('docker://') ? dest : `docker://${dest}`);
  try {
    await run('skopeo', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`skopeo ${args.join(' ')} failed: ${stderr ?? (error as Error).message}`);
  }
}

/** One image of a multi-platform layout: a skopeo source and the platform its index entry declares. */
export interface IndexEntry {
  src: string;
  platform: { os: string; architecture: string; variant?: string };
}

/**
 * Builds an OCI layout whose `index.json` points at one image index listing `entries` with their platforms, so
 * `skopeo copy --all oci:DIR docker://…` pushes it as a multi-platform image. Returns the index's digest.
 */
export async function buildIndexLayout(dir: string, entries: IndexEntry[]): Promise<string> {
  for (const [i, entry] of entries.entries()) {
    await run('skopeo', [
      'copy',
      '--quiet',
      '--insecure-policy',
      '--format',
      'oci',
      entry.src,
      `oci:${dir}:image-${i}`,
    ]);
  }
  const layout = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
    manifests: { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }[];
  };
  const manifests = entries.map((entry, i) => {
    const found = layout.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === `image-${i}`);
    if (!found) throw new Error(`skopeo wrote no image-${i} into ${dir}`);
    return { mediaType: found.mediaType, digest: found.digest, size: found.size, platform: entry.platform };
  });
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }),
  );
  const hex = createHash('sha256').update(index).digest('hex');
  await writeFile(join(dir, 'blobs', 'sha256', hex), index);
  const top = {
    schemaVersion: 2,
    manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${hex}`, size: index.length }],
  };
  await writeFile(join(dir, 'index.json'), JSON.stringify(top));
  return `sha256:${hex}`;
}

/** A port on `address` that nothing listens on right now, found by binding port 0. */
export async function freePort(address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, address, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function selfSignedCertificate(dir: string, address: string): Promise<{ certificate: string; key: string }> {
  const certificate = join(dir, 'registry.crt');
  const key = join(dir, 'registry.key');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certificate,
    '-days',
    '2',
    '-subj',
    '/CN=lucent-test-registry',
    '-addext',
    `subjectAltName=IP:${address}`,
  ]);
  return { certificate, key };
}

function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

/** Polls `/v2/` until it answers (any status: 401 counts), the process exits, or 30 s pass. */
async function waitUntilServing(child: ChildProcess, host: string, tls: boolean): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    if (await answers(host, tls)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function answers(host: string, tls: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const url = `${tls ? 'https' : 'http'}://${host}/v2/`;
    const request = (tls ? httpsRequest : httpRequest)(url, { rejectUnauthorized: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
    request.end();
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
