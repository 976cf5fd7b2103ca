/**
 * The analyzer contract (DESIGN §4). An analyzer declares which files it needs with cheap string tests, and turns
 * the bytes of one file into packages. It never walks or opens files: the walker streams each layer once and feeds
 * every analyzer that asked for a file. Results are cached per layer under the analyzer's name@version.
 */
import type { FoundPackage, OsInfo } from '../core/package.ts';

/** The layer a file came from. */
export interface LayerRef {
  index: number;
  diffId: string;
}

/** One file to analyze. */
export interface AnalyzerInput {
  /** Root-relative path, e.g. `var/lib/dpkg/status`. */
  path: string;
  content: Uint8Array;
  layer: LayerRef;
}

/** Random access to one file's bytes: the walker opens the file, the analyzer only asks for byte ranges. */
export interface FileReader {
  readonly size: number;
  /** Up to `length` bytes from `offset`: fewer at the end of the file, none past it. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** One file to analyze in parts (see `Analyzer.readsInParts`). */
export interface PartialInput {
  /** Root-relative path, e.g. `usr/bin/dockerd`. */
  path: string;
  file: FileReader;
  layer: LayerRef;
}

/** Licenses of OS packages found apart from the package database (e.g. Debian copyright files). */
export interface PackageLicenses {
  type: FoundPackage['type'];
  name: string;
  licenses: string[];
}

/** What an analyzer found in one file. */
export interface AnalyzerResult {
  packages: FoundPackage[];
  /** Problems with parts of the file (the rest was still read). */
  unknowns?: string[];
  os?: OsInfo;
  licenses?: PackageLicenses[];
}

/** A content analyzer. */
export interface Analyzer {
  /** Stable name, recorded in `foundBy`: 'dpkg', 'apk', 'npm', 'python', 'go-binary', 'java-archive', … */
  readonly name: string;
  /** Bump when the output for the same input changes: it invalidates exactly this analyzer's cached layers. */
  readonly version: number;
  /** Whether this analyzer needs the file. String operations on the path (and mode/size) only. */
  required(path: string, info: { size: number; mode: number }): boolean;
  /** Parses one file. Throwing is allowed: the file becomes an `Unknown` with the message as reason. */
  analyze(input: AnalyzerInput): Promise<AnalyzerResult> | AnalyzerResult;
  /**
   * Optional, for large files of which only parts are needed (sections of executables): true when a file this
   * analyzer requires should go to `analyzeParts` with random access instead of being read whole for `analyze`.
   * String operations only, like `required`.
   */
  readsInParts?(path: string, info: { size: number; mode: number }): boolean;
  /** Parses the parts it needs of one file. Throwing is allowed, as for `analyze`. */
  analyzeParts?(input: PartialInput): Promise<AnalyzerResult>;
}

/** A file reader over bytes already in memory. */
export function bytesReader(bytes: Uint8Array): FileReader {
  return {
    size: bytes.length,
    read: async (offset, length) => {
      const from = Math.max(0, Math.min(offset, bytes.length));
      return bytes.subarray(from, Math.max(from, Math.min(from + length, bytes.length)));
    },
  };
}

/** An empty result. */
export const NOTHING_FOUND: AnalyzerResult = Object.freeze({ packages: [] }) as AnalyzerResult;
