/**
 * A loopback HTTP server that plays advisory feed hosts for `lucent db update` tests: fixed bodies per path with an
 * ETag and Last-Modified, 304 for a matching If-None-Match / If-Modified-Since (RFC 9110 §13.1), gzip on request,
 * redirects, forced error statuses with Retry-After, and slow bodies. Every request is logged with its headers.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What one path serves. */
export interface FeedRoute {
  body?: Uint8Array;
  etag?: string;
  lastModified?: string;
  /** Compress with Content-Encoding: gzip when the client accepts it. */
  gzip?: boolean;
  /** Answer with this status instead (a 5xx or 429 outage), with Retry-After: 0 so retries are quick. */
  fail?: number;
  /** Redirect here (302), as EPSS's current file does. */
  redirect?: string;
  /** Send the body in chunks of this many bytes, one every `delayMs`. */
  slow?: { chunkBytes: number; delayMs: number };
  /** Announce the whole body, send this many bytes, then close the connection. */
  cut?: number;
}

/** One request the server saw. */
export interface LoggedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

/** A running feed server. */
export interface FeedServer {
  url: string;
  host: string;
  routes: Map<string, FeedRoute>;
  requests: LoggedRequest[];
  /** Resolves when the body of `path` next starts streaming. */
  bodyStarted(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 and a free port. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const requests: LoggedRequest[] = [];
  const started = new Map<string, (() => void)[]>();
  const open = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = routes.get(path);
    const log = (status: number) => requests.push({ path, headers: request.headers, status });
    if (!route) {
      log(404);
      response.writeHead(404).end('not found');
      return;
    }
    if (route.fail) {
      log(route.fail);
      response.writeHead(route.fail, { 'retry-after': '0' }).end('outage');
      return;
    }
    if (route.redirect) {
      log(302);
      response.writeHead(302, { location: route.redirect }).end();
      return;
    }
    const validators: Record<string, string> = {};
    if (route.etag) validators.etag = route.etag;
    if (route.lastModified) validators['last-modified'] = route.lastModified;
    const ifNoneMatch = request.headers['if-none-match'];
    const ifModifiedSince = request.headers['if-modified-since'];
    // If-None-Match wins when both are sent (RFC 9110 §13.2.2).
    const notModified =
      ifNoneMatch !== undefined
        ? route.etag !== undefined && ifNoneMatch === route.etag
        : ifModifiedSince !== undefined && route.lastModified !== undefined && ifModifiedSince === route.lastModified;
    if (notModified) {
      log(304);
      response.writeHead(304, validators).end();
      return;
    }
    log(200);
    const gzip = route.gzip === true && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const plain = route.body ?? new Uint8Array();
    const body = gzip ? gzipSync(plain) : plain;
    response.writeHead(200, {
      ...validators,
      'content-length': String(body.length),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    for (const resolve of started.get(path)?.splice(0) ?? []) resolve();
    if (route.cut !== undefined) {
      response.write(body.subarray(0, route.cut), () => response.destroy());
      return;
    }
    if (!route.slow) {
      response.end(body);
      return;
    }
    open.add(response);
    const { chunkBytes, delayMs } = route.slow;
    let offset = 0;
    const timer = setInterval(() => {
      if (response.destroyed) {
        clearInterval(timer);
        open.delete(response);
        return;
      }
      response.write(body.subarray(offset, offset + chunkBytes));
      offset += chunkBytes;
      if (offset >= body.length) {
        clearInterval(timer);
        open.delete(response);
        response.end();
      }
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    routes,
    requests,
    bodyStarted(path) {
      return new Promise<void>((resolve) => started.set(path, [...(started.get(path) ?? []), resolve]));
    },
    async close() {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
