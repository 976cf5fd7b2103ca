/**
 * The audit log: every write request (any method but GET, HEAD and OPTIONS) is recorded after its response, whether
 * it succeeded or was refused, with the caller, the route pattern, the route parameters and the status. Bodies are
 * never recorded (they may hold passwords or whole reports).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditEntry, AuthStore } from './auth-store.ts';
import type { Principal } from './guard.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the write was about, when the route parameters do not say (a login's user name); no secrets. */
    auditTarget?: Record<string, string>;
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installs the hook that writes one audit entry per write request. */
export function installAuditHook(app: FastifyInstance, store: AuthStore): void {
  app.addHook('onResponse', async (request, reply) => {
    if (READ_METHODS.has(request.method)) return;
    const entry = auditEntryOf(request, reply.statusCode);
    try {
      await store.appendAudit(entry);
    } catch (error) {
      // The response is already sent; a lost audit entry must at least be visible in the logs.
      request.log.error({ err: error, audit: entry }, 'could not write the audit entry');
    }
  });
}

/** The audit entry of a finished write request. */
export function auditEntryOf(request: FastifyRequest, status: number): AuditEntry {
  return {
    time: new Date().toISOString(),
    actor: actorOf(request.principal),
    action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
    target: JSON.stringify({ ...(request.params ?? {}), ...request.auditTarget }),
    status,
    address: request.ip,
  };
}

function actorOf(principal: Principal | null): string {
  if (!principal || principal.kind === 'anonymous') return 'anonymous';
  return `${principal.kind === 'session' ? 'user' : 'token'}:${principal.name}`;
}
