/** Content digests (`sha256:<hex>`), as used by OCI descriptors. */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { LucentError } from '../core/errors.ts';

const DIGEST = /^(sha256|sha512):([a-f0-9]+)$/;
const HEX_LENGTH = { sha256: 64, sha512: 128 } as const;

/** True for a well-formed `sha256:`/`sha512:` digest. */
export function isDigest(value: string): boolean {
  const match = DIGEST.exec(value);
  return match !== null && match[2]?.length === HEX_LENGTH[match[1] as keyof typeof HEX_LENGTH];
}

/** Starts a hash for the algorithm named in `digest`. */
export function hashFor(digest: string): Hash {
  const match = DIGEST.exec(digest);
  if (!match || !isDigest(digest)) {
    throw new LucentError('E_SOURCE_INVALID', `"${digest}" is not a valid content digest`);
  }
  return createHash(match[1] as string);
}

/** The sha256 digest of some bytes. */
export function sha256Digest(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Checks bytes already in memory against their digest. */
export function verifyBytes(bytes: Uint8Array, expected: string, what: string): void {
  const actual = `${expected.split(':')[0]}:${hashFor(expected).update(bytes).digest('hex')}`;
  if (actual !== expected) throw digestMismatch(what, expected, actual);
}

/** The error for content that does not match its digest. */
export function digestMismatch(what: string, expected: string, actual: string): LucentError {
  return new LucentError('E_DIGEST_MISMATCH', `digest mismatch for ${what}: expected ${expected}, got ${actual}`, {
    hint: 'the content was corrupted or tampered with in transit or storage; pull or export the image again',
  });
}

/**
 * A pass-through stream that hashes what flows through it and fails at the end when the digest differs, so a
 * consumer never sees a clean end of a corrupted blob. With `onMismatch`, a mismatch is reported there instead.
 */
export function verifyingStream(expected: string, what: string, onMismatch?: (error: LucentError) => void): Transform {
  const hash = hashFor(expected);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = `${expected.split(':')[0]}:${hash.digest('hex')}`;
      if (actual === expected) return callback();
      const error = digestMismatch(what, expected, actual);
      if (!onMismatch) return callback(error);
      onMismatch(error);
      callback();
    },
  });
}
