/**
 * Parsers that ask for the bytes they need, one range at a time, so the same parser reads a file already in memory
 * (synchronously) or a file opened for random access (only the ranges asked for are read). A parser is a generator
 * that yields `{ offset, length }` and receives those bytes: fewer at the end of the file, none past it.
 */
import type { FileReader } from '../analyzer.ts';

/** A request for up to `length` bytes at `offset`. */
export interface ByteRange {
  offset: number;
  length: number;
}

/** A parser over byte ranges of one file, giving a `T`. */
export type RangeParser<T> = Generator<ByteRange, T, Uint8Array>;

/** Runs a parser over bytes in memory. */
export function parseBytes<T>(parser: RangeParser<T>, bytes: Uint8Array): T {
  let step = parser.next(new Uint8Array(0));
  while (!step.done) step = parser.next(slice(bytes, step.value));
  return step.value;
}

/** Runs a parser over a file read in parts. */
export async function parseFile<T>(parser: RangeParser<T>, file: FileReader): Promise<T> {
  let step = parser.next(new Uint8Array(0));
  while (!step.done) {
    const { offset, length } = step.value;
    step = parser.next(offset >= 0 && length > 0 ? await file.read(offset, length) : new Uint8Array(0));
  }
  return step.value;
}

/** Runs a parser over the part of a file that starts at `start` and is `size` bytes long (a fat Mach-O slice). */
export function* withinRange<T>(parser: RangeParser<T>, start: number, size: number): RangeParser<T> {
  let step = parser.next(new Uint8Array(0));
  while (!step.done) {
    const from = Math.max(0, Math.min(step.value.offset, size));
    const length = Math.max(0, Math.min(step.value.length, size - from));
    step = parser.next(length > 0 ? yield { offset: start + from, length } : new Uint8Array(0));
  }
  return step.value;
}

function slice(bytes: Uint8Array, { offset, length }: ByteRange): Uint8Array {
  const from = Math.max(0, Math.min(offset, bytes.length));
  return bytes.subarray(from, Math.max(from, Math.min(from + length, bytes.length)));
}
