/** Compression detection by magic number: gzip RFC 1952 §2.3.1 (1f 8b), zstd RFC 8878 §3.1.1 (28 b5 2f fd). */

/** The compressions layers and archives come in. */
export type Compression = 'gzip' | 'zstd' | 'none';

/** The compression of some bytes, from their first four. */
export function compressionOf(head: Uint8Array): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}
