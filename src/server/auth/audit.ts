/**
 * The audit log: every write request (any method but GET, HEAD and OPTIONS) is recorded, whether it succeeded or was
 * refused, with the caller, the route pattern, the route parameters and the status. The entry is written as the answer
 * is about to be sent, so a client that got an answer can count on the entry being there. Bodies are never recorded
 * (they may hold passwords or whole reports).
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
  app.addHook('onSend', async (request, reply, payload) => {
    if (READ_METHODS.has(request.method)) return payload;
    const entry = auditEntryOf(request, reply.statusCode);
    try {
      await store.appendAudit(entry);
    } catch (error) {
      // The write itself is done (or refused); a lost audit entry must at least be visible in the logs.
      request.log.error({ err: error, audit: entry }, 'could not write the audit entry');
    }
    return payload;
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
