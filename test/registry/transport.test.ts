/**
 * Connections: unreachable hosts, stalled servers, TLS with a private CA or none, redirects to object storage and
 * foreign-layer URLs, all against a real registry.
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openRegistryImage, type RegistryOptions } from '../../src/image/sources/registry/index.ts';
import { fixtureImage } from '../support/fixtures.ts';
import {
  type FaultProxy,
  freePort,
  pushImage,
  type RegistryServer,
  startFaultProxy,
  startRegistry,
} from '../support/registry-server.ts';
import { streamedNames } from './layer-files.ts';

const OCI_GZIP = fixtureImage('dive/dive-test-oci-gzip-image.tar');
const MANIFEST = 'sha256:7d255e9e3d216a9a92a5c1ce0563a5ddd92f28a34a9df025d3cf8dfa5ea08366';
const LAYER = 'sha256:9aef42427209c9a180c61bb36b0b09681cbe3d3ff6409408bde0eb17ec1ba0cc';
const LAYER_PATH = `/v2/dive/gzip/blobs/${LAYER}`;
const FAST: RegistryOptions = { maxAttempts: 2, retryBaseDelayMs: 1, env: { HOME: '/nonexistent' } };
const WORKS = { digest: MANIFEST, names: [['README.md']] };

async function read(reference: string, options: RegistryOptions = {}) {
  const image = await openRegistryImage(reference, { ...FAST, ...options });
  try {
    return { digest: image.manifest?.digest, names: await streamedNames(image) };
  } finally {
    await image.close();
  }
}

describe('unreachable registries', () => {
  it('names the host and port of a registry nobody listens on', async () => {
    const port = await freePort();
    await expect(read(`127.0.0.1:${port}/dive/gzip:oci`)).rejects.toMatchObject({
      code: 'E_REGISTRY_UNREACHABLE',
      message: `cannot reach the registry at 127.0.0.1:${port}: connection refused (ECONNREFUSED), after 2 attempts`,
      hint: 'is the registry running on that port?',
    });
  });

  it('names a host that does not resolve', async () => {
    await expect(read('registry.invalid/dive/gzip:oci')).rejects.toMatchObject({
      code: 'E_REGISTRY_UNREACHABLE',
      message: expect.stringMatching(
        /^cannot reach the registry at registry\.invalid: DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)/,
      ),
    });
  });

  it('times out on a server that accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      await expect(read(`127.0.0.1:${port}/dive/gzip:oci`, { readTimeoutMs: 300 })).rejects.toMatchObject({
        code: 'E_REGISTRY_UNREACHABLE',
        message: `cannot reach the registry at 127.0.0.1:${port}: no response within 0.3 s (UND_ERR_HEADERS_TIMEOUT), after 2 attempts`,
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(sockets.length).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('TLS', () => {
  let registry: RegistryServer;
  let reference: string;
  beforeAll(async () => {
    // 127.0.0.2 is loopback too, but not one of the hosts Lucent reaches over plain HTTP on its own.
    registry = await startRegistry({ tls: true, address: '127.0.0.2' });
    reference = `${registry.host}/dive/gzip:oci`;
    await pushImage(`oci-archive:${OCI_GZIP}`, reference, { format: 'oci' });
  });
  afterAll(async () => registry?.stop());

  it('refuses a certificate it cannot verify, without retrying, and says what to do', async () => {
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_REGISTRY_UNREACHABLE',
      message: `cannot reach the registry at ${registry.host}: TLS failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)`,
      hint: 'trust its CA with --ca-file PATH, or (only for a registry you control) --insecure-skip-tls-verify HOST',
    });
  });

  it('trusts a CA given with --ca-file', async () => {
    expect(await read(reference, { caFile: registry.caFile as string })).toEqual(WORKS);
  });

  it.each([
    ['host:port', () => registry.host],
    ['host only', () => '127.0.0.2'],
  ])('skips verification for a host named by --insecure-skip-tls-verify (%s)', async (_form, host) => {
    expect(await read(reference, { insecureSkipTlsVerify: [host()] })).toEqual(WORKS);
  });

  it('does not skip verification for other hosts', async () => {
    await expect(read(reference, { insecureSkipTlsVerify: ['127.0.0.3', `127.0.0.2:1`] })).rejects.toMatchObject({
      code: 'E_REGISTRY_UNREACHABLE',
      message: `cannot reach the registry at ${registry.host}: TLS failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    });
  });

  it('tells a plain-HTTP registry reached over HTTPS to use --plain-http', async () => {
    const plain = await startRegistry({ address: '127.0.0.2' });
    try {
      await expect(read(`${plain.host}/dive/gzip:oci`)).rejects.toMatchObject({
        code: 'E_REGISTRY_UNREACHABLE',
        hint: 'the server seems to speak plain HTTP; allow it with --plain-http HOST',
      });
      await pushImage(`oci-archive:${OCI_GZIP}`, `${plain.host}/dive/gzip:oci`, { format: 'oci' });
      expect(await read(`${plain.host}/dive/gzip:oci`, { plainHttp: [plain.host] })).toEqual(WORKS);
    } finally {
      await plain.stop();
    }
  });
});

describe('blob locations', () => {
  let registry: RegistryServer;
  let front: FaultProxy | undefined;
  let storage: FaultProxy | undefined;
  beforeAll(async () => {
    registry = await startRegistry();
    await pushImage(`oci-archive:${OCI_GZIP}`, `${registry.host}/dive/gzip:oci`, { format: 'oci' });
  });
  afterEach(async () => {
    await front?.stop();
    await storage?.stop();
  });
  afterAll(async () => registry?.stop());

  it('follows a redirect to another host without sending it the credentials', async () => {
    // "Object storage": another host that serves the registry's blobs.
    storage = await startFaultProxy(registry.host, []);
    const signed = `http://${storage.host}${LAYER_PATH}?X-Signature=abc`;
    front = await startFaultProxy(registry.host, [
      {
        path: '/manifests/',
        times: 1,
        respond: { status: 401, headers: { 'www-authenticate': 'Basic realm="front"' } },
      },
      { path: LAYER_PATH, respond: { status: 307, headers: { location: signed } } },
    ]);
    const result = await read(`${front.host}/dive/gzip:oci`, { username: 'u', password: 'p' });
    expect(result).toEqual(WORKS);
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    expect(front.requests.filter((r) => r.path === LAYER_PATH).map((r) => [r.status, r.headers.authorization])).toEqual(
      [[307, basic]],
    );
    expect(storage.requests.map((r) => [r.path, r.status, r.headers.authorization])).toEqual([
      [`${LAYER_PATH}?X-Signature=abc`, 200, undefined],
    ]);
  });

  it('fetches a foreign layer from its descriptor URLs when the registry lacks it', async () => {
    storage = await startFaultProxy(registry.host, []);
    const manifest = (await (
      await fetch(`http://${registry.host}/v2/dive/gzip/manifests/oci`, {
        headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
      })
    ).json()) as { layers: { urls?: string[] }[] };
    const layer = manifest.layers[0] as { urls?: string[] };
    layer.urls = ['ftp://ignored.example/blob', `http://${storage.host}${LAYER_PATH}`];
    front = await startFaultProxy(registry.host, [
      {
        path: '/manifests/oci',
        respond: {
          status: 200,
          headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
          body: JSON.stringify(manifest),
        },
      },
      {
        path: LAYER_PATH,
        respond: { status: 404, body: '{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown"}]}' },
      },
    ]);
    const image = await openRegistryImage(`${front.host}/dive/gzip:oci`, FAST);
    try {
      expect(await streamedNames(image)).toEqual([['README.md']]);
    } finally {
      await image.close();
    }
    expect(storage.requests.map((r) => [r.path, r.status])).toEqual([[LAYER_PATH, 200]]);
  });

  it('reports a foreign layer that no URL serves', async () => {
    storage = await startFaultProxy(registry.host, [{ path: LAYER_PATH, respond: { status: 403 } }]);
    const manifest = JSON.parse(
      await (
        await fetch(`http://${registry.host}/v2/dive/gzip/manifests/oci`, {
          headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
        })
      ).text(),
    ) as { layers: { urls?: string[] }[] };
    const url = `http://${storage.host}${LAYER_PATH}`;
    (manifest.layers[0] as { urls?: string[] }).urls = [url];
    front = await startFaultProxy(registry.host, [
      { path: '/manifests/oci', respond: { status: 200, body: JSON.stringify(manifest) } },
      { path: LAYER_PATH, respond: { status: 404 } },
    ]);
    const image = await openRegistryImage(`${front.host}/dive/gzip:oci`, FAST);
    try {
      await expect(streamedNames(image)).rejects.toMatchObject({
        code: 'E_REGISTRY_NOT_FOUND',
        message: `layer 0 (${LAYER}) of ${front.host}/dive/gzip:oci is not in registry ${front.host} and none of its URLs served it (${url}: HTTP 403)`,
      });
    } finally {
      await image.close();
    }
  });
});

describe('forward proxies (HTTP_PROXY, NO_PROXY)', () => {
  let registry: RegistryServer;
  let proxy: { url: string; seen: string[]; close(): Promise<void> };
  beforeAll(async () => {
    registry = await startRegistry();
    await pushImage(`oci-archive:${OCI_GZIP}`, `${registry.host}/dive/gzip:oci`, { format: 'oci' });
    proxy = await startForwardProxy();
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.stop();
  });

  it('sends every request through HTTP_PROXY', async () => {
    const result = await read(`${registry.host}/dive/gzip:oci`, {
      env: { HOME: '/nonexistent', HTTP_PROXY: proxy.url },
    });
    expect(result).toEqual(WORKS);
    expect(proxy.seen).toEqual(
      expect.arrayContaining([
        `http://${registry.host}/v2/dive/gzip/manifests/oci`,
        `http://${registry.host}${LAYER_PATH}`,
      ]),
    );
  });

  it('goes direct to hosts in NO_PROXY', async () => {
    proxy.seen.length = 0;
    const env = { HOME: '/nonexistent', http_proxy: proxy.url, no_proxy: '127.0.0.1' };
    expect(await read(`${registry.host}/dive/gzip:oci`, { env })).toEqual(WORKS);
    expect(proxy.seen).toEqual([]);
  });
});

/** A minimal HTTP forward proxy: requests arrive with absolute URLs and are relayed as they are. */
async function startForwardProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const { createServer: createHttpServer, request } = await import('node:http');
  const seen: string[] = [];
  const server = createHttpServer((incoming, outgoing) => {
    seen.push(incoming.url ?? '');
    const upstream = request(incoming.url ?? '', { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
