/**
 * An HTTP proxy in front of a test registry that misbehaves on purpose: chosen requests get a canned answer (401,
 * 404, 429 with Retry-After, 500, a schema 1 manifest) a set number of times, or have their body rewritten, before
 * requests pass through untouched. Every request is logged with its time, so tests can check retries and delays.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One fault: which requests it hits, how often, and what it does instead of (or to) the real answer. */
export interface FaultRule {
  /** Matches the request path (a substring or a pattern). */
  path: string | RegExp;
  method?: string;
  /** How many matching requests are hit; every one when absent. */
  times?: number;
  /** Answer with this instead of asking the registry. */
  respond?: { status: number; headers?: Record<string, string>; body?: string | Uint8Array };
  /** Ask the registry, then rewrite the body it sent (Content-Length is fixed up). */
  transform?: (body: Buffer, headers: IncomingHttpHeaders) => Buffer;
}

/** One request the proxy saw. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  status: number;
  /** True when a rule answered or rewrote it. */
  faulted: boolean;
  headers: IncomingHttpHeaders;
}

/** A running fault proxy. */
export interface FaultProxy {
  /** `127.0.0.1:PORT`, to use in image references. */
  host: string;
  requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards to `upstreamHost` (`host:port`, plain HTTP) after applying `rules`. */
export async function startFaultProxy(upstreamHost: string, rules: FaultRule[]): Promise<FaultProxy> {
  const remaining = rules.map((rule) => rule.times ?? Number.POSITIVE_INFINITY);
  const requests: ProxiedRequest[] = [];
  const [upstreamName, upstreamPort] = splitHost(upstreamHost);

  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    const record: ProxiedRequest = {
      method,
      path,
      at: Date.now(),
      status: 0,
      faulted: false,
      headers: incoming.headers,
    };
    requests.push(record);
    const index = rules.findIndex(
      (rule, i) =>
        (remaining[i] ?? 0) > 0 &&
        (rule.method === undefined || rule.method === method) &&
        (typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path)),
    );
    const rule = index === -1 ? undefined : rules[index];
    if (rule) remaining[index] = (remaining[index] ?? 0) - 1;

    if (rule?.respond) {
      const body = rule.respond.body ?? '';
      record.status = rule.respond.status;
      record.faulted = true;
      outgoing.writeHead(rule.respond.status, { 'content-length': Buffer.byteLength(body), ...rule.respond.headers });
      outgoing.end(body);
      incoming.resume();
      return;
    }

    const upstream = httpRequest(
      {
        host: upstreamName,
        port: upstreamPort,
        method,
        path,
        headers: { ...incoming.headers, host: upstreamHost },
      },
      (answer) => {
        record.status = answer.statusCode ?? 0;
        if (!rule?.transform) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = rule.transform?.(Buffer.concat(chunks), answer.headers) ?? Buffer.alloc(0);
          record.faulted = true;
          outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': body.length });
          outgoing.end(body);
        });
      },
    );
    upstream.on('error', (error) => {
      record.status = 502;
      outgoing.writeHead(502).end(`upstream failed: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function splitHost(host: string): [string, number] {
  const colon = host.lastIndexOf(':');
  return [host.slice(0, colon), Number(host.slice(colon + 1))];
}
