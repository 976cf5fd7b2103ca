/**
 * Dependency-Track as a vulnerability scanner, over its REST API (https://docs.dependencytrack.org/integrations/rest-api/)
 * with a team API key in `X-Api-Key`: the SBOM is uploaded to a project (created when missing), the upload token is
 * polled until Dependency-Track has processed it, and the project's findings are read back. Every call, and the
 * polling, stays within the scanner timeout. The key comes only from `$LUCENT_DTRACK_API_KEY`, never from a flag, so
 * it stays out of process listings and shell history.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { ScannerContext, ScannerInput, VulnerabilityScanner } from '../scanner.ts';
import { parseDependencyTrackFindings } from './parse.ts';
import { bomUploadResponseSchema, projectSchema, tokenResponseSchema } from './schema.ts';

/** The longest one HTTP call may take, within the scanner's own timeout. */
const REQUEST_TIMEOUT_MS = 60_000;
/** Token polling backs off from half a second to five: small BOMs finish in seconds, large ones take minutes. */
const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 5_000;

/** Where Dependency-Track is and how to authenticate; undefined parts are missing settings. */
function settingsOf(context: ScannerContext): { url?: string; apiKey?: string } {
  const url = context.options.dtrackUrl ?? context.env.LUCENT_DTRACK_URL;
  const apiKey = context.env.LUCENT_DTRACK_API_KEY;
  return {
    // The API lives under /api on the API server (and on the bundled image); a URL given with /api is the same.
    ...(url ? { url: url.replace(/\/+$/, '').replace(/\/api$/, '') } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}

/** The Dependency-Track adapter. */
export const dependencyTrackScanner = {
  name: 'dependency-track',
  version: 1,
  async available(context) {
    const { url, apiKey } = settingsOf(context);
    if (!url) return { available: false, reason: 'no Dependency-Track URL (set --dtrack-url or LUCENT_DTRACK_URL)' };
    if (!URL.canParse(url)) return { available: false, reason: `the Dependency-Track URL ${url} is not a URL` };
    if (!apiKey) return { available: false, reason: 'no Dependency-Track API key (set LUCENT_DTRACK_API_KEY)' };
    return { available: true };
  },
  async scan(input, context) {
    const { url, apiKey } = settingsOf(context);
    if (!url || !apiKey) throw new Error('Dependency-Track is not configured');
    const api = new DependencyTrackApi(url, apiKey, Date.now() + context.timeoutMs);
    const project = projectOf(input, context);
    const { token } = await api.call('PUT', '/api/v1/bom', bomUploadResponseSchema, {
      projectName: project.name,
      projectVersion: project.version,
      autoCreate: true,
      bom: Buffer.from(input.text, 'utf8').toString('base64'),
    });
    await api.waitForToken(token, context.pollIntervalMs);
    const query = new URLSearchParams({ name: project.name, version: project.version });
    const { uuid } = await api.call('GET', `/api/v1/project/lookup?${query}`, projectSchema);
    // Validated by the parser, which names the finding that does not fit.
    const findings = await api.call('GET', `/api/v1/finding/project/${encodeURIComponent(uuid)}`, z.unknown());
    return parseDependencyTrackFindings(findings);
  },
} satisfies VulnerabilityScanner;

/** The project the SBOM goes to: `--dtrack-project`/`--dtrack-project-version`, else the subject's name and `latest`. */
function projectOf(input: ScannerInput, context: ScannerContext): { name: string; version: string } {
  return {
    name: context.options.dtrackProject ?? input.subject.name,
    version: context.options.dtrackProjectVersion ?? 'latest',
  };
}

/** HTTP calls to one Dependency-Track server, all before one deadline. */
class DependencyTrackApi {
  readonly #base: string;
  readonly #apiKey: string;
  readonly #deadline: number;

  constructor(base: string, apiKey: string, deadline: number) {
    this.#base = base;
    this.#apiKey = apiKey;
    this.#deadline = deadline;
  }

  /** One call; the JSON answer, validated when a schema is given. Non-2xx answers throw with what to do. */
  async call<T>(method: 'GET' | 'PUT', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const remaining = this.#deadline - Date.now();
    if (remaining <= 0) throw this.#late(method, path);
    let response: Response;
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: {
          'X-Api-Key': this.#apiKey,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(Math.min(remaining, REQUEST_TIMEOUT_MS)),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') throw this.#late(method, path);
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new Error(`cannot reach Dependency-Track at ${this.#base} (${method} ${pathOnly(path)}): ${cause}`);
    }
    if (!response.ok) throw new Error(httpFailure(response.status, method, path, await response.text()));
    const json: unknown = await response.json().catch(() => {
      throw new Error(`Dependency-Track answered ${method} ${pathOnly(path)} with no JSON`);
    });
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`unexpected answer to ${method} ${pathOnly(path)}: ${parsed.error.message}`);
    return parsed.data;
  }

  /** Polls the upload token until Dependency-Track says it is done, or the deadline passes. */
  async waitForToken(token: string, fixedIntervalMs: number | undefined): Promise<void> {
    const path = `/api/v1/bom/token/${encodeURIComponent(token)}`;
    let interval = fixedIntervalMs ?? FIRST_POLL_MS;
    for (;;) {
      const { processing } = await this.call('GET', path, tokenResponseSchema);
      if (!processing) return;
      if (Date.now() + interval >= this.#deadline) throw this.#late('GET', path);
      await sleep(interval);
      if (fixedIntervalMs === undefined) interval = Math.min(interval * 2, MAX_POLL_MS);
    }
  }

  /** The scanner timeout ran out: while Dependency-Track was processing the SBOM, or during a call. */
  #late(method: string, path: string): Error {
    const step = path.startsWith('/api/v1/bom/token/') ? 'processing the SBOM' : `${method} ${pathOnly(path)}`;
    return new Error(`Dependency-Track did not finish in time (${step}); raise --scanner-timeout`);
  }
}

/** A non-2xx answer in words: the status, the call, and what to do for the usual causes. */
function httpFailure(status: number, method: string, path: string, text: string): string {
  const call = `${method} ${pathOnly(path)}`;
  if (status === 401) return `Dependency-Track rejected the API key (HTTP 401 on ${call}); check LUCENT_DTRACK_API_KEY`;
  if (status === 403) {
    return `the API key's team lacks a permission (HTTP 403 on ${call}): it needs BOM_UPLOAD, PROJECT_CREATION_UPLOAD, VIEW_PORTFOLIO and VIEW_VULNERABILITY`;
  }
  const detail = text.trim().slice(0, 200);
  return `Dependency-Track answered HTTP ${status} to ${call}${detail ? `: ${detail}` : ''}`;
}

function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}
