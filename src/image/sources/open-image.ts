/**
 * Turns a source spec into an `Image`: checks the path exists, detects bare arguments by content, and hands off to
 * the reader for that kind. Every driver (CLI, server, runtime scanner) opens images through here. Each reader (and
 * the schemas it validates with) loads only when its kind is read; an archive whose summary is cached
 * (`image-summary.ts`) loads none of them until a layer is walked.
 */
import { stat } from 'node:fs/promises';
import { LucentError } from '../../core/errors.ts';
import type { Image, Platform, SourceKind } from '../image.ts';
import type { LayerCache } from '../layer-cache.ts';
import type { OpenArchive } from './archive/archive-file.ts';
import { cachedImageSummary, imageFromSummary, imageSummaryKey, summarizeImage } from './archive/image-summary.ts';
import type { RegistryOptions } from './registry/index.ts';
import { parseSource, type SourceSpec, SUPPORTED_SOURCES } from './source-spec.ts';

/** How to open a source. */
export interface OpenImageOptions {
  inputType?: string;
  platform?: Platform;
  registry?: RegistryOptions;
  /** Keeps what compressed archives hold, so that a warm run need not decompress them. */
  cache?: LayerCache;
}

/** Opens any source string as an image. */
export async function openImage(text: string, options: OpenImageOptions = {}): Promise<Image> {
  const parsed = parseSource(text, options.inputType);
  const summaryKey = await archiveSummaryKey(text, parsed, options);
  const summary = summaryKey && options.cache ? await cachedImageSummary(options.cache, summaryKey) : undefined;
  if (summary) {
    const kind = parsed.kind === 'auto' ? summary.kind : parsed.kind;
    return imageFromSummary(summary, { kind, reference: text, target: parsed.target }, () =>
      openParsed(text, parsed, options),
    );
  }
  const image = await openParsed(text, parsed, options);
  if (summaryKey && options.cache && isArchiveKind(image.source.kind)) {
    await options.cache.put(summaryKey, summarizeImage(image.source.kind, image));
  }
  return image;
}

async function openParsed(text: string, parsed: SourceSpec, options: OpenImageOptions): Promise<Image> {
  const spec = await detectSource(parsed, options);
  const image = await openDetected(text, spec, options);
  image.source = { ...image.source, kind: spec.kind, target: spec.target };
  return image;
}

function isArchiveKind(kind: SourceSpec['kind']): boolean {
  return kind === 'docker-archive' || kind === 'oci-archive';
}

/** The summary key of a source that is (or may be, for bare paths) an image archive file; undefined otherwise. */
async function archiveSummaryKey(
  text: string,
  spec: SourceSpec,
  options: OpenImageOptions,
): Promise<string | undefined> {
  if (!options.cache || !(spec.kind === 'auto' || isArchiveKind(spec.kind))) return undefined;
  const info = await stat(spec.target).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  // The source text is part of the key: an image without tags is named by it.
  return imageSummaryKey(spec.target, { text, kind: spec.kind, platform: options.platform ?? null });
}

async function openDetected(text: string, spec: DetectedSource, options: OpenImageOptions): Promise<Image> {
  const source = { kind: spec.kind as SourceKind, reference: text };
  const platform = options.platform ? { platform: options.platform } : {};
  switch (spec.kind) {
    case 'registry': {
      // The HTTP stack loads only for registry sources.
      const { openRegistryImage } = await import('./registry/index.ts');
      return openRegistryImage(spec.target, { ...options.registry, ...platform });
    }
    case 'docker-archive':
    case 'oci-archive': {
      const { readDockerArchive } = await import('./archive/docker-archive.ts');
      const archive =
        spec.archive ??
        (await (await import('./archive/archive-file.ts')).openArchive(spec.target, archiveOptions(options)));
      return readDockerArchive(archive, { source, ...platform });
    }
    case 'oci-dir': {
      const [{ readOciLayout }, { directoryBlobStore }] = await Promise.all([
        import('./layout/oci-layout.ts'),
        import('./layout/blob-store.ts'),
      ]);
      return readOciLayout(directoryBlobStore(spec.target), { source, ...platform });
    }
    case 'dir':
      return (await import('./dir/dir-source.ts')).readDirectory(spec.target);
    case 'file':
      return (await import('./dir/dir-source.ts')).readSingleFile(spec.target);
    default:
      throw new LucentError('E_INTERNAL', `unhandled source kind ${spec.kind}`);
  }
}

/** A resolved spec; an archive opened while detecting it is kept open for reading. */
export type DetectedSource = SourceSpec & { kind: SourceKind; archive?: OpenArchive };

/** Resolves `auto` specs and checks that paths exist. */
export async function detectSource(spec: SourceSpec, options: OpenImageOptions = {}): Promise<DetectedSource> {
  if (spec.kind === 'registry') return { kind: 'registry', target: spec.target };
  const info = await stat(spec.target).catch(() => undefined);
  if (spec.kind !== 'auto') {
    if (!info) throw notFound(spec.target);
    if (spec.kind === 'dir' && !info.isDirectory()) throw wrongKind(spec.target, 'a directory');
    if (spec.kind === 'oci-dir' && !info.isDirectory()) throw wrongKind(spec.target, 'an OCI layout directory');
    if ((spec.kind === 'docker-archive' || spec.kind === 'oci-archive' || spec.kind === 'file') && !info.isFile()) {
      throw wrongKind(spec.target, 'a file');
    }
    return spec as DetectedSource;
  }
  if (!info) {
    if (looksLikePath(spec.target)) throw notFound(spec.target);
    return { kind: 'registry', target: spec.target };
  }
  if (info.isDirectory()) {
    const layout = await stat(`${spec.target}/oci-layout`).catch(() => undefined);
    return { kind: layout ? 'oci-dir' : 'dir', target: spec.target };
  }
  return detectArchive(spec.target, options);
}

function archiveOptions(options: OpenImageOptions) {
  return options.cache ? { cache: options.cache } : {};
}

async function detectArchive(path: string, options: OpenImageOptions): Promise<DetectedSource> {
  const [{ openArchive }, { isDockerArchive, isOciLayoutArchive }] = await Promise.all([
    import('./archive/archive-file.ts'),
    import('./archive/docker-archive.ts'),
  ]);
  let archive: OpenArchive;
  try {
    archive = await openArchive(path, archiveOptions(options));
  } catch {
    // Not a tar archive at all: a single file (a jar, a binary, a lock file).
    return { kind: 'file', target: path };
  }
  if (isOciLayoutArchive(archive.index)) return { kind: 'oci-archive', target: path, archive };
  if (isDockerArchive(archive.index)) return { kind: 'docker-archive', target: path, archive };
  await archive.close();
  return { kind: 'file', target: path };
}

function looksLikePath(target: string): boolean {
  return /^(\.{0,2}\/|~\/)/.test(target) || /\.(tar|tgz|tar\.gz|tar\.zst|json|ya?ml)$/i.test(target);
}

function notFound(path: string): LucentError {
  return new LucentError('E_SOURCE_NOT_FOUND', `no such file or directory: ${path}`, {
    hint: `check the path; sources can be ${SUPPORTED_SOURCES}`,
  });
}

function wrongKind(path: string, expected: string): LucentError {
  return new LucentError('E_SOURCE_INVALID', `${path} is not ${expected}`);
}
