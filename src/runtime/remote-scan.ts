/**
 * `lucent runtime scan --server URL`: the scan runs in the server (which reads the cluster it is deployed in); the
 * CLI starts it through the runtime API, follows its progress and fetches the results. A scan already running there
 * is an error (409), as in KubeClarity.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvHttpProxyAgent, request } from 'undici';
import { LucentError } from '../core/errors.ts';
import type { ImageProgress, RunRecord } from './store/runtime-store.ts';

/** Where the server is. */
export interface RemoteTarget {
  server: string;
  token: string;
  /** Between progress polls (default 0.5 s). */
  pollMs?: number;
}

/** Starts a scan on the server, waits for it to end, and returns the run and its images. */
export async function runRemoteScan(
  target: RemoteTarget,
  body: { namespaces: string[]; excludeNamespaces?: string[] },
  onProgress?: (percent: number) => void,
): Promise<{ run: RunRecord; images: ImageProgress[] }> {
  const dispatcher = new EnvHttpProxyAgent();
  const call = async <T>(
    method: 'GET' | 'PUT',
    path: string,
    payload?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const url = new URL(path, target.server.endsWith('/') ? target.server : `${target.server}/`);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method,
        dispatcher,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: 'application/json',
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
      });
    } catch (error) {
      throw new LucentError(
        'E_USAGE',
        `cannot reach the Lucent server at ${target.server}: ${(error as Error).message}`,
        {
          hint: 'check --server',
          cause: error,
        },
      );
    }
    const text = await response.body.text();
    const parsed = text ? (JSON.parse(text) as T) : (undefined as T);
    return { status: response.statusCode, body: parsed };
  };
  try {
    const started = await call<{ message?: string }>('PUT', 'api/runtime/scan/start', body);
    if (started.status === 409) {
      throw new LucentError('E_SCAN_IN_PROGRESS', `a runtime scan is already running on ${target.server}`, {
        hint: 'wait for it to end, or stop it (PUT /api/runtime/scan/stop)',
      });
    }
    failUnless(started, [200, 201], target.server, 'start the scan');
    for (;;) {
      const progress = await call<{ status: string; scanned?: number }>('GET', 'api/runtime/scan/progress');
      failUnless(progress, [200], target.server, 'read the progress');
      onProgress?.(progress.body.scanned ?? 0);
      if (progress.body.status === 'DONE') break;
      await sleep(target.pollMs ?? 500);
    }
    const results = await call<{ run?: RunRecord; images?: ImageProgress[] }>('GET', 'api/runtime/scan/results');
    failUnless(results, [200], target.server, 'read the results');
    if (!results.body.run) throw new LucentError('E_USAGE', `the server at ${target.server} returned no run`);
    return { run: results.body.run, images: results.body.images ?? [] };
  } finally {
    await dispatcher.close();
  }
}

function failUnless(response: { status: number; body: unknown }, ok: number[], server: string, what: string): void {
  if (ok.includes(response.status)) return;
  const message = (response.body as { message?: string } | undefined)?.message ?? `HTTP ${response.status}`;
  const hint =
    response.status === 401 || response.status === 403 ? 'check --token (it needs the writer role)' : undefined;
  throw new LucentError(
    'E_USAGE',
    `the Lucent server at ${server} could not ${what}: ${message}`,
    hint ? { hint } : {},
  );
}
