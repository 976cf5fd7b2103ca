/**
 * The image model every source produces and the walker consumes (DESIGN §2): a manifest, a config and ordered
 * layers whose entries can be streamed, once or again, without ever being written to the host.
 */
import type { ImageConfig } from './config-schema.ts';

/** The kinds of source Lucent reads. */
export type SourceKind = 'registry' | 'docker-archive' | 'oci-archive' | 'oci-dir' | 'dir' | 'file' | 'sbom';

/** An OS/architecture pair, as in OCI image indexes. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** What kind of thing a layer entry is. */
export type EntryType =
  | 'file'
  | 'directory'
  | 'symlink'
  | 'hardlink'
  | 'char-device'
  | 'block-device'
  | 'fifo'
  | 'other';

/** One entry's header, with the name exactly as stored in the layer (not yet normalised). */
export interface EntryHeader {
  name: string;
  type: EntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkname?: string;
}

/** Random access to a regular file's bytes, for readers that need only parts of a large file. */
export interface RandomAccessFile {
  readonly size: number;
  /** Up to `length` bytes from `offset`: fewer at the end of the file, none past it. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** What `discard()` gives where there is nothing to skip (bodies read by seeking): callers need not wait for it. */
export const NOTHING_TO_DISCARD: Promise<void> = Promise.resolve();

/** One entry of a layer. Its body must be consumed or discarded before the next entry is read. */
export interface LayerEntry {
  header: EntryHeader;
  /** The entry's bytes (empty for anything but regular files); read it at most once. */
  body(): AsyncIterable<Uint8Array>;
  /** Skips the body without reading it into memory; `NOTHING_TO_DISCARD` where bodies are only read on request. */
  discard(): Promise<void>;
  /**
   * Opens a regular file for random access, where the source can seek (uncompressed local layers, directories);
   * absent for streamed layers. Valid only until the next entry is read.
   */
  openRandomAccess?(): Promise<RandomAccessFile>;
}

/** Options for streaming a layer's entries. */
export interface EntryStreamOptions {
  /** Called with the number of stored (possibly compressed) bytes read so far. */
  onBytes?: (bytesRead: number) => void;
  signal?: AbortSignal;
  /** Receives integrity problems a lenient (local) source reports instead of failing on them. */
  onIntegrityWarning?: (message: string) => void;
}

/** Where a layer sits in its image, and how to recognise it. */
export interface LayerDescriptor {
  /** Position in the image, 0 = base layer. */
  index: number;
  /** Digest of the blob as stored or transferred (compressed). */
  digest: string;
  /** Digest of the uncompressed tar: the layer's identity, and the layer cache's key. */
  diffId: string;
  mediaType: string;
  /** Stored size in bytes (compressed), -1 when unknown. */
  size: number;
  /** The `created_by` line of the history entry that made this layer, if known. */
  createdBy?: string;
}

/** A layer that can stream its entries, as often as asked. */
export interface Layer extends LayerDescriptor {
  entries(options?: EntryStreamOptions): AsyncIterable<LayerEntry>;
  /**
   * The same entries, a batch at a time, where a source lists many at once (uncompressed local layers): one `await`
   * per batch rather than per entry. Each entry is still handled before the next is looked at.
   */
  entryBatches?(options?: EntryStreamOptions): AsyncIterable<readonly LayerEntry[]>;
}

/** One history record of the image config. */
export interface HistoryEntry {
  created?: string;
  createdBy?: string;
  comment?: string;
  emptyLayer: boolean;
  /** The layer this record made, when it made one. */
  layerIndex?: number;
}

/** A resolved image, ready for the walker. */
export interface Image {
  /** How the user named the image; `target` is the path or reference without its `kind:` prefix. */
  source: { kind: SourceKind; reference: string; target?: string };
  /** A human name: the tag, repository reference or path. */
  name: string;
  /** The image manifest (absent for directories, files and legacy docker-save archives). */
  manifest?: { digest: string; mediaType: string };
  /** The index or manifest list the manifest was picked from, if any. */
  index?: { digest: string; mediaType: string };
  /** Digest of the config blob (the image ID). */
  configDigest?: string;
  platform?: Platform;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: Layer[];
  repoTags: string[];
  /** Things a user should know about how the image was read (for example a config/manifest disagreement). */
  warnings: string[];
  /** Releases temporary files and connections. */
  close(): Promise<void>;
}
