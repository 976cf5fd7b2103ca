/**
 * A real registry behind a fault-injecting proxy: rate limits, server errors, missing tags, challenges, corrupted
 * blobs and schema 1 manifests, each checked for the exact retries made and the exact error reported.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Digest } from '../../src/image/digest.ts';
import { openRegistryImage, type RegistryOptions } from '../../src/image/sources/registry/index.ts';
import { fixtureImage } from '../support/fixtures.ts';
import {
  type FaultProxy,
  type FaultRule,
  pushImage,
  type RegistryServer,
  startFaultProxy,
  startRegistry,
} from '../support/registry-server.ts';
import { streamedNames } from './layer-files.ts';

const OCI_GZIP = fixtureImage('dive/dive-test-oci-gzip-image.tar');
const MANIFEST = 'sha256:7d255e9e3d216a9a92a5c1ce0563a5ddd92f28a34a9df025d3cf8dfa5ea08366';
const CONFIG = 'sha256:3eaccc100f866490f00ae82727b459a737af031dcf44c791d8aa714a70f24959';
const LAYER = 'sha256:9aef42427209c9a180c61bb36b0b09681cbe3d3ff6409408bde0eb17ec1ba0cc';
const MANIFEST_PATH = '/v2/dive/gzip/manifests/oci';
const CONFIG_PATH = `/v2/dive/gzip/blobs/${CONFIG}`;
const LAYER_PATH = `/v2/dive/gzip/blobs/${LAYER}`;
/** Tiny backoff so retry tests take milliseconds; Retry-After still applies in full. */
const FAST: RegistryOptions = { maxAttempts: 3, retryBaseDelayMs: 1, env: { HOME: '/nonexistent' } };

let registry: RegistryServer;
let proxy: FaultProxy | undefined;

beforeAll(async () => {
  registry = await startRegistry();
  await pushImage(`oci-archive:${OCI_GZIP}`, `${registry.host}/dive/gzip:oci`, { format: 'oci' });
});
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});
afterAll(async () => registry?.stop());

async function through(rules: FaultRule[]): Promise<string> {
  proxy = await startFaultProxy(registry.host, rules);
  return `${proxy.host}/dive/gzip:oci`;
}

/** Opens, streams every layer, and closes; returns the manifest digest and the file names. */
async function read(reference: string, options: RegistryOptions = {}) {
  const image = await openRegistryImage(reference, { ...FAST, ...options });
  try {
    return { digest: image.manifest?.digest, names: await streamedNames(image) };
  } finally {
    await image.close();
  }
}

const WORKS = { digest: MANIFEST, names: [['README.md']] };
const statusesOf = (path: string) => proxy?.requests.filter((r) => r.path === path).map((r) => r.status);

describe('retries', () => {
  it('waits as long as Retry-After (seconds) says after a 429', async () => {
    const reference = await through([
      { path: MANIFEST_PATH, times: 1, respond: { status: 429, headers: { 'retry-after': '1' } } },
    ]);
    expect(await read(reference)).toEqual(WORKS);
    const [limited, retried] = proxy?.requests.filter((r) => r.path === MANIFEST_PATH) ?? [];
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    const waited = (retried?.at ?? 0) - (limited?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(3000);
  });

  it('waits until the HTTP date in Retry-After', async () => {
    const until = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    const reference = await through([
      { path: CONFIG_PATH, times: 1, respond: { status: 429, headers: { 'retry-after': until.toUTCString() } } },
    ]);
    expect(await read(reference)).toEqual(WORKS);
    const retried = proxy?.requests.filter((r) => r.path === CONFIG_PATH)[1];
    expect(retried?.status).toBe(200);
    expect(retried?.at ?? 0).toBeGreaterThanOrEqual(until.getTime());
  });

  it('retries a blob after two 500s', async () => {
    const reference = await through([{ path: LAYER_PATH, times: 2, respond: { status: 500 } }]);
    expect(await read(reference)).toEqual(WORKS);
    expect(statusesOf(LAYER_PATH)).toEqual([500, 500, 200]);
  });

  it('gives up on a permanent 500 after the configured attempts', async () => {
    const body = JSON.stringify({ errors: [{ code: 'UNKNOWN', message: 'storage backend down' }] });
    const reference = await through([{ path: MANIFEST_PATH, respond: { status: 500, body } }]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_REGISTRY_RESPONSE',
      message: `registry ${proxy?.host} answered HTTP 500 for manifest oci of ${proxy?.host}/dive/gzip (UNKNOWN: storage backend down), after 3 attempts`,
    });
    expect(statusesOf(MANIFEST_PATH)).toEqual([500, 500, 500]);
  });

  it('does not retry a 404', async () => {
    const body = JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
    const reference = await through([{ path: MANIFEST_PATH, respond: { status: 404, body } }]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_REGISTRY_NOT_FOUND',
      message: `manifest oci was not found in ${proxy?.host}/dive/gzip (MANIFEST_UNKNOWN: manifest unknown)`,
      hint: `check the repository name and the tag or digest of ${proxy?.host}/dive/gzip:oci`,
    });
    expect(statusesOf(MANIFEST_PATH)).toEqual([404]);
  });
});

