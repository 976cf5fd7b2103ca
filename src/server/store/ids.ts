/**
 * Deterministic ids: a row's id is a UUIDv5 of its natural key (an application's name, a resource's digest, a
 * package's purl, an advisory id), so ingesting the same report twice touches the same rows and never duplicates.
 * node:crypto has `randomUUID` (v4) but no v5, so v5 is built here from SHA-1 as RFC 9562 §5.5 describes.
 */
import { createHash } from 'node:crypto';

/** Lucent's namespace for every id it derives (a fixed v4 UUID; changing it would change every stored id). */
export const LUCENT_ID_NAMESPACE = '3f4c7d9e-5a1b-4c2d-8e6f-7a8b9c0d1e2f';

/** UUIDv5 of `name` in `namespace` (RFC 9562 §5.5): SHA-1 over namespace bytes + UTF-8 name, version and variant set. */
export function uuidV5(name: string, namespace: string = LUCENT_ID_NAMESPACE): string {
  const hex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const out = bytes.toString('hex');
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/** The id of an application: from its (unique) name. */
export function applicationId(name: string): string {
  return uuidV5(`application:${name}`);
}

/** The id of a resource: from its hash (image digest, directory or file hash). */
export function resourceId(hash: string): string {
  return uuidV5(`resource:${hash}`);
}

/** The id of a package: from its package key (the purl, or `name@version` with its language when there is none). */
export function packageId(key: string): string {
  return uuidV5(`package:${key}`);
}

/** The id of a vulnerability: from its advisory id (CVE-…, GHSA-…). */
export function vulnerabilityId(advisoryId: string): string {
  return uuidV5(`vulnerability:${advisoryId}`);
}

/** The id of a scan: from the resource, the kind of report and its time, so a re-sent report is the same scan. */
export function scanId(resource: string, kind: string, at: string): string {
  return uuidV5(`scan:${resource}:${kind}:${at}`);
}
