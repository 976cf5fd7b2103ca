/**
 * The OCI Distribution API calls Lucent needs, for one repository: GET a manifest, GET a blob (buffered when small,
 * streamed when a layer), with authentication and status codes turned into catalogue errors.
 * Spec: https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests
 */
import type { Readable } from 'node:stream';
import { LucentError } from '../../../core/errors.ts';
import { isDigest } from '../../digest.ts';
import type { Descriptor } from '../../manifest-schema.ts';
import { type Authenticator, authDenied } from './auth.ts';
import type { HttpClient, HttpResponse } from './http-client.ts';
import { readLimited } from './read-limited.ts';
import type { ImageReference } from './reference.ts';

/** A manifest as the registry sent it, not yet parsed. */
export interface FetchedManifest {
  bytes: Uint8Array;
  /** The Content-Type, without parameters. */
  contentType: string | undefined;
  /** The `Docker-Content-Digest` header, when sent. */
  headerDigest: string | undefined;
}

/** Reads manifests and blobs of one repository. */
export interface RegistryClient {
  /** Fetches a manifest or index by tag or digest, refusing bodies over `limit` bytes. */
  getManifest(reference: string, accept: string, limit: number): Promise<FetchedManifest>;
  /** Fetches a small blob (a config) into memory, refusing bodies over `limit` bytes. Not verified here. */
  getBlob(descriptor: Descriptor, limit: number, what: string): Promise<Uint8Array>;
  /** Opens a blob as a stream: from the registry, else from the descriptor's `urls` (foreign layers). */
  openBlob(descriptor: Descriptor, what: string): Promise<Readable>;
}

/** Creates the client for the repository of `reference`. */
export function createRegistryClient(reference: ImageReference, http: HttpClient, auth: Authenticator): RegistryClient {
  const { registry, apiHost, repository } = reference;
  const scope = `repository:${repository}:pull`;

  /** GETs an API path, answering one authentication challenge; returns any status but 401/403. */
  async function get(path: string, accept: string, target: string): Promise<HttpResponse> {
    const url = http.urlFor(apiHost, `/v2/${repository}/${path}`);
    const send = (authorization: string | undefined) =>
      http.request(url, {
        headers: { accept, ...(authorization ? { authorization } : {}) },
        what: 'the registry',
      });
    let authorization = await auth.authorizationFor(apiHost, scope);
    let response = await send(authorization);
    if (response.status === 401) {
      await response.body.dump();
      authorization = await auth.answerChallenge(
        apiHost,
        scope,
        target,
        response.headers['www-authenticate'],
        authorization,
      );
      response = await send(authorization);
    }
    if (response.status === 401 || response.status === 403) {
      const detail = await registryErrorDetail(response);
      throw authDenied(registry, target, response.status, await auth.credentialSource(), detail);
    }
    return response;
  }

  async function failure(response: HttpResponse, target: string, thing: string): Promise<LucentError> {
    const detail = await registryErrorDetail(response);
    const suffix = detail ? ` (${detail})` : '';
    if (response.status === 404) {
      return new LucentError('E_REGISTRY_NOT_FOUND', `${thing} was not found in ${registry}/${repository}${suffix}`, {
        hint: `check the repository name and the tag or digest of ${target}`,
      });
    }
    const tries = response.attempts > 1 ? `, after ${response.attempts} attempts` : '';
    return new LucentError(
      'E_REGISTRY_RESPONSE',
      `registry ${registry} answered HTTP ${response.status} for ${thing} of ${registry}/${repository}${suffix}${tries}`,
      {
        hint: response.status >= 500 ? 'the registry is failing; try again later' : 'the registry refused the request',
      },
    );
  }

  function checkedDigest(descriptor: Descriptor, what: string): string {
    // The digest goes into a URL path: never let a manifest smuggle "../" or a query into it.
    if (!isDigest(descriptor.digest)) {
      throw new LucentError('E_SOURCE_INVALID', `${what} has an invalid digest "${descriptor.digest}"`);
    }
    return descriptor.digest;
  }

  return {
    async getManifest(reference, accept, limit) {
      const target = `${registry}/${repository}${reference.includes(':') ? '@' : ':'}${reference}`;
      const response = await get(`manifests/${reference}`, accept, target);
      if (response.status !== 200) throw await failure(response, target, `manifest ${reference}`);
      const bytes = await readLimited(response, limit, `manifest ${reference} of ${target}`, 'E_SOURCE_INVALID');
      const contentType = headerValue(response.headers['content-type'])?.split(';')[0]?.trim();
      return { bytes, contentType, headerDigest: headerValue(response.headers['docker-content-digest']) };
    },
    async getBlob(descriptor, limit, what) {
      const digest = checkedDigest(descriptor, what);
      const target = `${registry}/${repository}@${digest}`;
      const response = await get(`blobs/${digest}`, '*/*', target);
      if (response.status !== 200) throw await failure(response, target, `blob ${digest}`);
      return readLimited(response, limit, what, 'E_SOURCE_INVALID');
    },
    async openBlob(descriptor, what) {
      const digest = checkedDigest(descriptor, what);
      const target = `${registry}/${repository}@${digest}`;
      const response = await get(`blobs/${digest}`, '*/*', target);
      if (response.status === 200) return response.body;
      const urls = (descriptor.urls ?? []).filter((url) => /^https?:\/\//i.test(url));
      if (response.status !== 404 || urls.length === 0) throw await failure(response, target, `blob ${digest}`);
      await response.body.dump();
      return openForeignBlob(http, urls, what, registry);
    },
  };
}

/**
 * Foreign (non-distributable) layers, such as Windows base layers, may live only at the URLs their descriptor
 * lists. They are fetched without credentials: ours are for the registry, not for whoever hosts those URLs.
 */
async function openForeignBlob(http: HttpClient, urls: string[], what: string, registry: string): Promise<Readable> {
  const failures: string[] = [];
  for (const url of urls) {
    try {
      const response = await http.request(new URL(url), { what: `the download URL of ${what}` });
      if (response.status === 200) return response.body;
      await response.body.dump();
      failures.push(`${url}: HTTP ${response.status}`);
    } catch (error) {
      failures.push(`${url}: ${(error as Error).message}`);
    }
  }
  throw new LucentError(
    'E_REGISTRY_NOT_FOUND',
    `${what} is not in registry ${registry} and none of its URLs served it (${failures.join('; ')})`,
    { hint: 'foreign layers must be reachable at the URLs in the manifest, or pushed to the registry' },
  );
}

/** The `errors[0]` code and message of a Distribution error body, e.g. `MANIFEST_UNKNOWN: manifest unknown`. */
async function registryErrorDetail(response: HttpResponse): Promise<string | undefined> {
  try {
    const bytes = await readLimited(response, 64 * 1024, 'error body');
    const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      errors?: { code?: unknown; message?: unknown }[];
    };
    const first = json.errors?.[0];
    if (!first) return undefined;
    return (
      [first.code, first.message].filter((part) => typeof part === 'string' && part !== '').join(': ') || undefined
    );
  } catch {
    return undefined;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