describe('challenges', () => {
  const challenge: FaultRule = {
    path: MANIFEST_PATH,
    times: 1,
    respond: { status: 401, headers: { 'www-authenticate': 'Basic realm="proxy"' } },
  };

  it('answers a Basic challenge and then sends the credentials up front', async () => {
    const reference = await through([challenge]);
    expect(await read(reference, { username: 'u', password: 'p' })).toEqual(WORKS);
    const sent = proxy?.requests.map((r) => [r.path, r.status, r.headers.authorization]);
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    expect(sent).toEqual([
      [MANIFEST_PATH, 401, undefined],
      [MANIFEST_PATH, 200, basic],
      [CONFIG_PATH, 200, basic],
      [LAYER_PATH, 200, basic],
    ]);
  });

  it('reports a 401 without a usable challenge', async () => {
    const reference = await through([{ path: MANIFEST_PATH, respond: { status: 401 } }]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message: `registry ${proxy?.host} answered 401 for ${proxy?.host}/dive/gzip:oci without a Basic or Bearer challenge (WWW-Authenticate: none)`,
    });
  });

  it('reports a 403', async () => {
    const reference = await through([{ path: CONFIG_PATH, respond: { status: 403 } }]);
    await expect(read(reference, { username: 'u', password: 'p' })).rejects.toMatchObject({
      code: 'E_REGISTRY_AUTH',
      message: `registry ${proxy?.host} denied access to ${proxy?.host}/dive/gzip@${CONFIG} (HTTP 403); credentials tried: flags --username/--password`,
    });
  });
});

describe('integrity', () => {
  it('rejects a layer blob that does not match its digest', async () => {
    let served = Buffer.alloc(0);
    // Recompressing keeps the gzip and the tar valid, so only the blob digest can catch it.
    const recompress = (body: Buffer) => {
      served = gzipSync(gunzipSync(body), { level: 1 });
      return served;
    };
    const reference = await through([{ path: LAYER_PATH, transform: recompress }]);
    const image = await openRegistryImage(reference, FAST);
    try {
      const error = await streamedNames(image).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'E_DIGEST_MISMATCH',
        message: `digest mismatch for blob ${LAYER} of layer 0 (${LAYER}): expected ${LAYER}, got ${sha256Digest(served)}`,
      });
      expect(sha256Digest(served)).not.toBe(LAYER);
    } finally {
      await image.close();
    }
  });

  it('rejects a config blob that does not match its digest', async () => {
    let served = Buffer.alloc(0);
    const tamper = (body: Buffer) => {
      served = Buffer.from(body.toString('utf8').replace('arm64', 'amd64'));
      return served;
    };
    const reference = await through([{ path: CONFIG_PATH, transform: tamper }]);
    const error = await read(reference).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'E_DIGEST_MISMATCH',
      message: `digest mismatch for config blob ${CONFIG} of ${reference}: expected ${CONFIG}, got ${sha256Digest(served)}`,
    });
  });

  it('rejects a manifest that does not match its Docker-Content-Digest', async () => {
    let served = Buffer.alloc(0);
    const tamper = (body: Buffer) => {
      served = Buffer.concat([body, Buffer.from(' ')]);
      return served;
    };
    const reference = await through([{ path: MANIFEST_PATH, transform: tamper }]);
    const error = await read(reference).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'E_DIGEST_MISMATCH',
      message: `digest mismatch for manifest of ${reference} (against its Docker-Content-Digest header): expected ${MANIFEST}, got ${sha256Digest(served)}`,
    });
  });

  it('rejects a manifest fetched by digest that does not match it', async () => {
    const byDigest = `/v2/dive/gzip/manifests/${MANIFEST}`;
    const reference = await through([
      { path: byDigest, transform: (body) => Buffer.concat([body, Buffer.from('\n')]) },
    ]);
    const pinned = reference.replace(':oci', `@${MANIFEST}`);
    await expect(read(pinned)).rejects.toMatchObject({
      code: 'E_DIGEST_MISMATCH',
      message: expect.stringMatching(
        new RegExp(`^digest mismatch for manifest of ${pinned}: expected ${MANIFEST}, got sha256:`),
      ),
    });
  });

  it('refuses a manifest larger than 4 MiB', async () => {
    const body = `{"schemaVersion":2,"padding":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    const reference = await through([
      { path: MANIFEST_PATH, respond: { status: 200, headers: { 'content-type': 'application/json' }, body } },
    ]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_SOURCE_INVALID',
      message: `manifest oci of ${reference} is ${Buffer.byteLength(body)} bytes, more than the 4 MiB Lucent accepts`,
    });
  });
});

describe('unsupported manifests', () => {
  const schema1 = JSON.stringify({
    schemaVersion: 1,
    name: 'dive/gzip',
    tag: 'oci',
    architecture: 'amd64',
    fsLayers: [{ blobSum: LAYER }],
    history: [{ v1Compatibility: '{"id":"x"}' }],
    signatures: [],
  });

  it.each([
    ['application/vnd.docker.distribution.manifest.v1+prettyjws'],
    ['application/vnd.docker.distribution.manifest.v1+json'],
    ['application/json'],
  ])('rejects a Docker schema 1 manifest served as %s', async (contentType) => {
    const reference = await through([
      { path: MANIFEST_PATH, respond: { status: 200, headers: { 'content-type': contentType }, body: schema1 } },
    ]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_MANIFEST_UNSUPPORTED',
      message: `manifest ${sha256Digest(schema1)} of ${reference} is a Docker schema 1 manifest, which is unsupported`,
      hint: 'schema 1 was deprecated in 2017; re-push the image with a current Docker, Podman, skopeo or crane',
    });
  });

  it('rejects an OCI artifact', async () => {
    const artifact = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: CONFIG, size: 452 },
      layers: [],
    });
    const reference = await through([
      {
        path: MANIFEST_PATH,
        respond: {
          status: 200,
          headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
          body: artifact,
        },
      },
    ]);
    await expect(read(reference)).rejects.toMatchObject({
      code: 'E_MANIFEST_UNSUPPORTED',
      message: `manifest ${sha256Digest(artifact)} of ${reference} is not a container image: its config has media type application/vnd.cncf.helm.config.v1+json (an OCI artifact)`,
    });
  });
});
