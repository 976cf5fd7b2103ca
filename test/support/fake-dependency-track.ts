/**
 * A loopback Dependency-Track API server (v1) that behaves like the real one for what Lucent uses: team API keys in
 * `X-Api-Key` (401 without or with a wrong one), `PUT /api/v1/bom` with a base64 CycloneDX BOM (projects created only
 * with `autoCreate`), the upload token answering `processing: true` for a few polls and then `false`,
 * `GET /api/v1/project/lookup`, and `GET /api/v1/finding/project/{uuid}` building findings in Dependency-Track's shape
 * from the uploaded components and the vulnerabilities configured per purl (suppressed ones only with
 * `?suppressed=true`, as the real API does).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A vulnerability Dependency-Track would attribute to a component, with an analyst's decision if any. */
export interface FakeDtVulnerability {
  vulnerability: Record<string, unknown> & { vulnId: string };
  analysis?: { state?: string; isSuppressed?: boolean };
  attribution?: Record<string, unknown>;
}

/** How the fake behaves. */
export interface FakeDependencyTrackOptions {
  apiKey: string;
  /** Vulnerabilities by component purl. */
  vulnerabilities: Record<string, FakeDtVulnerability[]>;
  /** How many polls of an upload token answer `processing: true` before `false` (default 2). */
  processingPolls?: number;
}

/** One request, as received. */
export interface FakeDtRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
  /** The `processing` value a token poll was answered with. */
  processing?: boolean;
}

/** A running fake. */
export interface FakeDependencyTrack {
  url: string;
  requests: FakeDtRequest[];
  /** Every accepted BOM upload, the BOM decoded. */
  uploads: { projectName: string; projectVersion: string; bom: { specVersion?: string; components?: unknown[] } }[];
  close(): Promise<void>;
}

interface Component {
  uuid: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
}

interface Project {
  uuid: string;
  name: string;
  version: string;
  components: Component[];
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeDependencyTrack(options: FakeDependencyTrackOptions): Promise<FakeDependencyTrack> {
  const projects = new Map<string, Project>();
  const tokens = new Map<string, number>();
  const vulnUuids = new Map<string, string>();
  const requests: FakeDtRequest[] = [];
  const uploads: FakeDependencyTrack['uploads'] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apiKey = header(req, 'x-api-key');
    const logged: FakeDtRequest = { method: req.method ?? 'GET', path: url.pathname, apiKey };
    requests.push(logged);
    if (!url.pathname.startsWith('/api/')) return send(res, 404, 'Not Found');
    // Dependency-Track answers 401 with an empty body when the key is missing or unknown.
    if (apiKey !== options.apiKey) return send(res, 401, '');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'PUT /api/v1/bom') return upload(req, res);
    const token = /^GET \/api\/v1\/bom\/token\/([^/]+)$/.exec(route)?.[1];
    if (token !== undefined) {
      // An unknown token is not being processed, as in Dependency-Track.
      const remaining = tokens.get(token) ?? 0;
      tokens.set(token, Math.max(0, remaining - 1));
      logged.processing = remaining > 0;
      return json(res, 200, { processing: remaining > 0 });
    }
    if (route === 'GET /api/v1/project/lookup') {
      const project = projects.get(projectKey(url.searchParams.get('name'), url.searchParams.get('version')));
      if (!project) return send(res, 404, 'The project could not be found.');
      return json(res, 200, { name: project.name, version: project.version, uuid: project.uuid, active: true });
    }
    const projectUuid = /^GET \/api\/v1\/finding\/project\/([^/]+)$/.exec(route)?.[1];
    if (projectUuid !== undefined) {
      const project = [...projects.values()].find((candidate) => candidate.uuid === projectUuid);
      if (!project) return send(res, 404, 'The project could not be found.');
      return json(res, 200, findings(project, url.searchParams.get('suppressed') === 'true'));
    }
    return send(res, 404, 'Not Found');
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { projectName?: string; projectVersion?: string; autoCreate?: boolean; bom?: string };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, 'invalid JSON');
    }
    if (typeof body.bom !== 'string' || typeof body.projectName !== 'string') return send(res, 400, 'bad request');
    let bom: { bomFormat?: string; specVersion?: string; components?: Record<string, unknown>[] };
    try {
      bom = JSON.parse(Buffer.from(body.bom, 'base64').toString('utf8'));
    } catch {
      return send(res, 400, 'The uploaded BOM is invalid');
    }
    if (bom.bomFormat !== 'CycloneDX') return send(res, 400, 'The uploaded BOM is invalid');
    const key = projectKey(body.projectName, body.projectVersion ?? null);
    let project = projects.get(key);
    if (!project) {
      if (body.autoCreate !== true) return send(res, 404, 'The project could not be found.');
      project = { uuid: randomUUID(), name: body.projectName, version: body.projectVersion ?? '', components: [] };
      projects.set(key, project);
    }
    // A BOM upload replaces the project's components.
    project.components = (bom.components ?? []).map((component) => ({
      uuid: randomUUID(),
      name: String(component.name),
      ...(typeof component.group === 'string' ? { group: component.group } : {}),
      ...(typeof component.version === 'string' ? { version: component.version } : {}),
      ...(typeof component.purl === 'string' ? { purl: component.purl } : {}),
    }));
    uploads.push({ projectName: project.name, projectVersion: project.version, bom });
    const token = randomUUID();
    tokens.set(token, options.processingPolls ?? 2);
    return json(res, 200, { token });
  }

  function findings(project: Project, withSuppressed: boolean): unknown[] {
    const out: unknown[] = [];
    for (const component of project.components) {
      for (const entry of options.vulnerabilities[component.purl ?? ''] ?? []) {
        if (entry.analysis?.isSuppressed && !withSuppressed) continue;
        const vulnUuid = vulnUuids.get(entry.vulnerability.vulnId) ?? randomUUID();
        vulnUuids.set(entry.vulnerability.vulnId, vulnUuid);
        out.push({
          component: { ...component, project: project.uuid, hasOccurrences: false, projectName: project.name },
          vulnerability: { ...entry.vulnerability, uuid: vulnUuid },
          analysis: { isSuppressed: false, ...entry.analysis },
          attribution: { analyzerIdentity: 'INTERNAL_ANALYZER', attributedOn: Date.now(), ...entry.attribution },
          matrix: `${project.uuid}:${component.uuid}:${vulnUuid}`,
        });
      }
    }
    return out;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    uploads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function projectKey(name: string | null, version: string | null): string {
  return `${name ?? ''}\u0000${version ?? ''}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(text);
}
