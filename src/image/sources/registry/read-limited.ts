/**
 * Reads a small response body (a manifest, a config, a token) into memory, refusing to go past a size cap so that a
 * broken or hostile server cannot make us buffer gigabytes.
 */
import { type ErrorCode, LucentError } from '../../../core/errors.ts';
import type { HttpResponse } from './http-client.ts';

/** Reads the whole body of `response`, failing with `code` once it passes `limit` bytes. */
export async function readLimited(
  response: HttpResponse,
  limit: number,
  what: string,
  code: ErrorCode = 'E_REGISTRY_RESPONSE',
): Promise<Uint8Array> {
  const tooLarge = (size?: number) =>
    new LucentError(
      code,
      size === undefined
        ? `${what} is larger than the ${formatBytes(limit)} Lucent accepts`
        : `${what} is ${size} bytes, more than the ${formatBytes(limit)} Lucent accepts`,
      { hint: 'no real manifest, config or token is this large; the registry or the image is broken' },
    );
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body.dump();
    throw tooLarge(declared);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      response.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
